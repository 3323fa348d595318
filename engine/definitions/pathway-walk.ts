// Walks a pathway config once: its states, transitions, guards and actions, each with its place in the YAML.
import type { Path } from './source.js';
import type { JsonObject } from './types.js';

export interface StateInfo {
  key: string;
  statePath: string[];
  yamlPath: Path;
  node: JsonObject;
  parent?: StateInfo;
  children: StateInfo[];
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
}

export interface TransitionInfo {
  source: StateInfo;
  kind: 'on' | 'always' | 'after';
  event?: string;
  delay?: string;
  targets: string[];
  guard?: unknown;
  /** written as a bare target string */
  shorthand: boolean;
  yamlPath: Path;
}

export interface NamedUse {
  kind: 'guard' | 'action';
  type: string;
  params: Record<string, unknown>;
  yamlPath: Path;
  transition?: TransitionInfo;
  state: StateInfo;
}

export interface PathwayWalk {
  root: StateInfo;
  states: StateInfo[];
  transitions: TransitionInfo[];
  uses: NamedUse[];
}

function stateType(node: JsonObject): StateInfo['type'] {
  if (typeof node.type === 'string' && node.type !== 'compound' && node.type !== 'atomic')
    return node.type as StateInfo['type'];
  return node.states && Object.keys(node.states as object).length ? 'compound' : 'atomic';
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function walkPathway(config: JsonObject): PathwayWalk {
  const states: StateInfo[] = [];
  const transitions: TransitionInfo[] = [];
  const uses: NamedUse[] = [];

  const collectGuards = (guard: unknown, yamlPath: Path, state: StateInfo, transition: TransitionInfo) => {
    if (!guard || typeof guard !== 'object') return;
    const g = guard as Record<string, unknown>;
    if (Array.isArray(g.and) || Array.isArray(g.or)) {
      const key = Array.isArray(g.and) ? 'and' : 'or';
      (g[key] as unknown[]).forEach((inner, i) => collectGuards(inner, [...yamlPath, key, i], state, transition));
    } else if (g.not) collectGuards(g.not, [...yamlPath, 'not'], state, transition);
    else if (typeof g.type === 'string') {
      uses.push({
        kind: 'guard',
        type: g.type,
        params: (g.params as Record<string, unknown>) ?? {},
        yamlPath,
        transition,
        state,
      });
    }
  };

  const collectActions = (actions: unknown, yamlPath: Path, state: StateInfo, transition?: TransitionInfo) => {
    const list = asList(actions);
    list.forEach((action, i) => {
      if (action && typeof action === 'object' && typeof (action as JsonObject).type === 'string') {
        const a = action as JsonObject;
        uses.push({
          kind: 'action',
          type: a.type as string,
          params: (a.params as Record<string, unknown>) ?? {},
          yamlPath: Array.isArray(actions) ? [...yamlPath, i] : yamlPath,
          transition,
          state,
        });
      }
    });
  };

  const addTransitions = (
    state: StateInfo,
    kind: TransitionInfo['kind'],
    value: unknown,
    yamlPath: Path,
    key?: string,
  ) => {
    const list = asList(value);
    list.forEach((entry, i) => {
      const path = Array.isArray(value) ? [...yamlPath, i] : yamlPath;
      const t = typeof entry === 'string' ? { target: entry } : ((entry ?? {}) as JsonObject);
      const info: TransitionInfo = {
        source: state,
        kind,
        ...(kind === 'on' ? { event: key } : {}),
        ...(kind === 'after' ? { delay: key } : {}),
        targets: asList(t.target).filter((x): x is string => typeof x === 'string'),
        guard: t.guard,
        shorthand: typeof entry === 'string',
        yamlPath: path,
      };
      transitions.push(info);
      collectGuards(t.guard, [...path, 'guard'], state, info);
      collectActions(t.actions, [...path, 'actions'], state, info);
    });
  };

  const visit = (key: string, node: JsonObject, statePath: string[], yamlPath: Path, parent?: StateInfo): StateInfo => {
    const info: StateInfo = {
      key,
      statePath,
      yamlPath,
      node,
      parent,
      children: [],
      type: parent ? stateType(node) : 'compound',
    };
    if (!parent && node.type === 'parallel') info.type = 'parallel';
    states.push(info);
    for (const [event, value] of Object.entries((node.on as JsonObject) ?? {}))
      addTransitions(info, 'on', value, [...yamlPath, 'on', event], event);
    if (node.always !== undefined) addTransitions(info, 'always', node.always, [...yamlPath, 'always']);
    for (const [delay, value] of Object.entries((node.after as JsonObject) ?? {}))
      addTransitions(info, 'after', value, [...yamlPath, 'after', delay], delay);
    collectActions(node.entry, [...yamlPath, 'entry'], info);
    collectActions(node.exit, [...yamlPath, 'exit'], info);
    for (const [childKey, child] of Object.entries((node.states as JsonObject) ?? {})) {
      info.children.push(
        visit(childKey, (child ?? {}) as JsonObject, [...statePath, childKey], [...yamlPath, 'states', childKey], info),
      );
    }
    return info;
  };

  const root = visit(String(config.id ?? ''), config, [], []);
  return { root, states, transitions, uses };
}

/** Resolves an XState target from a transition's source, or explains why it cannot. */
export function resolveTarget(walk: PathwayWalk, source: StateInfo, target: string): StateInfo | string {
  const descend = (from: StateInfo, parts: string[]): StateInfo | string => {
    let node = from;
    for (const part of parts) {
      const next = node.children.find((c) => c.key === part);
      if (!next)
        return `"${target}" does not name a state: "${node.statePath.join('.') || 'the pathway'}" has no child "${part}"`;
      node = next;
    }
    return node;
  };
  if (target.startsWith('#')) {
    const [id, ...rest] = target.slice(1).split('.');
    const start = walk.root.key === id ? walk.root : walk.states.find((s) => s.node.id === id);
    if (!start) return `"${target}": no state has the id "${id}"`;
    return descend(start, rest);
  }
  if (target.startsWith('.')) return descend(source, target.slice(1).split('.'));
  if (!source.parent) return `"${target}" is not a valid target from the top of the pathway: write ".${target}"`;
  return descend(source.parent, target.split('.'));
}
