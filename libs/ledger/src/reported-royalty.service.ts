import { Injectable } from '@nestjs/common';
import { OrganizationService } from '@chedun/identity';
import { Money } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { JournalService } from './journal.service';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { LedgerAccountRepository } from './ledger-account.repository';
import { ReportedRoyaltyRepository } from './reported-royalty.repository';
import { reportedRoyaltyPostings, royaltyOf } from './revenue-split';
import { shanghaiMonth } from './shanghai-period';

/** A sales report the studio accepted, as the sales-reports context hands it over inside its transaction. */
export interface AcceptedSalesReport {
  reportId: string;
  licenseId: string;
  studioId: string;
  merchantId: string;
  filmIpId: string;
  /** YYYY-MM, Asia/Shanghai: the month the goods sold in. */
  month: string;
  currency: string;
  royaltyBps: number;
  acceptedAt: Date;
  lines: readonly {
    lineId: string;
    productId: string;
    productName: string;
    productNameZh: string | null;
    channel: string;
    quantity: number;
    grossMinor: number;
  }[];
}

/** What the acceptance posted: the royalty, the part taken from the merchant's payable, and the part invoiced. */
export interface ReportedRoyaltyPosted {
  royalty: Money;
  takenFromPayable: Money;
  invoiced: Money;
}

/**
 * Posts accepted sales reports (DESIGN §2, channels and reported sales). Each line's royalty is `royaltyOf`, the rule
 * of the marketplace's own lines. The entry is REPORTED_ROYALTY with the report id as its source, so a second or
 * concurrent acceptance of the same report posts nothing. Its lines are dated at the start of their month, so a
 * statement of that month (or, once that is issued, the next one, as an adjustment) takes them, they count toward
 * the license's advance and minimum guarantee like marketplace lines, and the royalty report shows them with
 * source REPORTED.
 */
@Injectable()
export class ReportedRoyaltyService {
  constructor(
    private readonly journal: JournalService,
    private readonly accounts: LedgerAccountRepository,
    private readonly reported: ReportedRoyaltyRepository,
    private readonly organizations: OrganizationService,
  ) {}

  /** Null when this report was already posted. */
  async post(manager: EntityManager, report: AcceptedSalesReport): Promise<ReportedRoyaltyPosted | null> {
    const money = (v: number) => Money.of(v, report.currency);
    const lines = report.lines.map((l) => ({ ...l, royalty: royaltyOf(money(l.grossMinor), report.royaltyBps) }));
    const royalty = lines.reduce((sum, l) => sum.plus(l.royalty), money(0));
    const payableKey = {
      purpose: AccountPurpose.MERCHANT_PAYABLE,
      partyId: report.merchantId,
      currency: report.currency,
    };
    const balances = await this.accounts.forManager(manager).lockBalances([
      payableKey,
      { purpose: AccountPurpose.STUDIO_ROYALTIES_PAYABLE, partyId: report.studioId, currency: report.currency },
      {
        purpose: AccountPurpose.MERCHANT_ROYALTIES_RECEIVABLE,
        partyId: report.merchantId,
        currency: report.currency,
      },
    ]);
    // A payable is a credit balance: what the platform owes the merchant is its negation.
    const owedToMerchant = money(-(balances.get(`${AccountPurpose.MERCHANT_PAYABLE}|${report.merchantId}`) ?? 0));
    const postings = reportedRoyaltyPostings(royalty, owedToMerchant);
    const partyOf = {
      STUDIO_ROYALTIES_PAYABLE: report.studioId,
      MERCHANT_PAYABLE: report.merchantId,
      MERCHANT_ROYALTIES_RECEIVABLE: report.merchantId,
    };
    const entryId = await this.journal.post(manager, {
      kind: JournalEntryKind.REPORTED_ROYALTY,
      sourceId: report.reportId,
      occurredAt: report.acceptedAt,
      memo: `Sales report ${report.reportId} of license ${report.licenseId} for ${report.month}`,
      postings: postings.map((p) => ({
        purpose: AccountPurpose[p.purpose],
        partyId: partyOf[p.purpose],
        amount: p.amount,
      })),
    });
    if (!entryId) return null;
    const [merchant] = await this.organizations.profiles([report.merchantId], manager);
    const occurredAt = shanghaiMonth(report.month).start;
    await this.reported.forManager(manager).insertLines(
      lines.map((l) => ({
        lineId: l.lineId,
        reportId: report.reportId,
        entryId,
        studioId: report.studioId,
        merchantId: report.merchantId,
        merchantName: merchant?.name ?? report.merchantId,
        licenseId: report.licenseId,
        filmIpId: report.filmIpId,
        productId: l.productId,
        productName: l.productName,
        productNameZh: l.productNameZh,
        channel: l.channel,
        quantity: l.quantity,
        month: report.month,
        currency: report.currency,
        grossMinor: l.grossMinor,
        royaltyBps: report.royaltyBps,
        royaltyMinor: l.royalty.amountMinor,
        occurredAt,
        acceptedAt: report.acceptedAt,
      })),
    );
    const taken = postings.find((p) => p.purpose === 'MERCHANT_PAYABLE')?.amount ?? money(0);
    return { royalty, takenFromPayable: taken, invoiced: royalty.minus(taken) };
  }
}
