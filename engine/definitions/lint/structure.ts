// Pathway shape: targets that exist, no duplicate state ids, every state reachable, no non-final state without a way out.
import { resolveTarget, type StateInfo } from '../pathway-walk.js';
import { reachableStates } from '../reachability.js';
import type { LintContext } from './context.js';

export function lintStructure(ctx: LintContext): void {
  for (const [id, walk] of ctx.walks) {
    const source = ctx.set.pathways.get(id)!.source;
    const ids = new Map<string, StateInfo>();
    for (const state of walk.states) {
      const own = state.node.id;
      if (state.parent && typeof own === 'string') {
        if (ids.has(own) || own === walk.root.key)
          ctx.report(source, [...state.yamlPath, 'id'], 'duplicate-id', `duplicate state id "${own}"`);
        ids.set(own, state);
      }
      if (
        state.type === 'compound' &&
        state.node.initial !== undefined &&
        !state.children.some((c) => c.key === state.node.initial)
      ) {
        ctx.report(
          source,
          [...state.yamlPath, 'initial'],
          'unknown-state',
          `initial state "${String(state.node.initial)}" is not a child of ${state.statePath.join('.') || 'the pathway'}`,
        );
      }
      if (state.type === 'compound' && state.parent && state.node.initial === undefined) {
        ctx.report(
          source,
          state.yamlPath,
          'missing-initial',
          `state "${state.statePath.join('.')}" has child states but no "initial"`,
          'key',
        );
      }
    }
    const resolved = new Map<object, StateInfo[]>();
    for (const t of walk.transitions) {
      const list: StateInfo[] = [];
      t.targets.forEach((target, i) => {
        const found = resolveTarget(walk, t.source, target);
        if (typeof found === 'string') {
          const at = t.shorthand
            ? t.yamlPath
            : t.targets.length > 1
              ? [...t.yamlPath, 'target', i]
              : [...t.yamlPath, 'target'];
          ctx.report(source, at, 'unknown-state', `unknown target: ${found}`);
        } else list.push(found);
      });
      resolved.set(t, list);
    }
    const reached = reachableStates(walk, (t) => resolved.get(t) ?? []);
    for (const state of walk.states) {
      if (state.type === 'history' || reached.has(state)) continue;
      if (state.parent && !reached.has(state.parent)) continue; // report the outermost unreachable state only
      ctx.report(
        source,
        state.yamlPath,
        'unreachable-state',
        `state "${state.statePath.join('.')}" can never be reached`,
        'key',
      );
    }
    const hasWayOut = (state: StateInfo): boolean => {
      for (let s: StateInfo | undefined = state; s; s = s.parent) {
        if (walk.transitions.some((t) => t.source === s)) return true;
      }
      return false;
    };
    for (const state of walk.states) {
      if (state.type !== 'atomic' || !state.parent) continue;
      if (!hasWayOut(state))
        ctx.report(
          source,
          state.yamlPath,
          'dead-end',
          `state "${state.statePath.join('.')}" is not final and has no way out`,
          'key',
        );
    }
  }
}
