import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 80 random bits as 16 base32 characters (RFC 4648 alphabet): unguessable and easy to read out at a gate. */
export function newTicketCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** What the QR shows: the code and an HMAC over it, so a scanner can tell a forged code offline. */
export function signTicket(code: string, secret: string): string {
  return `CHEDUN1.${code}.${mac(code, secret)}`;
}

/** The code inside a genuine payload, or null. */
export function verifyTicketPayload(payload: string, secret: string): string | null {
  const [prefix, code, signature] = payload.split('.');
  if (prefix !== 'CHEDUN1' || !code || !signature) return null;
  const expected = Buffer.from(mac(code, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? code : null;
}

function mac(code: string, secret: string): string {
  return createHmac('sha256', secret).update(code).digest('base64url');
}
