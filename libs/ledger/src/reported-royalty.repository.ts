import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** One line of an accepted sales report as the ledger keeps it: frozen once posted, stamped by one statement. */
export interface ReportedRoyaltyLineRow {
  lineId: string;
  reportId: string;
  entryId: string;
  studioId: string;
  merchantId: string;
  merchantName: string;
  licenseId: string;
  filmIpId: string;
  productId: string;
  productName: string;
  productNameZh: string | null;
  channel: string;
  quantity: number;
  month: string;
  currency: string;
  grossMinor: number;
  royaltyBps: number;
  royaltyMinor: number;
  occurredAt: Date;
  acceptedAt: Date;
}

/** The `reported_royalty_lines` table: what each accepted sales report posted, line by line. */
@Injectable()
export class ReportedRoyaltyRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ReportedRoyaltyRepository {
    return new ReportedRoyaltyRepository(manager);
  }

  async insertLines(lines: readonly ReportedRoyaltyLineRow[]): Promise<void> {
    if (lines.length === 0) return;
    await this.manager.query(
      `INSERT INTO reported_royalty_lines (line_id, report_id, entry_id, studio_id, merchant_id, merchant_name, license_id,
         film_ip_id, product_id, product_name, product_name_zh, channel, quantity, month, currency, gross_minor, royalty_bps,
         royalty_minor, occurred_at, accepted_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[],
         $9::uuid[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::char(3)[], $16::bigint[], $17::int[],
         $18::bigint[], $19::timestamptz[], $20::timestamptz[])`,
      [
        lines.map((l) => l.lineId),
        lines.map((l) => l.reportId),
        lines.map((l) => l.entryId),
        lines.map((l) => l.studioId),
        lines.map((l) => l.merchantId),
        lines.map((l) => l.merchantName),
        lines.map((l) => l.licenseId),
        lines.map((l) => l.filmIpId),
        lines.map((l) => l.productId),
        lines.map((l) => l.productName),
        lines.map((l) => l.productNameZh),
        lines.map((l) => l.channel),
        lines.map((l) => l.quantity),
        lines.map((l) => l.month),
        lines.map((l) => l.currency),
        lines.map((l) => l.grossMinor),
        lines.map((l) => l.royaltyBps),
        lines.map((l) => l.royaltyMinor),
        lines.map((l) => l.occurredAt),
        lines.map((l) => l.acceptedAt),
      ],
    );
  }
}
