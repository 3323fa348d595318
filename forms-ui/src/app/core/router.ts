// The app's screens by location hash ("#/cases/ID"): hash routing needs nothing from the server beyond the one page,
// so the app works under any mount path. Hashes that do not start with "#/" (in-page links) are not routes.

export interface Route {
  name: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

const PATTERNS: [name: string, pattern: string][] = [
  ['home', '/'],
  ['sign-in', '/sign-in'],
  ['to-do', '/to-do'],
  // The landing screen's older address.
  ['to-do', '/decisions'],
  ['my-cases', '/my-cases'],
  ['case', '/cases/:id'],
  // A part of a case: summary, now, forms, documents, history, where.
  ['case', '/cases/:id/:part'],
  ['referrals', '/referrals'],
  ['allocation', '/allocation'],
  ['documents', '/documents'],
  ['all-cases', '/all-cases'],
  ['audit', '/audit'],
  ['performance', '/performance'],
  ['groups', '/groups'],
  ['groups', '/groups/:id'],
  ['definitions', '/definitions'],
];

export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

export function parseRoute(hash: string): Route {
  const [path = '/', search = ''] = (hash.replace(/^#/, '') || '/').split('?');
  const parts = path.split('/').filter(Boolean);
  for (const [name, pattern] of PATTERNS) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (
      want.every((w, i) =>
        w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(parts[i]!)), true) : w === parts[i],
      )
    ) {
      return { name, params, query: new URLSearchParams(search) };
    }
  }
  return { name: 'not-found', params: {}, query: new URLSearchParams(search) };
}

/** The href of a screen: `href('/cases', id)` → "#/cases/ID". */
export function href(path: string, ...params: string[]): string {
  return `#${[path, ...params.map(encodeURIComponent)].join('/')}`;
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
