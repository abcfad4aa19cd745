import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager, Not } from 'typeorm';
import { PayoutEntity, PayoutStatus } from './payout.entity';

/** An issued statement with an amount due and no live payout. */
export interface UnpaidStatement {
  id: string;
  studioId: string;
  amountDueMinor: number;
}

interface UnpaidStatementRow {
  id: string;
  studioId: string;
  amountDueMinor: string;
}

/** The `payouts` table. */
@Injectable()
export class PayoutRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): PayoutRepository {
    return new PayoutRepository(manager);
  }

  /** One payout at a time per payee and currency, until the transaction ends. */
  async lockPayee(organizationId: string, currency: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `payout:${organizationId}:${currency}`,
    ]);
  }

  /** The payee's payout of the subject that has not failed, if any. */
  findLive(organizationId: string, subject: string): Promise<PayoutEntity | null> {
    return this.manager.findOneBy(PayoutEntity, { organizationId, subject, status: Not(PayoutStatus.FAILED) });
  }

  async insert(payout: PayoutEntity): Promise<void> {
    await this.manager.insert(PayoutEntity, payout);
  }

  save(payout: PayoutEntity): Promise<PayoutEntity> {
    return this.manager.save(payout);
  }

  /** Locked until the transaction ends: one answer of the provider is recorded per payout. */
  lockById(id: string): Promise<PayoutEntity> {
    return this.manager.findOneOrFail(PayoutEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The payout a transfer paid, by the provider's transfer id or by our payout id; locked until the transaction ends. */
  lockOfTransfer(providerTransferId: string, payoutId: string | null): Promise<PayoutEntity | null> {
    return this.manager.findOne(PayoutEntity, {
      where: [{ providerTransferId }, ...(payoutId ? [{ id: payoutId }] : [])],
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Newest first. */
  ofOrganization(organizationId: string, limit: number): Promise<PayoutEntity[]> {
    return this.manager.find(PayoutEntity, {
      where: { organizationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** Payouts an outage left in transit, oldest first. */
  inTransit(currency: string, limit: number): Promise<PayoutEntity[]> {
    return this.manager.find(PayoutEntity, {
      where: { status: PayoutStatus.IN_TRANSIT, currency },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Issued statements of these studios with an amount due and no live payout, of studios owed at least
   * `minimumMinor` in all, oldest month first: at most `limit`, the next run takes the rest.
   */
  async unpaidStatements(
    currency: string,
    minimumMinor: number,
    studioIds: readonly string[],
    limit: number,
  ): Promise<UnpaidStatement[]> {
    const rows: UnpaidStatementRow[] = await this.manager.query(
      `SELECT id, studio_id AS "studioId", amount_due_minor::text AS "amountDueMinor" FROM (
         SELECT st.*, sum(st.amount_due_minor) OVER (PARTITION BY st.studio_id) AS payee_due
           FROM royalty_statements st
          WHERE st.status = 'ISSUED' AND st.currency = $1 AND st.amount_due_minor > 0 AND st.studio_id = ANY($3::uuid[])
            AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.statement_id = st.id AND p.status <> 'FAILED')) due
        WHERE payee_due >= $2
        ORDER BY period_month, id LIMIT ${limit}`,
      [currency, minimumMinor, studioIds],
    );
    return rows.map((r) => ({ id: r.id, studioId: r.studioId, amountDueMinor: readMinorUnits(r.amountDueMinor) }));
  }
}
