// A throwaway PostgreSQL cluster for a benchmark, started and stopped by scripts/test-postgres.sh (as `npm test` does:
// initdb in a temporary folder, a loopback port, fsync off). TEST_DATABASE_URL, when set, is used instead.
import { execFileSync } from 'node:child_process';

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

export function startThrowawayPostgres(): ThrowawayPostgres {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => undefined };
  const out = execFileSync(
    'bash',
    [
      '-c',
      'source scripts/test-postgres.sh && start_test_postgres >&2 && ' +
        'echo "$TEST_DATABASE_URL|$PG_TEST_DIR|$PG_TEST_BINDIR"',
    ],
    { encoding: 'utf8' },
  );
  const [url, dir, bindir] = out.trim().split('|') as [string, string, string];
  return {
    url,
    stop: () => {
      execFileSync('bash', ['-c', 'source scripts/test-postgres.sh && stop_test_postgres'], {
        env: { ...process.env, PG_TEST_DIR: dir, PG_TEST_BINDIR: bindir },
        stdio: 'ignore',
      });
    },
  };
}
