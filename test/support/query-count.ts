import { Client } from 'pg';
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

/**
 * Runs `work` with the text of every statement any `pg` client sends recorded, in order: what reaches the wire,
 * including statements that bypass TypeORM's logger (which `countQueries` sees).
 */
export async function recordStatements<T>(work: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const original = Client.prototype.query;
  const sent: string[] = [];
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    return { result: await work(), sent };
  } finally {
    Client.prototype.query = original;
  }
}
