import { Client, QueryConfig } from 'pg';

/** A statement's text is prepared on a connection from its second use there (a one-off never takes a slot). */
export const PREPARE_FROM_USE = 2;
/** At most this many prepared statements per connection (pgJDBC's default cache holds 256); later ones run unnamed. */
export const MAX_PREPARED_PER_CONNECTION = 256;
/** Texts counted but not yet prepared; the count starts over past this many, so dynamic SQL cannot grow it. */
const MAX_COUNTED = 1024;

/**
 * A `pg` client that prepares the statements it runs often (#18), as pgJDBC and postgres.js do: a parameterised
 * text is sent with a name from its second use on this connection, so PostgreSQL parses it once, keeps its plan
 * (a generic one only when, after five custom plans, it costs no more: `plan_cache_mode` auto), and each later use
 * sends Bind and Execute only. Every statement TypeORM sends with parameters is eligible; text without parameters
 * (transaction control, migrations' scripts) goes as before, through the simple protocol.
 *
 * The cost saved is PostgreSQL's parse, analysis and planning, paid on every statement otherwise: on the bench's
 * purchase, planning alone was a third of the database's time. The names are per connection and never reused for
 * another text, so nothing is deallocated; a connection holds at most MAX_PREPARED_PER_CONNECTION of them.
 *
 * A migration that changes the columns a prepared statement returns (`SELECT *`, `RETURNING *`; the app lists its
 * columns) makes PostgreSQL refuse that statement's next run on each connection once ("cached plan must not change
 * result type"); it re-plans it and the run after that succeeds (test/prepared-statements.e2e-spec.ts).
 */
export class PreparingClient extends Client {
  private readonly names = new Map<string, string>();
  private readonly uses = new Map<string, number>();

  /** The name to send `text` under, or undefined to send it unnamed (counting this use). */
  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined) return named;
    if (this.names.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
    const used = (this.uses.get(text) ?? 0) + 1;
    if (used < PREPARE_FROM_USE) {
      if (this.uses.size >= MAX_COUNTED) this.uses.clear();
      this.uses.set(text, used);
      return undefined;
    }
    this.uses.delete(text);
    const name = `chedun_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  // pg's query() has a dozen overloads (text or config, values, callback, promise or not); this forwards them all
  // unchanged and only turns (text, values[, callback]) into ({ name, text, values }[, callback]).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  override query(...args: any[]): any {
    const [text, values, callback] = args as [unknown, unknown, unknown];
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = this.nameFor(text);
      if (name !== undefined) {
        const config: QueryConfig = { name, text, values: values as unknown[] };
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above
        return typeof callback === 'function' ? super.query(config, callback as any) : super.query(config);
      }
    }
    return (super.query as (...a: unknown[]) => unknown).apply(this, args);
  }
}
