import { ErrorCode } from '@chedun/kernel';
import { OrdersException } from './orders.exception';
import { assertInWindow, ticketWindow } from './ticket-window';

// The slot of 12 December 2026, 19:30-21:30 in Shanghai; the door opens two hours before.
const window = ticketWindow(new Date('2026-12-12T11:30:00Z'), new Date('2026-12-12T13:30:00Z'), 120);

function refusal(at: string): OrdersException | null {
  try {
    assertInWindow(window, new Date(at));
    return null;
  } catch (error) {
    return error as OrdersException;
  }
}

describe('ticket redemption window', () => {
  it.each([
    ['the moment it opens, two hours before the start', '2026-12-12T09:30:00Z'],
    ['at the start', '2026-12-12T11:30:00Z'],
    ['the last second of the slot', '2026-12-12T13:29:59Z'],
  ])('admits %s', (_, at) => {
    expect(refusal(at)).toBeNull();
  });

  it.each([
    [
      'six days early',
      '2026-12-06T10:00:00Z',
      'This ticket is not valid yet: it admits from 2026-12-12 17:30 until 2026-12-12 21:30 (Asia/Shanghai time)',
      'TICKET_NOT_YET_VALID',
    ],
    [
      'a minute before it opens',
      '2026-12-12T09:29:00Z',
      'This ticket is not valid yet: it admits from 2026-12-12 17:30 until 2026-12-12 21:30 (Asia/Shanghai time)',
      'TICKET_NOT_YET_VALID',
    ],
    [
      'when the slot has ended',
      '2026-12-12T13:30:00Z',
      'This ticket has expired: it admitted from 2026-12-12 17:30 until 2026-12-12 21:30 (Asia/Shanghai time)',
      'TICKET_EXPIRED',
    ],
  ])('refuses %s with CONFLICT, saying when it is valid', (_, at, message, reason) => {
    const error = refusal(at);
    expect(error).toBeInstanceOf(OrdersException);
    expect(error!.code).toBe(ErrorCode.CONFLICT);
    expect(error!.message).toBe(message);
    // The reason and the instants, for a client to say it in the visitor's language.
    expect(error!.details).toEqual({
      reason,
      validFrom: '2026-12-12T09:30:00.000Z',
      validUntil: '2026-12-12T13:30:00.000Z',
    });
  });

  it('opens at the start itself when configured with no lead time', () => {
    expect(
      ticketWindow(new Date('2026-12-12T11:30:00Z'), new Date('2026-12-12T13:30:00Z'), 0).opensAt.toISOString(),
    ).toBe('2026-12-12T11:30:00.000Z');
  });
});
