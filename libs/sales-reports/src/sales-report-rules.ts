import { SalesChannel, shanghaiDate } from '@chedun/kernel';
import { shanghaiMonth } from '@chedun/ledger';
import { SalesReportRowError, SalesReportRowReason, SalesReportsException } from './sales-reports.exception';

/** The most lines one report (or one uploaded sheet) may carry. */
export const MAX_REPORT_LINES = 500;

/** A line as the merchant wrote it, before it is checked against the license. */
export interface ReportLineDraft {
  productId: string;
  channel: string;
  quantity: number;
  grossMinor: number;
  currency: string;
  /** The spreadsheet row it came from, for an upload. */
  row?: number;
}

/** What a line is checked against: the license and the products made under it. */
export interface LineContext {
  merchantId: string;
  channels: readonly SalesChannel[];
  products: ReadonlyMap<string, { merchantId: string; everApproved: boolean }>;
  amountCeilingMinor: number;
}

/** Sales outside the marketplace: ONLINE is this marketplace, whose sales the ledger counts when they are paid. */
export const REPORTABLE_CHANNELS: readonly SalesChannel[] = [SalesChannel.VENUE, SalesChannel.RETAIL];

/** The month as a report names it, with its days; BAD_USER_INPUT (field month) unless "YYYY-MM". */
export function reportMonth(month: string): { firstDay: string; lastDay: string; end: Date } {
  let period: ReturnType<typeof shanghaiMonth>;
  try {
    period = shanghaiMonth(month);
  } catch {
    throw SalesReportsException.badInput('month must be YYYY-MM (Asia/Shanghai)', { field: 'month', month });
  }
  const lastDay = shanghaiDate(new Date(period.end.getTime() - 1));
  return { firstDay: period.firstDay, lastDay, end: period.end };
}

/**
 * A month is reportable when some day of it lies inside the license term and it has ended (Asia/Shanghai): sales
 * of a month still running are not known yet, and months outside the term sold nothing under this license.
 */
export function assertReportableMonth(month: string, term: { startsOn: string; endsOn: string }, now: Date): void {
  const m = reportMonth(month);
  if (m.lastDay < term.startsOn || m.firstDay > term.endsOn) {
    throw SalesReportsException.badInput('The month is outside the license term', {
      field: 'month',
      month,
      startsOn: term.startsOn,
      endsOn: term.endsOn,
    });
  }
  if (now < m.end) throw SalesReportsException.badInput('The month is not over yet', { field: 'month', month });
}

/** Every wrong line of the report, in line order (empty when all are right). */
export function lineErrors(lines: readonly ReportLineDraft[], ctx: LineContext): SalesReportRowError[] {
  const errors: SalesReportRowError[] = [];
  const currency = lines[0]?.currency;
  lines.forEach((line, index) => {
    const at = (field: string, reason: SalesReportRowReason, message: string) =>
      errors.push({ index, ...(line.row === undefined ? {} : { row: line.row }), field, reason, message });
    const product = ctx.products.get(line.productId.toLowerCase());
    if (!product || product.merchantId !== ctx.merchantId)
      at('productId', 'NOT_LICENSED_PRODUCT', 'Not a product of this merchant under this license');
    else if (!product.everApproved) at('productId', 'NOT_APPROVED', 'The studio has not approved this product');
    const channel = line.channel as SalesChannel;
    if (!REPORTABLE_CHANNELS.includes(channel))
      at(
        'channel',
        'ONLINE_CHANNEL',
        'Report VENUE or RETAIL sales; sales on this marketplace (ONLINE) are counted when paid',
      );
    else if (!ctx.channels.includes(channel))
      at('channel', 'CHANNEL_NOT_LICENSED', `The license does not allow selling through ${channel}`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > 1_000_000)
      at('quantity', 'QUANTITY', 'The quantity must be a whole number from 1 to 1 000 000');
    if (!Number.isSafeInteger(line.grossMinor) || line.grossMinor < 0 || line.grossMinor > ctx.amountCeilingMinor)
      at('gross', 'GROSS', `The gross must be from 0 to ${ctx.amountCeilingMinor} minor units`);
    else if (line.currency !== currency)
      at('gross', 'CURRENCY', `Every line of a report is in one currency (${currency})`);
  });
  return errors;
}
