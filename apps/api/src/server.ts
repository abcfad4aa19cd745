import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@chedun/config';
import { EmbeddedPostgresHandle, migrateDatabase, startEmbeddedPostgres } from '@chedun/db';
import { migrations } from '@chedun/migrations';
import { createApp } from './bootstrap';
import { compactHeapOnceQuiet } from './compact-after-start';
import { DemoClock } from './demo/demo-clock';
import { DEMO_LOGINS, DemoSeeder } from './demo/demo-seeder';
import { resolveJwtSecret } from './dev-secrets';
import { startBanner } from './start-banner';

export function describeFailure(reason: unknown): string {
  if (reason instanceof Error) return reason.stack ?? reason.message;
  // A bare `reject()` says nothing; say at least that, rather than print "undefined".
  if (reason === undefined || reason === null) return 'a promise was rejected without a reason (no error was given)';
  return String(reason);
}

const mib = (bytes: number): number => Math.round(bytes / 1048576);

/**
 * Starts the marketplace: the embedded PostgreSQL unless DATABASE_URL is set, the migrations, the app. Its own module,
 * without side effects on load, so the production build can load (and compile, for V8's code cache) every chunk
 * without starting a server; `main.ts` is the entry that calls it.
 */
export async function startServer(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedPostgresHandle | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  // The app first, so its pool ends its sessions itself; PostgreSQL stopping under open sessions would cut them,
  // and every cut connection is an error line in the app's log and the server's.
  const stopAll = async (): Promise<void> => {
    if (app) {
      await app
        .close()
        .catch((error: unknown) => process.stderr.write(`Closing the app failed: ${describeFailure(error)}\n`));
      app = undefined;
    }
    if (embedded) {
      await embedded.stop().then(
        () => process.stdout.write('PostgreSQL stopped\n'),
        (error: unknown) => process.stderr.write(`Stopping PostgreSQL failed: ${describeFailure(error)}\n`),
      );
      embedded = undefined;
    }
  };
  let closing = false;
  let cancelCompaction = (): void => undefined;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    cancelCompaction();
    process.stdout.write(`\n${signal}: shutting down\n`);
    await stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      process.stdout.write(`Starting embedded PostgreSQL in ${join(config.dataDir, 'postgres')} ...\n`);
      embedded = await startEmbeddedPostgres({
        dataDir: join(config.dataDir, 'postgres'),
        port: config.database.embeddedPort,
        database: 'chedun',
        log: (line) => process.stdout.write(`${line}\n`),
      });
      databaseUrl = embedded.url;
    }
    await migrateDatabase(databaseUrl, migrations);
    // The demo seed replays months of sales with the clock pinned to their dates; otherwise the plain system clock.
    app = await createApp({
      config,
      databaseUrl,
      jwtSecret: resolveJwtSecret(config),
      ...(config.demoSeed ? { clock: new DemoClock() } : {}),
    });
    if (config.demoSeed) await app.get(DemoSeeder).run();
    await app.listen(config.port, config.host);
    const memory = new Logger('Memory');
    cancelCompaction = compactHeapOnceQuiet({
      gc: globalThis.gc,
      onDone: (result) =>
        memory.log(
          result
            ? `Heap compacted after start in ${Math.round(result.tookMs)} ms: RSS ${mib(result.before)} MB, now ${mib(result.after)} MB`
            : 'Heap not compacted after start: the process never went quiet',
        ),
    });
  } catch (error) {
    process.stderr.write(`Failed to start: ${describeFailure(error)}\n`);
    await stopAll();
    process.exit(1);
  }

  process.stdout.write(
    startBanner({
      port: config.port,
      webAppServed: existsSync(join(config.webDir, 'index.html')),
      graphiql: !config.isProduction,
      ...(config.demoSeed ? { demoLogins: DEMO_LOGINS } : {}),
    }),
  );
}
