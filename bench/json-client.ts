// A small JSON client over node:http with keep-alive, for the benchmarks' simulated people: signs in with the
// demo password, sends the session cookie and the CSRF token, and times each request.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { BENCH_PASSWORD } from './server-process.js';

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
}

export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
  ms: number;
  setCookie: string[];
}

export class JsonClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

  constructor(
    public baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Resolves with the response, or rejects on a network failure (refused, reset, timed out). */
  send(method: string, path: string, body?: unknown, session?: Session): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        this.baseUrl + path,
        {
          method,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            accept: 'application/json',
            ...(payload !== undefined
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
            ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown>;
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              parsed = { text };
            }
            resolve({
              status: res.statusCode ?? 0,
              body: parsed,
              ms: performance.now() - started,
              setCookie: res.headers['set-cookie'] ?? [],
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timed out after ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async signIn(username: string, password = BENCH_PASSWORD): Promise<Session> {
    const res = await this.send('POST', '/api/session', { username, password });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { username, cookie: res.setCookie[0]!.split(';')[0]!, csrfToken: String(res.body.csrfToken) };
  }

  close(): void {
    this.agent.destroy();
  }
}
