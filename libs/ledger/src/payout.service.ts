import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, IdentityReader, OrganizationKind, OrganizationService } from '@chedun/identity';
import { Clock, DomainError, ErrorCode, Money, parseId } from '@chedun/kernel';
import { PaymentGateway, PaymentsException } from '@chedun/payments';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JournalService } from './journal.service';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { LedgerAccountRepository } from './ledger-account.repository';
import { PayeeKind, PayoutEntity, PayoutStatus } from './payout.entity';
import { PayoutRepository } from './payout.repository';
import { RoyaltyStatementEntity, RoyaltyStatementStatus } from './royalty-statement.entity';
import { RoyaltyStatementRepository } from './royalty-statement.repository';
import { SaleLineRepository } from './sale-line.repository';
import { LedgerPolicy } from './ledger.policy';
import { payoutLifecycle } from './payout-lifecycle';

/** What one payout pays; `amountMinor` is computed under the payee's lock. */
interface PayoutSubject {
  organizationId: string;
  payeeKind: PayeeKind;
  subject: string;
  statementId: string | null;
  orderId: string | null;
  currency: string;
  transferGroup: string;
  amountMinor: (saleLines: SaleLineRepository) => Promise<number>;
}

/** The account a payee's payouts draw down. */
export const PAYABLE: Record<PayeeKind, AccountPurpose> = {
  [PayeeKind.STUDIO]: AccountPurpose.STUDIO_ROYALTIES_PAYABLE,
  [PayeeKind.MERCHANT]: AccountPurpose.MERCHANT_PAYABLE,
};

/** At most this many subjects are paid by one run; the next run takes the rest. */
const RUN_LIMIT = 100;

export interface PayoutRunResult {
  payouts: PayoutEntity[];
  errors: { subject: string; organizationId: string; code: string; message: string }[];
}

/**
 * Pays what the ledger owes studios (each issued statement's amount due) and merchants (their share of each order)
 * through `PaymentGateway.transfer`: Stripe Connect transfers to the organization's payout account, or a
 * development record when no Stripe key is configured.
 *
 * Journal, one PAYOUT entry per step, each keyed by the payout so no step posts twice:
 *  - `payout:<id>`          payable → PAYOUTS_IN_TRANSIT, committed before the provider is called;
 *  - `payout:<id>:settled`  PAYOUTS_IN_TRANSIT → PAYMENT_CLEARING, when the transfer exists (money left the platform);
 *  - `payout:<id>:failed`   PAYOUTS_IN_TRANSIT → payable, when the provider refused the transfer.
 * A provider outage leaves the payout IN_TRANSIT; asking again (or the next run) retries with the same key.
 */
@Injectable()
export class PayoutService {
  private readonly logger = new Logger(PayoutService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly identity: IdentityReader,
    private readonly journal: JournalService,
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
    private readonly payouts: PayoutRepository,
    private readonly statements: RoyaltyStatementRepository,
    private readonly saleLines: SaleLineRepository,
    private readonly accounts: LedgerAccountRepository,
  ) {}

  /** Pays an issued statement's amount due to its studio. Studio staff or platform. */
  async payStatement(actor: Actor, statementId: string): Promise<PayoutEntity> {
    const statement = await this.statements.findById(parseId(statementId, 'statementId'));
    if (!statement || statement.status !== RoyaltyStatementStatus.ISSUED)
      throw DomainError.notFound('Royalty statement', statementId);
    try {
      LedgerPolicy.payouts(actor, statement.studioId);
    } catch {
      throw DomainError.notFound('Royalty statement', statementId);
    }
    return this.pay(actor.userId, statementSubject(statement));
  }

  /** Pays a merchant its share (net of refunds) of one paid order. Merchant staff or platform. */
  async payMerchantOrder(actor: Actor, merchantId: string, orderId: string): Promise<PayoutEntity> {
    const merchant = parseId(merchantId, 'merchantId');
    const order = parseId(orderId, 'orderId');
    LedgerPolicy.payouts(actor, merchant);
    const currency = await this.saleLines.currencyOfMerchantOrder(order, merchant);
    if (!currency) throw DomainError.notFound('Paid order of this merchant', orderId);
    return this.pay(actor.userId, merchantOrderSubject(merchant, order, currency));
  }

  /** The payee's payouts, newest first. Its staff or platform. */
  async list(actor: Actor, organizationId: string, limit = 50): Promise<PayoutEntity[]> {
    const id = parseId(organizationId, 'organizationId');
    LedgerPolicy.payouts(actor, id);
    return this.payouts.ofOrganization(id, limit);
  }

  /** An operator's run (platform only): pays everything due now, whatever its size. */
  async runDue(actor: Actor, currency: string): Promise<PayoutRunResult> {
    LedgerPolicy.platformOnly(actor);
    return this.runDueFor(null, currency, 1);
  }

