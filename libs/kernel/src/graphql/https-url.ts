import { isIP } from 'node:net';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** Longest URL a client may store (images, artwork). */
export const MAX_URL_LENGTH = 500;

function privateIpv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function privateIpv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return privateIpv4(mapped[1]);
  // WHATWG URL writes mapped addresses in hex (::ffff:7f00:1); every ::ffff: form is refused.
  return (
    lower === '::' ||
    lower === '::1' ||
    lower.startsWith('::ffff:') ||
    /^f[cd]/.test(lower) ||
    /^fe[89ab]/.test(lower) ||
    lower.startsWith('ff')
  );
}

/**
 * Why `value` is not a URL the marketplace will store for others to load, or null when it is: https only,
 * at most MAX_URL_LENGTH characters, no credentials, no port other than 443, and a public host (no
 * loopback, link-local, private or multicast address, no localhost or single-label name). The server never
 * fetches these URLs; the checks keep browsers and any future fetcher away from internal hosts (SSRF).
 */
export function publicHttpsUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must be a URL';
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  if ([...value].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || /\s/.test(c))) {
    return 'must not contain spaces or control characters';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.port !== '' && url.port !== '443') return 'must use the default https port';
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const family = isIP(host);
  if (family === 4 && privateIpv4(host)) return 'must not point at a private or loopback address';
  if (family === 6 && privateIpv6(host)) return 'must not point at a private or loopback address';
  if (family === 0 && (!host.includes('.') || /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/.test(host))) {
    return 'must name a public host';
  }
  return null;
}

/** class-validator: each value (or the value) is a public https URL; see publicHttpsUrlProblem. */
export function IsPublicHttpsUrl(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPublicHttpsUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => publicHttpsUrlProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} ${publicHttpsUrlProblem(args?.value) ?? 'must be a public https URL'}`,
      },
    });
  };
}
