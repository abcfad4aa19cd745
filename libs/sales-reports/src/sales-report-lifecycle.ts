import { registerEnumType } from '@nestjs/graphql';
import { Lifecycle } from '@chedun/kernel';

export enum SalesReportStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  DISPUTED = 'DISPUTED',
}

registerEnumType(SalesReportStatus, {
  name: 'SalesReportStatus',
  description:
    'SUBMITTED: waiting for the studio; ACCEPTED: posted to the ledger, final; DISPUTED: the studio gave a reason.',
});

/**
 * The one place a sales report's status changes. The merchant revises a report (submits the month again) while it
 * waits or after a dispute; once the studio accepts it, its royalty is in the ledger and it never changes again.
 */
export const salesReportLifecycle = new Lifecycle<SalesReportStatus>('sales report', {
  [SalesReportStatus.SUBMITTED]: {
    [SalesReportStatus.SUBMITTED]: 'revise',
    [SalesReportStatus.ACCEPTED]: 'accept',
    [SalesReportStatus.DISPUTED]: 'dispute',
  },
  [SalesReportStatus.DISPUTED]: { [SalesReportStatus.SUBMITTED]: 'revise' },
  [SalesReportStatus.ACCEPTED]: {},
});
