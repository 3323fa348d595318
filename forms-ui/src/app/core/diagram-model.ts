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

/** The node of the ways out that hold from any state. */
export const ANY_STATE = 'root_any';

/** The event type a way's label names, when an event (not a time limit or a condition) leads that way. */
export function eventOf(label: string): string | undefined {
  return /^[A-Za-z][\w.]*$/.test(label) && label !== 'automatically' ? label : undefined;
}

/** A history pseudo-state's title ("… (resume)"): it goes back to where the case was inside its state. */
export function isHistoryTitle(title: string): boolean {
  return / \(resume\)$/.test(title);
}

export type MermaidLine =
  | { kind: 'state'; id: string; title: string }
  | { kind: 'open'; id: string }
  | { kind: 'close' }
  | { kind: 'initial'; id: string }
  | { kind: 'final'; id: string }
  | { kind: 'edge'; from: string; to: string; label: string }
  | { kind: 'current'; id: string };

/** The lines of the Mermaid text engine/diagram/mermaid.ts writes, read once for both the text and the picture. */
export function readMermaid(text: string): MermaidLine[] {
  const lines: MermaidLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^state "(.*)" as (\w+)$/.exec(line))) lines.push({ kind: 'state', title: m[1]!, id: m[2]! });
    else if ((m = /^state (\w+) \{$/.exec(line))) lines.push({ kind: 'open', id: m[1]! });
    else if (line === '}') lines.push({ kind: 'close' });
    else if ((m = /^\[\*\] --> (\w+)$/.exec(line))) lines.push({ kind: 'initial', id: m[1]! });
    else if ((m = /^(\w+) --> \[\*\]$/.exec(line))) lines.push({ kind: 'final', id: m[1]! });
    else if ((m = /^(\w+) --> (\w+) : (.+)$/.exec(line))) {
      lines.push({ kind: 'edge', from: m[1]!, to: m[2]!, label: m[3]! });
    } else if ((m = /^class (\w+) current$/.exec(line))) lines.push({ kind: 'current', id: m[1]! });
  }
  return lines;
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
  for (const line of readMermaid(text)) {
    if (line.kind === 'state') {
      // History pseudo-states ("… (resume)") and the "from any state" node are not places a case can be.
      if (isHistoryTitle(line.title) || line.id === ANY_STATE) {
        hidden.set(line.id, stack.at(-1));
        continue;
      }
      const title = wording.titles?.get(line.id) ?? line.title;
      const state: DiagramState = {
        id: line.id,
        title,
        final: false,
        current: false,
        containsCurrent: false,
        children: [],
        next: [],
      };
      byId.set(line.id, state);
      (stack.at(-1)?.children ?? roots).push(state);
    } else if (line.kind === 'open') {
      const state = byId.get(line.id);
      if (state) stack.push(state);
    } else if (line.kind === 'close') {
      stack.pop();
    } else if (line.kind === 'final') {
      const state = byId.get(line.id);
      if (state) state.final = true;
    } else if (line.kind === 'edge') {
      edges.push([line.from, line.to, line.label]);
    } else if (line.kind === 'current') {
      current.add(line.id);
    }
  }
  const titles = new Map([...byId].map(([id, s]) => [id, s.title]));
  for (const [from, to, label] of edges) {
    const back = hidden.get(to);
    const target = titles.get(to) ?? (back ? `back to where it was in ${back.title}` : to);
    const event = eventOf(label);
    const way: Way = { label: eventLabel(label, wording), to: target, ...(event ? { event } : {}) };
    if (from === ANY_STATE) fromAnyState.push(way);
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
