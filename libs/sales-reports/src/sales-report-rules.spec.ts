import { SalesChannel } from '@chedun/kernel';
import { endedMonthsOfTerm } from './sales-report-query.service';
import { reminderMonth } from './sales-report-reminder.service';
import { assertReportableMonth, lineErrors, ReportLineDraft } from './sales-report-rules';
import { yuanToFen } from './sales-report-spreadsheet';

const MERCHANT = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const MINE = '10000000-0000-4000-8000-000000000001';
const THEIRS = '10000000-0000-4000-8000-000000000002';
const DRAFT = '10000000-0000-4000-8000-000000000003';

const ctx = {
  merchantId: MERCHANT,
  channels: [SalesChannel.ONLINE, SalesChannel.VENUE],
  products: new Map([
    [MINE, { merchantId: MERCHANT, everApproved: true }],
    [THEIRS, { merchantId: OTHER, everApproved: true }],
    [DRAFT, { merchantId: MERCHANT, everApproved: false }],
  ]),
  amountCeilingMinor: 100_000_000,
};

const line = (over: Partial<ReportLineDraft> = {}): ReportLineDraft => ({
  productId: MINE,
  channel: 'VENUE',
  quantity: 3,
  grossMinor: 12_800,
  currency: 'CNY',
  ...over,
});

describe('sales report rules', () => {
  it('accepts a line of the merchant’s approved product through a licensed channel', () => {
    expect(lineErrors([line()], ctx)).toEqual([]);
  });

  it('names every wrong line, its index, row, field and reason', () => {
    const errors = lineErrors(
      [
        line(),
        line({ productId: THEIRS }),
        line({ productId: DRAFT }),
        line({ channel: 'RETAIL' }),
        line({ channel: 'ONLINE' }),
        line({ quantity: 0, row: 7 }),
        line({ grossMinor: Number.NaN }),
        line({ currency: 'USD' }),
        line({ productId: 'not-an-id' }),
      ],
      ctx,
    );
    expect(errors.map((e) => [e.index, e.field, e.reason])).toEqual([
      [1, 'productId', 'NOT_LICENSED_PRODUCT'],
      [2, 'productId', 'NOT_APPROVED'],
      [3, 'channel', 'CHANNEL_NOT_LICENSED'],
      [4, 'channel', 'ONLINE_CHANNEL'],
      [5, 'quantity', 'QUANTITY'],
      [6, 'gross', 'GROSS'],
      [7, 'gross', 'CURRENCY'],
      [8, 'productId', 'NOT_LICENSED_PRODUCT'],
    ]);
    expect(errors[4]).toMatchObject({ index: 5, row: 7 });
  });

  it('takes months inside the term that have ended (Asia/Shanghai)', () => {
    const term = { startsOn: '2026-03-15', endsOn: '2026-09-10' };
    // 2026-04-30T16:00Z is midnight of 1 May in Shanghai: April has just ended.
    expect(() => assertReportableMonth('2026-04', term, new Date('2026-04-30T16:00:00Z'))).not.toThrow();
    expect(() => assertReportableMonth('2026-04', term, new Date('2026-04-30T15:59:59Z'))).toThrow('not over');
    expect(() => assertReportableMonth('2026-03', term, new Date('2026-12-01T00:00:00Z'))).not.toThrow();
    expect(() => assertReportableMonth('2026-02', term, new Date('2026-12-01T00:00:00Z'))).toThrow('outside');
    expect(() => assertReportableMonth('2026-10', term, new Date('2026-12-01T00:00:00Z'))).toThrow('outside');
    expect(() => assertReportableMonth('2026-13', term, new Date('2026-12-01T00:00:00Z'))).toThrow('YYYY-MM');
  });

  it('lists the ended months of a term, and the month reminders are due for', () => {
    expect(endedMonthsOfTerm({ startsOn: '2026-01-20', endsOn: '2026-12-31' }, '2026-04-02')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(endedMonthsOfTerm({ startsOn: '2025-11-01', endsOn: '2026-01-31' }, '2026-04-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(endedMonthsOfTerm({ startsOn: '2026-04-01', endsOn: '2026-12-31' }, '2026-04-02')).toEqual([]);
    expect(reminderMonth('2026-04-04')).toBe('2026-02');
    expect(reminderMonth('2026-04-05')).toBe('2026-03');
    expect(reminderMonth('2026-01-05')).toBe('2025-12');
  });

  it('reads yuan with at most two decimals as fen', () => {
    expect(yuanToFen('128.5')).toBe(12_850);
    expect(yuanToFen('¥1,280.05')).toBe(128_005);
    expect(yuanToFen('3')).toBe(300);
    expect(yuanToFen('1.234')).toBeNaN();
    expect(yuanToFen('-1')).toBeNaN();
    expect(yuanToFen('')).toBeNaN();
  });
});
