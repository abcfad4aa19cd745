import { DomainError, ErrorCode } from '@chedun/kernel';
import { SalesReportStatus as S, salesReportLifecycle } from './sales-report-lifecycle';

describe('sales report lifecycle', () => {
  it('lets the merchant revise a report while it waits and after a dispute', () => {
    expect(salesReportLifecycle.move(S.SUBMITTED, S.SUBMITTED, 'revise')).toBe(S.SUBMITTED);
    expect(salesReportLifecycle.move(S.DISPUTED, S.SUBMITTED, 'revise')).toBe(S.SUBMITTED);
  });

  it('lets the studio accept or dispute a submitted report, and nothing else', () => {
    expect(salesReportLifecycle.move(S.SUBMITTED, S.ACCEPTED)).toBe(S.ACCEPTED);
    expect(salesReportLifecycle.move(S.SUBMITTED, S.DISPUTED)).toBe(S.DISPUTED);
    expect(salesReportLifecycle.canMove(S.DISPUTED, S.ACCEPTED)).toBe(false);
    expect(salesReportLifecycle.canMove(S.DISPUTED, S.DISPUTED)).toBe(false);
  });

  it('never changes an accepted report: its royalty is in the ledger', () => {
    expect(salesReportLifecycle.isFinal(S.ACCEPTED)).toBe(true);
    let refusal: unknown;
    try {
      salesReportLifecycle.move(S.ACCEPTED, S.SUBMITTED, 'revise');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ErrorCode.CONFLICT);
    expect((refusal as DomainError).message).toBe('Cannot revise a sales report that is accepted');
  });
});
