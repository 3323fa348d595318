// What a list's filters offer, read from the definitions and the settings: the stages of the pathways cases start on
// (those of one worklist, where the list is one), the pathways, and the officers cases are allocated to.
import type { AppContext } from './context.js';
import type { Officer, PathwayListItem } from './types.js';

export interface Choice {
  value: string;
  label: string;
}

export interface ListChoices {
  /** States by their dotted path, indented under the state they are in. */
  stages: Choice[];
  /** Stages a case ends in: choosing one shows closed cases too. */
  finalStages: string[];
  pathways: Choice[];
  officers: Choice[];
}

/** Indents a stage under the stages it is in (non-breaking spaces: a select keeps them, a screen reader skips them). */
function indent(path: string, shown: Set<string>): string {
  const parents = path
    .split('.')
    .slice(0, -1)
    .filter((_, i, parts) => shown.has(parts.slice(0, i + 1).join('.')));
  return '\u00a0\u00a0\u00a0'.repeat(parents.length);
}

export async function listChoices(
  context: AppContext,
  options: { worklist?: string; officers?: boolean } = {},
): Promise<ListChoices> {
  const { api, catalogue } = context;
  const [{ pathways }, queue] = await Promise.all([
    api.get<{ pathways: PathwayListItem[] }>('api/pathways'),
    options.officers ? api.get<{ officers: Officer[] }>('api/cases/allocation-queue?limit=1') : undefined,
  ]);
  const starting = pathways.filter((p) => p.startsCase);
  const stages: Choice[] = [];
  const finalStages: string[] = [];
  for (const item of starting) {
    const pathway = await catalogue.pathway(item.id);
    const listed = pathway.states.filter((s) => {
      if (s.type === 'history' || typeof s.meta.title !== 'string') return false;
      const worklists = Array.isArray(s.meta.worklists) ? (s.meta.worklists as string[]) : [];
      return !options.worklist || worklists.includes(options.worklist);
    });
    const shown = new Set(listed.map((s) => s.path));
    for (const state of listed) {
      stages.push({ value: state.path, label: `${indent(state.path, shown)}${String(state.meta.title)}` });
      if (state.type === 'final') finalStages.push(state.path);
    }
  }
  return {
    stages,
    finalStages,
    pathways: starting.map((p) => ({ value: p.id, label: p.title })),
    officers: (queue?.officers ?? []).map((o) => ({ value: o.username, label: o.name })),
  };
}
