import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

/** Runs `work` with every SQL statement the app's DataSource sends counted; returns its result and the count. */
export async function countQueries<T>(t: TestApp, work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const dataSource = t.app.get(DataSource);
  const original = dataSource.logger;
  let queries = 0;
  const counting = Object.assign(Object.create(Object.getPrototypeOf(original)), original, {
    logQuery: (...args: unknown[]) => {
      queries += 1;
      return (original.logQuery as (...a: unknown[]) => unknown).apply(original, args);
    },
  });
  Object.assign(dataSource, { logger: counting });
  try {
    const result = await work();
    return { result, queries };
  } finally {
    Object.assign(dataSource, { logger: original });
  }
}
