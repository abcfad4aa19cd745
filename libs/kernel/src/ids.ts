import { randomUUID } from 'node:crypto';
import { DomainError } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newId(): string {
  return randomUUID();
}

export function isId(value: string): boolean {
  return UUID.test(value);
}

/** Parses an id from input; a malformed id is BAD_USER_INPUT rather than a database error. */
export function parseId(value: string, what = 'id'): string {
  if (!isId(value)) throw DomainError.badInput(`${what} is not a valid id`, { [what]: value });
  return value.toLowerCase();
}
