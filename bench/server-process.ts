// A server for the benchmarks in its own process group (`node build/server/main.js`, what `npm start` runs after
// `npm run build`, which `npm run bench` runs first; or a bench script run by tsx), on 127.0.0.1 and a free port; its
// output goes to a file so that the benchmark process does not spend time reading it.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export const BENCH_PASSWORD = 'bench password, not a secret';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL to the whole group, resolved once it has gone. */
  kill(): Promise<void>;
  /** SIGTERM to the group and wait for it to exit (at most 20 s, then SIGKILL). */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group has already gone
  }
}

async function waitForHealth(
  url: string,
  path: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url + path)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}${path} within ${timeoutMs} ms:\n${output()}`);
}

/** Starts `node <script>` (`--import tsx` for .ts) with PORT and HOST set; resolves once `healthPath` answers 200. */
export async function startProcess(
  script: string,
  options: {
    env?: Record<string, string>;
    logFile: string;
    healthPath?: string;
    timeoutMs?: number;
    nodeArgs?: string[];
    port?: number;
    /** The folder to run it in (another checkout's build, for a side-by-side run); this one's by default. */
    cwd?: string;
  },
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, 'a');
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, script], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const output = () => readFileSync(options.logFile, 'utf8');
  const running: ServerProcess = {
    url,
    child,
    output,
    async kill() {
      signalGroup(child, 'SIGKILL');
      await exited(child);
    },
    async stop() {
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 20_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  try {
    await waitForHealth(url, options.healthPath ?? '/api/health', child, output, options.timeoutMs ?? 90_000);
  } catch (error) {
    await running.kill();
    throw error;
  }
  return running;
}

/**
 * The standalone server as `npm start` runs it (compiled, served by app.listen) on SQLite under dataDir, in demo mode
 * with BENCH_PASSWORD.
 * BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each server there, to see where the time goes.
 */
export function startDaoServer(
  dataDir: string,
  definitionsDir: string,
  env: Record<string, string> = {},
  port?: number,
  cwd?: string,
): Promise<ServerProcess> {
  const profile = process.env.BENCH_PROFILE_DIR;
  return startProcess('build/server/main.js', {
    ...(profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profile}`] } : {}),
    ...(port ? { port } : {}),
    ...(cwd ? { cwd } : {}),
    logFile: join(dataDir, 'server.log'),
    env: {
      DATA_DIR: dataDir,
      DEFINITIONS_DIR: definitionsDir,
      DEMO_MODE: 'true',
      DEMO_PASSWORD: BENCH_PASSWORD,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
}
