// The lists a reader can ask for (GET /api/cases?view=…): the views every role has, and the named worklists of the
// definitions' states (meta.worklists). Each is the part of a store query that picks its cases; the reader's own
// visibility is added to every query by the case service. The server and the scenario runner list through these.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseQuery } from '../store/types.js';

/** The views every role has; a pathway's state meta may add named worklists (`worklists: [referrals]`). */
export const BUILT_IN_VIEWS = ['all', 'mine', 'waiting', 'act'] as const;

export type ListQuery = Omit<CaseQuery, 'visibleTo'>;

/** Named worklists of the definitions (state meta.worklists). */
export function worklistNames(defs: CompiledDefinitions): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { meta, states } = node as { meta?: { worklists?: unknown }; states?: Record<string, unknown> };
    if (Array.isArray(meta?.worklists)) for (const name of meta.worklists) names.add(String(name));
    for (const child of Object.values(states ?? {})) visit(child);
  };
  for (const pathway of defs.pathways.values()) visit(pathway.config);
  return [...names].sort();
}

/** Every view a reader can ask for. */
export function viewNames(defs: CompiledDefinitions): string[] {
  return [...BUILT_IN_VIEWS, ...worklistNames(defs)];
}

/** The view's own part of the query (whose cases, which list, its usual order), or undefined for no such view. */
export function viewQuery(
  view: string,
  reader: { id: string; role: string },
  defs: CompiledDefinitions,
): ListQuery | undefined {
  switch (view) {
    case 'all':
      return {};
    case 'mine':
      return { involving: reader.id };
    case 'waiting':
      return { waiting: true, sort: 'waiting' };
    case 'act':
      return { list: `act:${reader.role}` };
    default:
      return worklistNames(defs).includes(view) ? { list: view } : undefined;
  }
}
