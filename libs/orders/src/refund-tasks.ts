import { Lifecycle } from '@chedun/kernel';

/** Why the marketplace owes a refund nobody asked for at the counter. */
export type RefundTaskKind = 'SLOT_CANCELLED' | 'LATE_PAYMENT';

export enum RefundTaskStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** A task is carried out once, or left FAILED for people after too many attempts. */
export const refundTaskLifecycle = new Lifecycle<RefundTaskStatus>('refund task', {
  [RefundTaskStatus.PENDING]: { [RefundTaskStatus.DONE]: 'finish', [RefundTaskStatus.FAILED]: 'give up' },
  [RefundTaskStatus.DONE]: {},
  [RefundTaskStatus.FAILED]: {},
});

export interface RefundTaskRecord {
  id: string;
  kind: RefundTaskKind;
  orderId: string;
  orderLineId: string | null;
  requestedBy: string | null;
  orderRefundId: string | null;
  status: RefundTaskStatus;
  attempts: number;
}
