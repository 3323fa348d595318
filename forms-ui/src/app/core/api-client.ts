// Talks to the server's API with relative URLs (the page's <base> is the mount path), sends the CSRF token on every
// write, and turns problem+json answers into ApiError values the pages can show.

export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  allowedEvents?: string[];
  errors?: Record<string, string[]>;
  problems?: { file: string; line: number; col: number; message: string }[];
  currentVersion?: number;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export class ApiClient {
  csrfToken: string | undefined;
  /** Called when the server says the person is no longer signed in (401 on anything but signing in). */
  onSignedOut: (() => void) | undefined;

  constructor(private readonly base: string = document.baseURI) {}

  url(path: string): string {
    return new URL(path, this.base).href;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete(path: string): Promise<unknown> {
    return this.request('DELETE', path);
  }

  /**
   * A write the browser completes even if the page is being left (fetch `keepalive`: at most 64 KB), with the CSRF
   * token like any write. Nothing waits for its answer.
   */
  keepalive(method: 'PUT' | 'POST', path: string, body: unknown): void {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const init: RequestInit = { method, headers, credentials: 'same-origin', keepalive: true };
    void fetch(this.url(path), { ...init, body: JSON.stringify(body) }).catch(() => undefined);
  }

  async text(path: string): Promise<string> {
    const response = await fetch(this.url(path), { credentials: 'same-origin' });
    if (!response.ok) throw await this.#problem(response, 'GET');
    return response.text();
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.url(path), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw await this.#problem(response, method, path);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async #problem(response: Response, method: string, path = ''): Promise<ApiError> {
    let problem: Problem = { status: response.status };
    try {
      problem = { ...(await response.json()), status: response.status };
    } catch {
      // not JSON: keep the status
    }
    if (response.status === 401 && !(method === 'POST' && path === 'api/session')) this.onSignedOut?.();
    return new ApiError(problem);
  }
}
