import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@chedun/config';
import { EmbeddedPostgresHandle, migrateDatabase, startEmbeddedPostgres } from '@chedun/db';
import { migrations } from '@chedun/migrations';
import { createApp } from './bootstrap';
import { DemoClock } from './demo/demo-clock';
import { DEMO_LOGINS, DemoSeeder } from './demo/demo-seeder';
import { resolveJwtSecret } from './dev-secrets';

async function main(): Promise<void> {
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
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    process.stdout.write(`Starting embedded PostgreSQL in ${join(config.dataDir, 'postgres')} ...\n`);
    embedded = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      port: config.database.embeddedPort,
      database: 'chedun',
    });
    databaseUrl = embedded.url;
  }

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: shutting down\n`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await migrateDatabase(databaseUrl, migrations);
    // The demo seed replays months of sales with the clock pinned to their dates; otherwise the plain system clock.
    app = await createApp({ config, databaseUrl, jwtSecret: resolveJwtSecret(config), ...(config.demoSeed ? { clock: new DemoClock() } : {}) });
    if (config.demoSeed) await app.get(DemoSeeder).run();
    await app.listen(config.port, config.host);
  } catch (error) {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Chedun Market is running: ${base}/graphql (GraphiQL in a browser; POST for API clients)`,
    `Health: ${base}/health`,
  ];
  if (config.demoSeed) {
    lines.push('Demo logins (password for all: ' + DEMO_LOGINS.password + '):');
    for (const login of DEMO_LOGINS.accounts) lines.push(`  ${login.role.padEnd(22)} ${login.email}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
