// A pathway as a picture: its states as boxes (a state with states inside it as a frame around them) and the ways
// between them as labelled arrows, laid out by dagre. Read from the same Mermaid text as the text version
// (engine/diagram/mermaid.ts), so the server, the case page and the editor's preview agree. Ways out of a whole frame,
// or from any state, would cross the picture many times: they are listed beside it instead. No DOM.
import dagre from '@dagrejs/dagre';
import { ANY_STATE, eventOf, isHistoryTitle, readMermaid, type DiagramWording } from './diagram-model.js';

export interface GraphNode {
  id: string;
  title: string;
  /** The frame (a state with states inside) it is drawn in. */
  parent?: string;
  final: boolean;
  current: boolean;
  /** "Back to where it was" (a history state), drawn small. */
  history: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  label: string;
  event?: string;
}

export interface PathwayGraph {
  nodes: Map<string, GraphNode>;
  /** Frames: states with states inside, by id, with their first state. */
  frames: Map<string, { title: string; parent?: string; initial?: string; current: boolean }>;
  edges: GraphEdge[];
  /** Ways out of a whole frame, or of any state: [where from, way]. */
  listed: { from: string; label: string; to: string }[];
  /** The pathway's first state. */
  start?: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface LaidOut {
  width: number;
  height: number;
  nodes: (GraphNode & Box)[];
  frames: ({ id: string; title: string; current: boolean; titleBox: Box } & Box)[];
  edges: (GraphEdge & { points: { x: number; y: number }[]; labelBox?: Box })[];
}

function eventTitle(label: string, wording: DiagramWording): string {
  return wording.events?.[label]?.title ?? label;
}

export function parseGraph(text: string, wording: DiagramWording = {}): PathwayGraph {
  const states = new Map<
    string,
    { title: string; parent?: string; final: boolean; current: boolean; history: boolean }
  >();
  const initial = new Map<string, string>();
  const children = new Set<string>();
  const stack: string[] = [];
  const rawEdges: [string, string, string][] = [];
  const current = new Set<string>();
  for (const line of readMermaid(text)) {
    if (line.kind === 'state') {
      if (line.id === ANY_STATE) continue;
      const history = isHistoryTitle(line.title);
      const title = wording.titles?.get(line.id) ?? line.title.replace(/ \(resume\)$/, '');
      const parent = stack.length ? { parent: stack.at(-1)! } : {};
      states.set(line.id, { title, ...parent, final: false, current: false, history });
      if (stack.length) children.add(stack.at(-1)!);
    } else if (line.kind === 'open') stack.push(line.id);
    else if (line.kind === 'close') stack.pop();
    else if (line.kind === 'initial') initial.set(stack.at(-1) ?? '', line.id);
    else if (line.kind === 'final') {
      const state = states.get(line.id);
      if (state) state.final = true;
    } else if (line.kind === 'edge') rawEdges.push([line.from, line.to, line.label]);
    else current.add(line.id);
  }
  const frames: PathwayGraph['frames'] = new Map();
  const nodes = new Map<string, GraphNode>();
  for (const [id, s] of states) {
    if (children.has(id))
      frames.set(id, {
        title: s.title,
        ...(s.parent ? { parent: s.parent } : {}),
        ...(initial.get(id) ? { initial: initial.get(id)! } : {}),
        current: false,
      });
    else
      nodes.set(id, {
        id,
        title: s.title,
        ...(s.parent ? { parent: s.parent } : {}),
        final: s.final,
        current: current.has(id),
        history: s.history,
      });
  }
  // A frame holding the current state is marked too.
  for (const node of nodes.values()) {
    for (let p = node.current ? node.parent : undefined; p; p = frames.get(p)?.parent) frames.get(p)!.current = true;
  }
  /** A way into a frame goes to its first state. */
  const entry = (id: string): string => {
    let at = id;
    for (let i = 0; frames.has(at) && i < 20; i++) at = frames.get(at)!.initial ?? at;
    return at;
  };
  const titleOf = (id: string) => states.get(id)?.title ?? id;
  const edges: GraphEdge[] = [];
  const listed: PathwayGraph['listed'] = [];
  for (const [from, to, label] of rawEdges) {
    const words = eventTitle(label, wording);
    const event = eventOf(label);
    if (from === ANY_STATE || frames.has(from)) {
      const where = from === ANY_STATE ? 'Any state' : `Anywhere in ${titleOf(from)}`;
      listed.push({ from: where, label: words, to: titleOf(to) });
      continue;
    }
    edges.push({ from, to: entry(to), label: words, ...(event ? { event } : {}) });
  }
  const start = initial.get('') ? entry(initial.get('')!) : undefined;
  return { nodes, frames, edges, listed, ...(start ? { start } : {}) };
}

const CHAR = 7.8;
const LINE = 17;

/** Words wrapped to lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function box(lines: string[], padX: number, padY: number): { width: number; height: number } {
  return { width: Math.max(...lines.map((l) => l.length)) * CHAR + padX * 2, height: lines.length * LINE + padY * 2 };
}

export function layoutGraph(graph: PathwayGraph): LaidOut {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 36, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const nodeLines = new Map<string, string[]>();
  for (const node of graph.nodes.values()) {
    const lines = node.history
      ? ['Back to where', 'it was']
      : [...(node.current ? ['You are here'] : []), ...wrap(node.title, 22)];
    nodeLines.set(node.id, lines);
    g.setNode(node.id, box(lines, 10, 8));
    if (node.parent) g.setParent(node.id, node.parent);
  }
  for (const [id, frame] of graph.frames) {
    g.setNode(id, {});
    if (frame.parent) g.setParent(id, frame.parent);
    // Room for the frame's title: a box inside it, above its first state.
    const label = `${id}__title`;
    const lines = wrap(frame.title, 30);
    nodeLines.set(label, lines);
    g.setNode(label, box(lines, 4, 2));
    g.setParent(label, id);
    if (frame.initial && (graph.nodes.has(frame.initial) || graph.frames.has(frame.initial))) {
      const first = graph.nodes.has(frame.initial) ? frame.initial : `${frame.initial}__title`;
      g.setEdge(label, first, { minlen: 1, weight: 5 }, `${label}-first`);
    }
  }
  graph.edges.forEach((edge, i) => {
    if (!graph.nodes.has(edge.from) || !graph.nodes.has(edge.to)) return;
    const lines = wrap(edge.label, 20);
    g.setEdge(edge.from, edge.to, { ...box(lines, 2, 1), labelpos: 'c', lines }, `e${i}`);
  });
  dagre.layout(g);
  const at = (id: string): Box => {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    return {
      x: n.x - n.width / 2,
      y: n.y - n.height / 2,
      width: n.width,
      height: n.height,
      lines: nodeLines.get(id) ?? [],
    };
  };
  const edges: LaidOut['edges'] = [];
  graph.edges.forEach((edge, i) => {
    const laid = g.edge({ v: edge.from, w: edge.to, name: `e${i}` }) as
      | { points?: { x: number; y: number }[]; x?: number; y?: number; width: number; height: number; lines: string[] }
      | undefined;
    if (!laid?.points) return;
    const labelBox =
      laid.x !== undefined && laid.y !== undefined
        ? {
            x: laid.x - laid.width / 2,
            y: laid.y - laid.height / 2,
            width: laid.width,
            height: laid.height,
            lines: laid.lines,
          }
        : undefined;
    edges.push({ ...edge, points: laid.points, ...(labelBox ? { labelBox } : {}) });
  });
  const size = g.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes: [...graph.nodes.values()].map((n) => ({ ...n, ...at(n.id) })),
    frames: [...graph.frames].map(([id, f]) => ({
      id,
      title: f.title,
      current: f.current,
      ...at(id),
      titleBox: at(`${id}__title`),
    })),
    edges,
  };
}
