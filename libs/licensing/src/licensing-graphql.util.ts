import { Organization, OrganizationService, toOrganization } from '@chedun/identity';
import { FilmIp, FilmIpService, toFilmIp } from '@chedun/ip';
import { ConnectionShape, DomainError } from '@chedun/kernel';
import DataLoader from 'dataloader';

export function mapPage<E, T>(page: ConnectionShape<E>, map: (e: E) => T): ConnectionShape<T> {
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

/** The GraphQL request context, which holds this request's loaders. */
export interface LoaderContext {
  licensingLoaders?: Map<string, DataLoader<string, unknown>>;
}

/**
 * Loads one value of a field by id, batching every id the request asks for into one `fetch`, so a page of
 * 100 records costs one query per field rather than 100. `orElse` answers ids `fetch` did not find.
 */
export function batchLoad<V>(
  ctx: LoaderContext,
  field: string,
  id: string,
  fetch: (ids: readonly string[]) => Promise<Map<string, V>>,
  orElse: (id: string) => V | Error,
): Promise<V> {
  const loaders = (ctx.licensingLoaders ??= new Map());
  let loader = loaders.get(field) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (ids) => {
      const found = await fetch(ids);
      return ids.map((key) => (found.has(key) ? (found.get(key) as V) : orElse(key)));
    });
    loaders.set(field, loader as DataLoader<string, unknown>);
  }
  return loader.load(id);
}

/** Film IP is public, so any licensing record may show its IP. */
export function loadFilmIp(ctx: LoaderContext, filmIps: FilmIpService, id: string): Promise<FilmIp> {
  return batchLoad(
    ctx,
    'filmIp',
    id,
    async (ids) => new Map((await filmIps.findManyByIds(ids)).map((ip) => [ip.id, toFilmIp(ip)])),
    (missing) => DomainError.notFound('Film IP', missing),
  );
}

/**
 * Organizations' public profiles (kind and names) are public, so a licensing record names its studio and merchant;
 * one batch per request whatever the number of records on the page.
 */
export function loadOrganization(
  ctx: LoaderContext,
  organizations: OrganizationService,
  id: string,
): Promise<Organization> {
  return batchLoad(
    ctx,
    'organization',
    id,
    async (ids) => new Map((await organizations.profiles(ids)).map((o) => [o.id, toOrganization(o)])),
    (missing) => DomainError.notFound('Organization', missing),
  );
}