  /**
   * Retries payouts left IN_TRANSIT by an outage, then pays every issued statement with an amount due and every
   * merchant's unpaid order share whose payee has a payout account and is owed at least `minimumMinor` in all (so
   * small amounts wait for the next run instead of being paid one transfer at a time). A subject with a live payout
   * is skipped, so a rerun pays nothing new; one whose payout FAILED is paid again with a new payout. One subject's
   * failure does not stop the others. The scheduled run (`PayoutScheduleJob`) calls it with the configured minimum.
   */
  async runDueFor(requestedBy: string | null, currency: string, minimumMinor: number): Promise<PayoutRunResult> {
    const result: PayoutRunResult = { payouts: [], errors: [] };
    const attempt = async (subject: { organizationId: string; subject: string }, run: () => Promise<PayoutEntity>) => {
      try {
        result.payouts.push(await run());
      } catch (error) {
        const e = error instanceof DomainError ? error : DomainError.conflict('Payout failed');
        result.errors.push({
          subject: subject.subject,
          organizationId: subject.organizationId,
          code: e.code,
          message: e.message,
        });
      }
    };
    const stuck = await this.payouts.inTransit(currency, RUN_LIMIT);
    for (const p of stuck) await attempt(p, () => this.drive(p));

    const studios = await this.identity.payableOrganizationIds(OrganizationKind.STUDIO);
    const statements = await this.payouts.unpaidStatements(currency, minimumMinor, studios, RUN_LIMIT);
    for (const st of statements) {
      const subject = statementSubject({ ...st, currency });
      await attempt(subject, () => this.pay(requestedBy, subject));
    }

    const merchants = await this.identity.payableOrganizationIds(OrganizationKind.MERCHANT);
    const orders = await this.saleLines.unpaidMerchantOrders(currency, minimumMinor, merchants, RUN_LIMIT);
    for (const r of orders) {
      const subject = merchantOrderSubject(r.merchantId, r.orderId, currency);
      await attempt(subject, () => this.pay(requestedBy, subject));
    }
    return result;
  }

  /**
   * Draws the payable down into PAYOUTS_IN_TRANSIT and records the payout, under the payee's lock, then asks the
   * provider. A repeated request finds the live payout instead (and drives it if still in transit).
   */
  private async pay(requestedBy: string | null, s: PayoutSubject): Promise<PayoutEntity> {
    const payout = await this.dataSource.transaction(async (m) => {
      const payouts = this.payouts.forManager(m);
      await payouts.lockPayee(s.organizationId, s.currency);
      const live = await payouts.findLive(s.organizationId, s.subject);
      if (live) return live;

      const amountMinor = await s.amountMinor(this.saleLines.forManager(m));
      if (amountMinor <= 0)
        throw DomainError.conflict('Nothing is due to pay out', { subject: s.subject, amountMinor });
      const [org] = await this.organizations.findByIds([s.organizationId], m);
      const kind = s.payeeKind === PayeeKind.STUDIO ? OrganizationKind.STUDIO : OrganizationKind.MERCHANT;
      if (!org || org.kind !== kind) throw DomainError.notFound('Payee', s.organizationId);
      if (!org.payoutAccountId) {
        throw DomainError.conflict('The payee has no payout account; an owner sets it with setPayoutAccount', {
          organizationId: s.organizationId,
        });
      }
      const purpose = PAYABLE[s.payeeKind];
      // Payables are credit (negative) balances: what the platform owes is their negation.
      const owed = -(await this.accounts
        .forManager(m)
        .balanceOf({ purpose, partyId: s.organizationId, currency: s.currency }));
      if (owed < amountMinor) {
        throw DomainError.conflict('The payee\u2019s payable balance does not cover this payout', {
          subject: s.subject,
          owedMinor: owed,
          amountMinor,
        });
      }

      const id = randomUUID();
      const now = this.clock.now();
      const entity = Object.assign(new PayoutEntity(), {
        id,
        organizationId: s.organizationId,
        payeeKind: s.payeeKind,
        subject: s.subject,
        statementId: s.statementId,
        orderId: s.orderId,
        currency: s.currency,
        amountMinor,
        destinationAccountId: org.payoutAccountId,
        transferGroup: s.transferGroup,
        idempotencyKey: `payout_${id}`,
        status: PayoutStatus.IN_TRANSIT,
        provider: this.gateway.provider,
        providerTransferId: null,
        failureCode: null,
        failureMessage: null,
        requestedBy,
        createdAt: now,
        settledAt: null,
        failedAt: null,
      });
      await payouts.insert(entity);
      const amount = Money.of(amountMinor, s.currency);
      await this.journal.post(m, {
        kind: JournalEntryKind.PAYOUT,
        sourceId: `payout:${id}`,
        occurredAt: now,
        memo: `Payout ${id} of ${s.subject} to ${org.payoutAccountId}`,
        postings: [
          { purpose, partyId: s.organizationId, amount },
          { purpose: AccountPurpose.PAYOUTS_IN_TRANSIT, partyId: s.organizationId, amount: amount.negate() },
        ],
      });
      return entity;
    });
    return payout.status === PayoutStatus.IN_TRANSIT ? this.drive(payout) : payout;
  }

