// Reading many cases' full views at once (for the team's lists), a few at a time so the server is not flooded.
import type { ApiClient } from './api-client.js';
import type { CaseBody, CaseSummary } from './types.js';

const AT_ONCE = 6;

export async function caseViews(api: ApiClient, cases: CaseSummary[], limit = 100): Promise<Map<string, CaseBody>> {
  const views = new Map<string, CaseBody>();
  const queue = cases.slice(0, limit);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift())
      views.set(next.id, await api.get<CaseBody>(`api/cases/${encodeURIComponent(next.id)}`));
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return views;
}

/**
 * The open cases the person's role must act on now (view=act), as many as one page holds (100): a queue built from
 * their full views, like the documents waiting for the role, reads no more than that.
 */
export async function casesToActOn(api: ApiClient): Promise<CaseSummary[]> {
  return (await api.get<{ cases: CaseSummary[] }>('api/cases?view=act&limit=100')).cases;
}
