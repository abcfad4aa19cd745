import { newTicketCode, signTicket, verifyTicketPayload } from './ticket-code';

describe('ticket codes', () => {
  it('are 16 base32 characters and do not repeat', () => {
    const codes = new Set(Array.from({ length: 500 }, newTicketCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('sign into a QR payload that verifies with the secret only', () => {
    const code = newTicketCode();
    const payload = signTicket(code, 's'.repeat(32));
    expect(verifyTicketPayload(payload, 's'.repeat(32))).toBe(code);
    expect(verifyTicketPayload(payload, 't'.repeat(32))).toBeNull();
    expect(verifyTicketPayload(payload.replace(code, newTicketCode()), 's'.repeat(32))).toBeNull();
    expect(verifyTicketPayload('garbage', 's'.repeat(32))).toBeNull();
  });
});
