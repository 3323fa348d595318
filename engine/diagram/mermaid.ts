// A pathway as a Mermaid state diagram, optionally marking the states a case is in now.
import { resolveTarget, walkPathway, type StateInfo } from '../definitions/pathway-walk.js';
import type { JsonObject } from '../definitions/types.js';

function nodeId(state: StateInfo): string {
  return state.statePath.length ? state.statePath.join('__').replace(/[^A-Za-z0-9_]/g, '_') : 'root';
}

function label(state: StateInfo): string {
  const title = (state.node.meta as { title?: string } | undefined)?.title ?? state.key;
  return title.replace(/[":;{}]/g, ' ').trim();
}

export function pathwayToMermaid(config: JsonObject, current: string[] = []): string {
  const walk = walkPathway(config);
  const lines = ['stateDiagram-v2'];
  const render = (state: StateInfo, indent: string) => {
    const initial =
      state.children.find((c) => c.key === state.node.initial) ??
      (state.type === 'compound' ? state.children[0] : undefined);
    if (initial) lines.push(`${indent}[*] --> ${nodeId(initial)}`);
    for (const child of state.children) {
      if (child.type === 'history') {
        lines.push(`${indent}state "${label(child)} (resume)" as ${nodeId(child)}`);
        continue;
      }
      lines.push(`${indent}state "${label(child)}" as ${nodeId(child)}`);
      if (child.children.length) {
        lines.push(`${indent}state ${nodeId(child)} {`);
        render(child, indent + '  ');
        lines.push(`${indent}}`);
      }
      if (child.type === 'final') lines.push(`${indent}${nodeId(child)} --> [*]`);
    }
  };
  render(walk.root, '  ');
  const seen = new Set<string>();
  for (const t of walk.transitions) {
    const name = t.kind === 'on' ? t.event : t.kind === 'after' ? `after ${t.delay}` : 'automatically';
    for (const target of t.targets) {
      const to = resolveTarget(walk, t.source, target);
      if (typeof to === 'string' || !t.source.parent) {
        if (typeof to !== 'string' && !t.source.parent) {
          const line = `  root_any --> ${nodeId(to)} : ${name}`;
          if (!seen.has(line)) {
            lines.push(line);
            seen.add(line);
          }
        }
        continue;
      }
      const line = `  ${nodeId(t.source)} --> ${nodeId(to)} : ${name}`;
      if (!seen.has(line)) {
        lines.push(line);
        seen.add(line);
      }
    }
  }
  if (lines.some((l) => l.includes('root_any'))) lines.splice(1, 0, '  state "From any state" as root_any');
  if (current.length) {
    lines.push('  classDef current fill:#ffdd00,stroke:#0b0c0c,stroke-width:3px,color:#0b0c0c');
    for (const path of current)
      lines.push(`  class ${path.replace(/\./g, '__').replace(/[^A-Za-z0-9_]/g, '_')} current`);
  }
  return lines.join('\n');
}
