import { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a session advisory lock on its own connection, so one run at a time across every API
 * process; the lock goes with the connection if the process dies. Null when someone else holds it.
 */
export async function withSessionLock<T>(
  dataSource: DataSource,
  key: string,
  work: () => Promise<T>,
): Promise<T | null> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [key]);
    if (!locked) return null;
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]);
    }
  } finally {
    await runner.release();
  }
}
