// A pathway diagram as data for <pathway-diagram>: its states as a tree, each with the ways out of it. Read from the
// engine's Mermaid text (engine/diagram/mermaid.ts: served by GET /api/pathways/:id/diagram, or made here from a draft
// pathway's config), so the server's diagram, the case page and the editor's preview always agree.
import { pathwayToMermaid } from '../../../../engine/diagram/mermaid.js';
import type { JsonObject } from '../../../../engine/definitions/types.js';

export interface DiagramState {
  id: string;
  title: string;
  final: boolean;
  current: boolean;
  /** A current state is inside it. */
  containsCurrent: boolean;
  children: DiagramState[];
  next: Way[];
}

export interface Way {
  label: string;
  to: string;
  /** The event type, when an event (not a time limit or a condition) leads this way. */
  event?: string;
}

export interface Diagram {
  states: DiagramState[];
  /** Ways out that apply from any state (events handled at the top of the pathway). */
  fromAnyState: Way[];
  titles: Map<string, string>;
}

export interface DiagramWording {
  /** Event type → its title. */
  events?: Record<string, { title?: string } | undefined>;
  /** State id (Mermaid node id) → its title, where the served text had to simplify it. */
  titles?: Map<string, string>;
}

/** The Mermaid node id of a dotted state path (as engine/diagram/mermaid.ts names it). */
export function nodeId(path: string): string {
  return path.replace(/\./g, '__').replace(/[^A-Za-z0-9_]/g, '_');
}

function eventLabel(label: string, wording: DiagramWording): string {
  return wording.events?.[label]?.title ?? label;
}

export function parseDiagram(text: string, wording: DiagramWording = {}): Diagram {
  const byId = new Map<string, DiagramState>();
  const roots: DiagramState[] = [];
  const stack: DiagramState[] = [];
  const fromAnyState: Diagram['fromAnyState'] = [];
  const edges: [string, string, string][] = [];
  const current = new Set<string>();
  /** Hidden nodes, with the state they belong to (a history state returns to where the case was inside it). */
  const hidden = new Map<string, DiagramState | undefined>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let match: RegExpExecArray | null;
    if ((match = /^state "(.*)" as (\w+)$/.exec(line))) {
      const [, title, id] = match as unknown as [string, string, string];
      // History pseudo-states ("… (resume)") and the "from any state" node are not places a case can be.
      if (/ \(resume\)$/.test(title) || id === 'root_any') {
        hidden.set(id, stack.at(-1));
        continue;
      }
      const state: DiagramState = { id, title: wording.titles?.get(id) ?? title, final: false, current: false, containsCurrent: false, children: [], next: [] };
      byId.set(id, state);
      (stack.at(-1)?.children ?? roots).push(state);
    } else if ((match = /^state (\w+) \{$/.exec(line))) {
      const state = byId.get(match[1]!);
      if (state) stack.push(state);
    } else if (line === '}') {
      stack.pop();
    } else if ((match = /^(\w+) --> \[\*\]$/.exec(line))) {
      const state = byId.get(match[1]!);
      if (state) state.final = true;
    } else if ((match = /^(\w+) --> (\w+) : (.+)$/.exec(line))) {
      edges.push([match[1]!, match[2]!, match[3]!]);
    } else if ((match = /^class (\w+) current$/.exec(line))) {
      current.add(match[1]!);
    }
  }
  const titles = new Map([...byId].map(([id, s]) => [id, s.title]));
  for (const [from, to, label] of edges) {
    const back = hidden.get(to);
    const target = titles.get(to) ?? (back ? `back to where it was in ${back.title}` : to);
    const way: Way = { label: eventLabel(label, wording), to: target, ...(/^[A-Za-z][\w.]*$/.test(label) && label !== 'automatically' ? { event: label } : {}) };
    if (from === 'root_any') fromAnyState.push(way);
    else if (!hidden.has(from)) byId.get(from)?.next.push(way);
  }
  const mark = (state: DiagramState): boolean => {
    state.current = current.has(state.id);
    const inside = state.children.map(mark).some(Boolean);
    state.containsCurrent = inside;
    return state.current || inside;
  };
  roots.forEach(mark);
  return { states: roots, fromAnyState, titles };
}

/** The diagram of a pathway config (a draft being edited), with `current` state paths marked. */
export function diagramFromConfig(config: JsonObject, current: string[] = []): Diagram {
  const events = ((config.meta as JsonObject | undefined)?.events ?? {}) as DiagramWording['events'];
  return parseDiagram(pathwayToMermaid(config, current), { ...(events ? { events } : {}) });
}

export function findCurrent(diagram: Diagram): DiagramState[] {
  const found: DiagramState[] = [];
  const walk = (s: DiagramState) => (s.current ? found.push(s) : s.children.forEach(walk));
  diagram.states.forEach(walk);
  return found;
}
