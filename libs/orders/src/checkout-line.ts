import { OrdersException } from './orders.exception';
import { CheckoutLineInput } from './orders.types';

/** Merchandise names a variant; an experience names a time slot and a ticket type; never both. */
export function assertLineShape(line: CheckoutLineInput, index: number): void {
  const merchandise = Boolean(line.variantId);
  const experience = Boolean(line.timeSlotId) || Boolean(line.ticketTypeId);
  if (merchandise === experience || (experience && !(line.timeSlotId && line.ticketTypeId))) {
    throw OrdersException.badInput(`Line ${index + 1}: give either variantId, or timeSlotId and ticketTypeId`, {
      lineIndex: index,
    });
  }
}
