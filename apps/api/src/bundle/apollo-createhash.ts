import { createHash as nodeCreateHash, Hash } from 'node:crypto';

/**
 * What the production build puts in place of `@apollo/utils.createhash` (apps/api/build.mjs). That package picks
 * Node's crypto through `module.require`, which the bundle's module objects do not have, and otherwise falls back to
 * sha.js: a SHA-256 in JavaScript, which Apollo ran on every request's query text to key its parsed-document cache
 * (#18: 3.5 % of the API's busy time in a profile of the floor and product-page runs). Under `npm start` the package
 * itself runs, and takes crypto.
 */
export function createHash(kind: string): Hash {
  return nodeCreateHash(kind);
}
