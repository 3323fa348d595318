// npm start: the standalone server on SQLite (or PostgreSQL with DATABASE_URL), the protocol's definitions and, in
// demo mode, the demo accounts. Shuts down cleanly on SIGTERM/SIGINT.
import { DefinitionProblemsError, StoreInUseError, formatProblem } from '../engine/index.js';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createDao } from './create-dao.js';
import { createLogger, errorSummary } from './logger.js';
import { WebAppNotBuiltError } from './middleware/set-up-web-app.js';
import { MissingSessionSecretError } from './services/session-secret.js';

/** A setting that is missing or unsafe stops the server with its message alone (they say what to set). */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

const config = configOrExit();
const logger = createLogger({ level: config.logLevel });

async function start() {
  const dao = await createDao({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    dataDir: config.dataDir,
    definitionsDir: config.definitionsDir,
    auth: {
      ...(config.sessionSecret ? { sessionSecret: config.sessionSecret } : {}),
      ...(config.jwt ? { jwt: config.jwt } : {}),
    },
    demo: config.demoMode ? { ...(config.demoPassword ? { password: config.demoPassword } : {}) } : false,
    production: config.production,
    logger,
    mail: {
      transport: config.mail.transport,
      publicUrl: config.mail.publicUrl ?? `http://${config.host}:${config.port}`,
      ...(config.mail.productName ? { productName: config.mail.productName } : {}),
    },
  });
  if (dao.generatedDemoPassword) {
    // Printed once to the terminal, never to the log.
    process.stdout.write(`Demo accounts' password (generated for this run): ${dao.generatedDemoPassword}\n`);
  }
  const app = createApp(dao.services, { trustProxy: config.trustProxy });
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    process.stdout.write(`DAO Pathways listening on http://${config.host}:${port}\n`);
    logger.info(
      { host: config.host, port, definitionVersion: dao.definitionVersion, demo: config.demoMode },
      'listening',
    );
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      dao.close().then(
        () => {
          process.stdout.write('DAO Pathways stopped\n');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ error: errorSummary(err) }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start().catch((error: unknown) => {
  if (error instanceof DefinitionProblemsError) {
    process.stderr.write(
      `The definitions in ${config.definitionsDir} have problems:\n${error.problems.map(formatProblem).join('\n')}\n`,
    );
  } else if (
    error instanceof StoreInUseError ||
    error instanceof MissingSessionSecretError ||
    error instanceof WebAppNotBuiltError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error({ error: errorSummary(error) }, 'could not start');
  }
  process.exit(1);
});
