import 'reflect-metadata';
import { loadConfig } from '@chedun/config';
import { migrateDatabase } from '@chedun/db';
import { migrations } from '@chedun/migrations';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL (or the URL given as argument). */
async function run(): Promise<void> {
  const url = process.argv[2] ?? loadConfig(process.env).database.url;
  if (!url) throw new Error('Set DATABASE_URL or pass a database URL');
  const applied = await migrateDatabase(url, migrations);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date\n');
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
