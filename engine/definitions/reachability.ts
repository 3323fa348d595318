// Which states of a pathway can ever be entered, following every transition from the states already reached.
import { resolveTarget, type PathwayWalk, type StateInfo, type TransitionInfo } from './pathway-walk.js';

function enter(state: StateInfo, reached: Set<StateInfo>): void {
  if (reached.has(state)) return;
  reached.add(state);
  for (let p = state.parent; p; p = p.parent) reached.add(p);
  if (state.type === 'parallel') state.children.forEach((c) => enter(c, reached));
  if (state.type === 'compound') {
    const initial = state.children.find((c) => c.key === state.node.initial) ?? state.children[0];
    if (initial) enter(initial, reached);
  }
  if (state.type === 'history' && state.parent) {
    const fallback =
      typeof state.node.target === 'string'
        ? state.parent.children.find((c) => c.key === state.node.target)
        : undefined;
    if (fallback) enter(fallback, reached);
  }
}

export function reachableStates(
  walk: PathwayWalk,
  targetsOf: (t: TransitionInfo) => StateInfo[] = (t) =>
    t.targets
      .map((target) => resolveTarget(walk, t.source, target))
      .filter((s): s is StateInfo => typeof s !== 'string'),
): Set<StateInfo> {
  const reached = new Set<StateInfo>();
  enter(walk.root, reached);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of walk.transitions) {
      if (!reached.has(t.source)) continue;
      for (const target of targetsOf(t)) {
        if (!reached.has(target)) {
          enter(target, reached);
          changed = true;
        }
      }
    }
  }
  return reached;
}
