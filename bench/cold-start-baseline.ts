import { Client } from 'pg';
import { PG_PASSWORD, PG_USER, DATABASE, startExistingCluster } from './postgres';
import { BASELINE_CONNECTION_OPTIONS, CHINESE_CASES, searchBaselineSql } from './scenarios/search';

/**
 * The cold-start baseline, run as its own process: start PostgreSQL on the existing cluster, connect, answer the
 * first search with raw SQL, report, stop. Usage: cold-start-baseline.ts <clusterDir> <port>
 */
async function main(): Promise<void> {
  const [clusterDir, port] = process.argv.slice(2);
  if (!clusterDir || !port) throw new Error('usage: cold-start-baseline.ts <clusterDir> <port>');
  const stop = await startExistingCluster(clusterDir, Number(port));
  try {
    const client = new Client({
      connectionString: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
      options: BASELINE_CONNECTION_OPTIONS,
    });
    await client.connect();
    const { rows } = await client.query(searchBaselineSql(CHINESE_CASES[0] as (typeof CHINESE_CASES)[number]));
    await client.end();
    process.stdout.write(rows.length === 1 ? 'answered\n' : 'no answer\n');
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