  /** Asks the provider for the transfer (same key every time) and records the answer. */
  private async drive(payout: PayoutEntity): Promise<PayoutEntity> {
    try {
      const { providerTransferId } = await this.gateway.transfer({
        destinationAccountId: payout.destinationAccountId,
        amount: Money.of(payout.amountMinor, payout.currency),
        transferGroup: payout.transferGroup,
        idempotencyKey: payout.idempotencyKey,
        payoutId: payout.id,
      });
      return await this.finish(payout.id, PayoutStatus.PAID, { providerTransferId });
    } catch (error) {
      if (error instanceof PaymentsException && error.code === ErrorCode.PAYMENT_FAILED) {
        const code =
          typeof error.details?.['providerCode'] === 'string'
            ? (error.details['providerCode'] as string)
            : 'transfer_refused';
        return this.finish(payout.id, PayoutStatus.FAILED, { failureCode: code, failureMessage: error.message });
      }
      this.logger.warn(
        { payoutId: payout.id, err: error instanceof Error ? error.message : String(error) },
        'Payout left in transit; will retry',
      );
      throw error;
    }
  }

  private finish(
    id: string,
    to: PayoutStatus.PAID | PayoutStatus.FAILED,
    outcome: { providerTransferId?: string; failureCode?: string; failureMessage?: string },
  ): Promise<PayoutEntity> {
    return this.dataSource.transaction(async (m) => {
      const payouts = this.payouts.forManager(m);
      const payout = await payouts.lockById(id);
      // A concurrent request for the same payout got the same answer first: nothing left to record.
      if (payout.status !== PayoutStatus.IN_TRANSIT) return payout;
      payout.status = payoutLifecycle.move(payout.status, to);
      const now = this.clock.now();
      const amount = Money.of(payout.amountMinor, payout.currency);
      const inTransit = { purpose: AccountPurpose.PAYOUTS_IN_TRANSIT, partyId: payout.organizationId, amount };
      if (to === PayoutStatus.PAID) {
        payout.providerTransferId = outcome.providerTransferId ?? null;
        payout.settledAt = now;
        await this.journal.post(m, {
          kind: JournalEntryKind.PAYOUT,
          sourceId: `payout:${id}:settled`,
          occurredAt: now,
          memo: `Payout ${id} settled by transfer ${payout.providerTransferId}`,
          postings: [inTransit, { purpose: AccountPurpose.PAYMENT_CLEARING, partyId: null, amount: amount.negate() }],
        });
      } else {
        payout.failureCode = outcome.failureCode ?? null;
        payout.failureMessage = (outcome.failureMessage ?? '').slice(0, 500);
        payout.failedAt = now;
        await this.journal.post(m, {
          kind: JournalEntryKind.PAYOUT,
          sourceId: `payout:${id}:failed`,
          occurredAt: now,
          memo: `Payout ${id} failed (${payout.failureCode}); amount returned to payable`,
          postings: [
            inTransit,
            { purpose: PAYABLE[payout.payeeKind], partyId: payout.organizationId, amount: amount.negate() },
          ],
        });
      }
      await payouts.save(payout);
      return payout;
    });
  }
}

function statementSubject(
  st: Pick<RoyaltyStatementEntity, 'id' | 'studioId' | 'currency' | 'amountDueMinor'>,
): PayoutSubject {
  return {
    organizationId: st.studioId,
    payeeKind: PayeeKind.STUDIO,
    subject: `statement:${st.id}`,
    statementId: st.id,
    orderId: null,
    currency: st.currency,
    // A statement pays many orders; its transfers are grouped by statement (DESIGN's per-order group is for merchants).
    transferGroup: `statement_${st.id}`,
    amountMinor: () => Promise.resolve(st.amountDueMinor),
  };
}

function merchantOrderSubject(merchantId: string, orderId: string, currency: string): PayoutSubject {
  return {
    organizationId: merchantId,
    payeeKind: PayeeKind.MERCHANT,
    subject: `order:${orderId}`,
    statementId: null,
    orderId,
    currency,
    // The same group as the order's PaymentIntent, so Stripe ties the transfer to the charge that funded it.
    transferGroup: `order_${orderId}`,
    amountMinor: (saleLines) => saleLines.merchantShareOfOrder(orderId, merchantId, currency),
  };
}
