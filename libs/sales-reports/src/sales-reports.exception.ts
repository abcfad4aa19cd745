import { DomainError, ErrorCode } from '@chedun/kernel';

/** Why a line is wrong, as a stable key the web app words in the merchant's language (`message` is English). */
export type SalesReportRowReason =
  | 'NOT_LICENSED_PRODUCT'
  | 'NOT_APPROVED'
  | 'ONLINE_CHANNEL'
  | 'CHANNEL_NOT_LICENSED'
  | 'QUANTITY'
  | 'GROSS'
  | 'CURRENCY';

/** One wrong line of a report: which (0-based `index`; `row` is the spreadsheet row of an upload), which field, why. */
export interface SalesReportRowError {
  index: number;
  row?: number;
  field: string;
  reason: SalesReportRowReason;
  message: string;
}

/** The sales-reports context's own exception; its code is one of the kernel's list. */
export class SalesReportsException extends DomainError {
  /** Every wrong line at once, so the merchant fixes the report (or the sheet) in one go; nothing is stored. */
  static rows(errors: readonly SalesReportRowError[]): SalesReportsException {
    const first = errors[0];
    const where = first?.row !== undefined ? `row ${first.row}` : `line ${(first?.index ?? 0) + 1}`;
    return new SalesReportsException(
      ErrorCode.BAD_USER_INPUT,
      `${errors.length} line(s) of the report are wrong; nothing was stored (${where}, ${first?.field}: ${first?.message})`,
      { rows: errors },
    );
  }
}
