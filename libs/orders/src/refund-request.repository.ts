import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { readMinorUnits, Transition } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { RefundRequestStatus } from './refund-request-status';

/** A buyer's refund request as stored, with the name its line was bought under. */
export interface RefundRequestRecord {
  id: string;
  orderId: string;
  orderLineId: string;
  buyerUserId: string;
  merchantId: string;
  productName: string;
  productNameZh: string | null;
  quantity: number;
  amountMinor: number;
  currency: string;
  reason: string;
  status: RefundRequestStatus;
  /** Approved by the experience's cancellation policy, not by the merchant. */
  automatic: boolean;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  orderRefundId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewRefundRequest {
  orderId: string;
  orderLineId: string;
  buyerUserId: string;
  merchantId: string;
  quantity: number;
  amountMinor: number;
  currency: string;
  reason: string;
  status: RefundRequestStatus;
  automatic: boolean;
  orderRefundId: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** What a decision writes beside the new status. */
export interface RefundRequestDecision {
  decisionReason?: string | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  orderRefundId?: string | null;
}

const COLUMNS = `r.id, r.order_id AS "orderId", r.order_line_id AS "orderLineId", r.buyer_user_id AS "buyerUserId",
  r.merchant_id AS "merchantId", l.product_name AS "productName",
  l.product_name_zh AS "productNameZh", r.quantity, r.amount_minor AS "amountMinor", r.currency,
  r.reason, r.status, r.automatic, r.decision_reason AS "decisionReason", r.decided_by AS "decidedBy", r.decided_at AS "decidedAt",
  r.order_refund_id AS "orderRefundId", r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const FROM = `refund_requests r JOIN order_lines l ON l.id = r.order_line_id`;

function toRecord(row: unknown): RefundRequestRecord {
  const r = row as Omit<RefundRequestRecord, 'amountMinor'> & { amountMinor: string };
  return { ...r, amountMinor: readMinorUnits(r.amountMinor) };
}

/** The `refund_requests` table. */
@Injectable()
export class RefundRequestRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): RefundRequestRepository {
    return new RefundRequestRepository(manager);
  }

  /** Records a request; the partial unique index refuses a second open one on the line (23505). */
  async insert(request: NewRefundRequest): Promise<string> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO refund_requests (order_id, order_line_id, buyer_user_id, merchant_id, quantity, amount_minor, currency, reason,
                                    status, automatic, order_refund_id, decided_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
      [
        request.orderId,
        request.orderLineId,
        request.buyerUserId,
        request.merchantId,
        request.quantity,
        request.amountMinor,
        request.currency,
        request.reason,
        request.status,
        request.automatic,
        request.orderRefundId,
        request.decidedAt,
        request.createdAt,
      ],
    );
    return rows[0]!.id;
  }

  async findById(id: string): Promise<RefundRequestRecord | null> {
    const rows: unknown[] = await this.manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Locked until the caller's transaction ends: one decision at a time. */
  async lockById(id: string): Promise<RefundRequestRecord | null> {
    const rows: unknown[] = await this.manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1 FOR UPDATE OF r`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The line's request still REQUESTED or APPROVED, if any. */
  async openOfLine(orderLineId: string): Promise<RefundRequestRecord | null> {
    const rows: unknown[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.order_line_id = $1 AND r.status IN ('REQUESTED', 'APPROVED')`,
      [orderLineId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The request that asked for this order refund, if one did. */
  async findByOrderRefund(orderRefundId: string): Promise<RefundRequestRecord | null> {
    const rows: unknown[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.order_refund_id = $1 FOR UPDATE OF r`,
      [orderRefundId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * Moves the request as the transition says, only if it is still in the transition's `from` state; returns whether
   * it moved. `changes` are written beside the status; what they leave out stays as it was.
   */
  async move(
    id: string,
    transition: Transition<RefundRequestStatus>,
    changes: RefundRequestDecision,
    now: Date,
  ): Promise<boolean> {
    const rows = await updateReturning(
      this.manager,
      `UPDATE refund_requests SET status = $3, updated_at = $4,
              decision_reason = CASE WHEN $5::boolean THEN $6 ELSE decision_reason END,
              decided_by = CASE WHEN $7::boolean THEN $8::uuid ELSE decided_by END,
              decided_at = CASE WHEN $9::boolean THEN $10::timestamptz ELSE decided_at END,
              order_refund_id = CASE WHEN $11::boolean THEN $12::uuid ELSE order_refund_id END
        WHERE id = $1 AND status = $2 RETURNING id`,
      [
        id,
        transition.from,
        transition.to,
        now,
        changes.decisionReason !== undefined,
        changes.decisionReason ?? null,
        changes.decidedBy !== undefined,
        changes.decidedBy ?? null,
        changes.decidedAt !== undefined,
        changes.decidedAt ?? null,
        changes.orderRefundId !== undefined,
        changes.orderRefundId ?? null,
      ],
    );
    return rows.length > 0;
  }

  /** The order's requests, oldest first. */
  async ofOrders(orderIds: readonly string[]): Promise<RefundRequestRecord[]> {
    if (orderIds.length === 0) return [];
    const rows: unknown[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.order_id = ANY($1::uuid[]) ORDER BY r.created_at, r.id`,
      [orderIds],
    );
    return rows.map(toRecord);
  }

  /** A merchant's requests in `statuses`, oldest first: the queue its staff work through. */
  async ofMerchant(
    merchantId: string,
    statuses: readonly RefundRequestStatus[],
    limit: number,
  ): Promise<RefundRequestRecord[]> {
    const rows: unknown[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.merchant_id = $1 AND r.status = ANY($2::text[]) ORDER BY r.created_at, r.id LIMIT $3`,
      [merchantId, statuses, limit],
    );
    return rows.map(toRecord);
  }
}
