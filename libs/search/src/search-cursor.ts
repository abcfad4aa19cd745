import { decodeCursor, encodeCursor } from '@chedun/kernel';
import { SearchSort } from './search-index.port';
import { SearchException } from './search.exception';

/**
 * Cursors: keyset (sort value, product id) for price and newest, so pages stay stable while documents change;
 * offset for relevance, whose scores are floats not worth round-tripping. The sort is part of the cursor, so a
 * cursor of one sort cannot be replayed against another.
 */
export type SearchCursor = { kind: 'offset'; offset: number } | { kind: 'key'; value: number; productId: string };

export function encodeSearchCursor(sort: SearchSort, cursor: SearchCursor): string {
  return cursor.kind === 'offset'
    ? encodeCursor([sort, cursor.offset])
    : encodeCursor([sort, cursor.value, cursor.productId]);
}

export function decodeSearchCursor(sort: SearchSort, after: string, keyset: boolean): SearchCursor {
  if (!keyset) {
    const [s, offset] = decodeCursor(after, 2);
    if (s !== sort || typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) throw mismatch(after);
    return { kind: 'offset', offset };
  }
  const [s, value, productId] = decodeCursor(after, 3);
  if (s !== sort || typeof value !== 'number' || typeof productId !== 'string') throw mismatch(after);
  return { kind: 'key', value, productId };
}

function mismatch(after: string): SearchException {
  return SearchException.badInput('The cursor belongs to another search order', { after });
}
