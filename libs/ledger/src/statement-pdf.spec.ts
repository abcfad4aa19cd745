import { PassThrough } from 'node:stream';
import { RoyaltyStatementEntity, RoyaltyStatementStatus } from './royalty-statement.entity';
import { formatMinor, StatementPdfLine, writeStatementPdf } from './statement-pdf';

describe('statement PDF', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_456, '1,234.56'],
    [-4_950, '-49.50'],
    [100_000_000_01, '100,000,000.01'],
  ])('prints %d fen as %s', (minor, text) => {
    expect(formatMinor(minor)).toBe(text);
  });

  it('breaks a long statement over pages, pulling lines batch by batch', async () => {
    const statement = Object.assign(new RoyaltyStatementEntity(), {
      id: '00000000-0000-4000-8000-000000000001',
      studioId: '00000000-0000-4000-8000-000000000002',
      studioName: '星禧影业',
      periodMonth: '2026-08-01',
      currency: 'CNY',
      status: RoyaltyStatementStatus.ISSUED,
      lineCount: 150,
      grossMinor: 1_500_000,
      refundedMinor: 0,
      royaltyMinor: 150_000,
      adjustmentsMinor: 0,
      unstatedEarlierMinor: 0,
      previouslyPaidMinor: 0,
      version: 1,
      advanceRecoupedMinor: 0,
      guaranteeShortfallMinor: 0,
      amountDueMinor: 150_000,
      issuedAt: new Date('2026-09-01T02:00:00Z'),
    });
    let pulled = 0;
    async function* batches(): AsyncGenerator<StatementPdfLine[]> {
      for (let b = 0; b < 3; b++) {
        pulled += 1;
        yield Array.from({ length: 50 }, (_, i) => ({
          lineNo: b * 50 + i + 1,
          kind: 'SALE' as const,
          occurredAt: new Date('2026-08-05T04:00:00Z'),
          isAdjustment: false,
          unstatedEarlier: false,
          productNameZh: null,
          productName: '新社牧场纪念T恤'.repeat(i % 7 === 0 ? 10 : 1),
          merchantName: '香地艺术中心',
          grossMinor: 10_000,
          refundedMinor: 0,
          royaltyMinor: 1_000,
        }));
      }
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeStatementPdf(statement, batches(), out);
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pulled).toBe(3);
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // About 35 rows fit a landscape page under the header; 150 lines need at least four pages.
    expect((pdf.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });
});
