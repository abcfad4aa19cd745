import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** A product to reindex, as the catalog's change queued it. */
export interface OutboxEntry {
  id: string;
  productId: string;
}

interface CountRow {
  n: number;
}

/** The `search_outbox` table: catalog changes waiting for an external index, written in the change's transaction. */
@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): SearchOutboxRepository {
    return new SearchOutboxRepository(manager);
  }

  async enqueue(productIds: readonly string[]): Promise<void> {
    await this.manager.query(`INSERT INTO search_outbox (product_id) SELECT unnest($1::uuid[])`, [[...productIds]]);
  }

  async pendingCount(): Promise<number> {
    const rows: CountRow[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL`,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Up to `limit` pending entries, oldest first, locked until the transaction ends; entries another drain holds are
   * skipped (SKIP LOCKED), so drains run side by side.
   */
  claimPending(limit: number): Promise<OutboxEntry[]> {
    return this.manager.query(
      `SELECT id, product_id AS "productId" FROM search_outbox WHERE processed_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
  }

  async markProcessed(ids: readonly string[]): Promise<void> {
    await this.manager.query(`UPDATE search_outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** After a full reindex, nothing pending is left to apply. */
  async markAllProcessed(): Promise<void> {
    await this.manager.query(`UPDATE search_outbox SET processed_at = now() WHERE processed_at IS NULL`);
  }

  /** Processed entries are kept a day, for whoever asks what was reindexed. */
  async purgeProcessed(): Promise<void> {
    await this.manager.query(`DELETE FROM search_outbox WHERE processed_at < now() - interval '1 day'`);
  }
}
