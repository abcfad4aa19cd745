import { shanghaiDateTime } from '@chedun/kernel';
import { OrdersException } from './orders.exception';

/** When a ticket admits: from `opensMinutes` before its slot starts until the slot ends. */
export interface TicketWindow {
  opensAt: Date;
  closesAt: Date;
}

export function ticketWindow(slotStartsAt: Date, slotEndsAt: Date, opensMinutes: number): TicketWindow {
  return { opensAt: new Date(slotStartsAt.getTime() - opensMinutes * 60_000), closesAt: slotEndsAt };
}

/**
 * CONFLICT outside the window, like a ticket already used or void: the code is a real ticket, but now it does not
 * admit. The message says when it does, in the venues' time zone; the details carry the same instants for clients.
 */
export function assertInWindow(window: TicketWindow, now: Date): void {
  if (now >= window.opensAt && now < window.closesAt) return;
  const when = `from ${shanghaiDateTime(window.opensAt)} until ${shanghaiDateTime(window.closesAt)} (Asia/Shanghai time)`;
  const message =
    now < window.opensAt
      ? `This ticket is not valid yet: it admits ${when}`
      : `This ticket has expired: it admitted ${when}`;
  throw OrdersException.conflict(message, {
    reason: now < window.opensAt ? 'TICKET_NOT_YET_VALID' : 'TICKET_EXPIRED',
    validFrom: window.opensAt.toISOString(),
    validUntil: window.closesAt.toISOString(),
  });
}
