import { ConnectionShape, decodeCursor, DomainError, encodeCursor, MAX_PAGE_SIZE } from '@chedun/kernel';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface KeysetPageRequest {
  first?: number | null;
  after?: string | null;
}

/**
 * One page of a query, newest first, keyed on (createdAt, id): stable under inserts, unlike OFFSET.
 * The entity's `createdAt` must be written with millisecond precision (from the Clock) so a cursor
 * round-trips exactly.
 */
export async function keysetPage<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  query: SelectQueryBuilder<T>,
  page: KeysetPageRequest,
): Promise<ConnectionShape<T>> {
  const alias = query.alias;
  const first = Math.min(Math.max(page.first ?? 20, 1), MAX_PAGE_SIZE);
  const totalCount = await query.clone().getCount();
  const rowsQuery = query.clone();
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    const afterAt = new Date(String(at));
    if (Number.isNaN(afterAt.getTime()))
      throw DomainError.badInput('The cursor is not one this API handed out', { after: page.after });
    rowsQuery.andWhere(`(${alias}.createdAt, ${alias}.id) < (:keysetAt, :keysetId)`, {
      keysetAt: afterAt,
      keysetId: String(id),
    });
  }
  const rows = await rowsQuery
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(first + 1)
    .getMany();
  const edges = rows
    .slice(0, first)
    .map((node) => ({ node, cursor: encodeCursor([node.createdAt.toISOString(), node.id]) }));
  const last = edges[edges.length - 1];
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? last.cursor : null } };
}
