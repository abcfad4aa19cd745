import { createHash, randomBytes } from 'node:crypto';

/**
 * A random secret for a link or a session (256 bits, URL-safe) and the SHA-256 under which it is stored: a copy
 * of the table gives nobody a working link. A plain hash is enough because the secret is random, not chosen.
 */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
