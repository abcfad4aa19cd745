import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { TestApp } from './test-app';

/** Who calls: a visitor, the staff of studio or merchant A or B, a platform operator, or nobody signed in. */
export const ACTORS = ['anon', 'visitor', 'merchantA', 'merchantB', 'studioA', 'studioB', 'platform'] as const;
export type ActorName = (typeof ACTORS)[number];
export type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';
export type Expectation = Record<ActorName, Outcome>;

/** Everyone may call it, signed in or not. */
export const PUBLIC: Expectation = Object.fromEntries(ACTORS.map((a) => [a, 'ALLOW'])) as Expectation;

/** Only `allowed` may call it; anonymous callers are UNAUTHENTICATED, other signed-in ones get `denied` (or their override). */
export function only(
  allowed: ActorName[],
  denied: Outcome = 'FORBIDDEN',
  overrides: Partial<Expectation> = {},
): Expectation {
  return Object.fromEntries(
    ACTORS.map((a) => [a, overrides[a] ?? (allowed.includes(a) ? 'ALLOW' : a === 'anon' ? 'UNAUTHENTICATED' : denied)]),
  ) as Expectation;
}

/** The root fields of the app's emitted schema. */
export function operations(t: TestApp): {
  queries: Map<string, GraphQLField<unknown, unknown>>;
  mutations: Map<string, GraphQLField<unknown, unknown>>;
} {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  const fields = (type: GraphQLObjectType | null | undefined) => new Map(Object.entries(type?.getFields() ?? {}));
  return { queries: fields(schema.getQueryType()), mutations: fields(schema.getMutationType()) };
}

/**
 * One call of a root field with exactly the given arguments, as variables typed from the schema, selecting only
 * `__typename` (or nothing for scalars): the matrix and the fuzz suite judge access and input, not payload shape.
 */
export function documentFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  selection?: string,
): string {
  const used = field.args.filter((a) => a.name in args);
  const missing = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && !(a.name in args));
  if (missing.length > 0)
    throw new Error(`${field.name}: arguments ${missing.map((a) => a.name).join(', ')} are required`);
  const vars = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const select = selection ?? (isCompositeType(getNamedType(field.type)) ? '{ __typename }' : '');
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''} ${select} }`;
}

/**
 * The selection of every field of `type`, recursively, for a walk of everything an answer offers: each object type
 * is expanded wherever it appears, except inside itself (a cycle such as FilmIp → filmingLocations → filmIps stops
 * where the type repeats) and below `depth` levels. Fields that need arguments without defaults are left out.
 */
export function everyField(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  depth = 9,
  path: readonly string[] = [type.name],
): string {
  if (isAbstractType(type)) {
    const members = schema
      .getPossibleTypes(type)
      .map((member) => `... on ${member.name} { ${everyField(schema, member, depth, path)} }`);
    return [...members, '__typename'].join(' ');
  }
  if (!isObjectType(type)) return '';
  const parts = Object.values(type.getFields()).flatMap((field) => {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return [];
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return [field.name];
    if (depth <= 1 || path.includes(named.name)) return [];
    return [`${field.name} { ${everyField(schema, named, depth - 1, [...path, named.name])} }`];
  });
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

/** Tables whose content background work changes by itself, or every request touches. */
const VOLATILE = new Set(['rate_limits', 'search_outbox', 'search_documents', 'migrations', 'typeorm_metadata']);

/** A digest per table of everything in the database, to prove a refused call changed nothing. */
export async function databaseDigest(t: TestApp): Promise<Record<string, string>> {
  const tables = (
    await t.sql<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  )
    .map((r) => r.tablename)
    .filter((name) => !VOLATILE.has(name));
  const select = tables
    .map(
      (name) =>
        `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${name}" x) AS "${name}"`,
    )
    .join(', ');
  const [row] = await t.sql<Record<string, string>>(`SELECT ${select}`);
  return row ?? {};
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/** Row counts of the given tables, for the fuzz suite's "nothing changed on error". */
export async function rowCounts(t: TestApp, tables: string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const [row] = await t.sql<Record<string, string>>(
    `SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(', ')}`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
