// Who is making a request, as the authentication middleware found them.

export interface Viewer {
  username: string;
  displayName: string;
  role: string;
  demo: boolean;
  /** How they proved it: a session cookie (CSRF token needed for writes) or a bearer token (none needed). */
  via: 'session' | 'bearer';
  sessionId?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: Viewer;
    }
  }
}
