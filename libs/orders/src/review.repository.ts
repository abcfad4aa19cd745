import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** A buyer's review of an order line, as stored. */
export interface ReviewRecord {
  id: string;
  orderLineId: string;
  productId: string;
  merchantId: string;
  buyerUserId: string;
  rating: number;
  text: string | null;
  reply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
}

export interface NewReview {
  orderLineId: string;
  productId: string;
  merchantId: string;
  buyerUserId: string;
  rating: number;
  text: string | null;
  createdAt: Date;
}

/** A product's ratings: how many, and their mean (null when there are none). */
export interface RatingSummaryRow {
  productId: string;
  count: number;
  average: number | null;
}

/** A report of a review to the platform, with the review it names. */
export interface ReviewReportRecord {
  id: string;
  reviewId: string;
  reporterUserId: string;
  reason: string;
  createdAt: Date;
  review: ReviewRecord;
}

const COLUMNS = `r.id, r.order_line_id AS "orderLineId", r.product_id AS "productId", r.merchant_id AS "merchantId",
  r.buyer_user_id AS "buyerUserId", r.rating, r.text, r.reply, r.replied_at AS "repliedAt", r.created_at AS "createdAt"`;

/** The `product_reviews` and `review_reports` tables. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ReviewRepository {
    return new ReviewRepository(manager);
  }

  /** Records the review unless the line already has one: null then (the unique constraint decides, even under concurrency). */
  async insertOnce(review: NewReview): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO product_reviews (order_line_id, product_id, merchant_id, buyer_user_id, rating, text, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_line_id) DO NOTHING RETURNING id`,
      [
        review.orderLineId,
        review.productId,
        review.merchantId,
        review.buyerUserId,
        review.rating,
        review.text,
        review.createdAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async findById(id: string): Promise<ReviewRecord | null> {
    const rows: ReviewRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM product_reviews r WHERE r.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** The reviews of these lines, for the order page's "reviewed" marks. */
  async ofLines(orderLineIds: readonly string[]): Promise<ReviewRecord[]> {
    if (orderLineIds.length === 0) return [];
    return this.manager.query(`SELECT ${COLUMNS} FROM product_reviews r WHERE r.order_line_id = ANY($1::uuid[])`, [
      orderLineIds,
    ]);
  }

  /** Sets the merchant's public reply (replacing an earlier one); returns whether the review exists. */
  async setReply(id: string, reply: string, by: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `UPDATE product_reviews SET reply = $2, replied_by = $3, replied_at = $4 WHERE id = $1 RETURNING id`,
      [id, reply, by, at],
    );
    return rows.length > 0;
  }

  /** Count and mean rating of each product, one grouped query for the whole page. */
  async summaries(productIds: readonly string[]): Promise<RatingSummaryRow[]> {
    if (productIds.length === 0) return [];
    const rows: { productId: string; count: number; average: string | null }[] = await this.manager.query(
      `SELECT product_id AS "productId", count(*)::int AS count, round(avg(rating), 2)::text AS average
         FROM product_reviews WHERE product_id = ANY($1::uuid[]) GROUP BY product_id`,
      [productIds],
    );
    return rows.map((r) => ({
      productId: r.productId,
      count: r.count,
      average: r.average === null ? null : Number(r.average),
    }));
  }

  /** A product's reviews, newest first, after the keyset cursor (created_at, id) if given; `limit` rows at most. */
  async pageOfProduct(
    productId: string,
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<ReviewRecord[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM product_reviews r
        WHERE r.product_id = $1 AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3::timestamptz, $4::uuid))
        ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      [productId, limit, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  /** Records a report unless this reporter already reported the review: null then. */
  async reportOnce(reviewId: string, reporterUserId: string, reason: string, at: Date): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO review_reports (review_id, reporter_user_id, reason, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (review_id, reporter_user_id) DO NOTHING RETURNING id`,
      [reviewId, reporterUserId, reason, at],
    );
    return rows[0]?.id ?? null;
  }

  /** Reports for the platform, newest first. */
  async reports(limit: number): Promise<ReviewReportRecord[]> {
    const rows: (Omit<ReviewReportRecord, 'review'> & { review: ReviewRecord })[] = await this.manager.query(
      `SELECT p.id, p.review_id AS "reviewId", p.reporter_user_id AS "reporterUserId", p.reason, p.created_at AS "createdAt",
              json_build_object('id', r.id, 'orderLineId', r.order_line_id, 'productId', r.product_id, 'merchantId', r.merchant_id,
                                'buyerUserId', r.buyer_user_id, 'rating', r.rating, 'text', r.text, 'reply', r.reply,
                                'repliedAt', r.replied_at, 'createdAt', r.created_at) AS review
         FROM review_reports p JOIN product_reviews r ON r.id = p.review_id
        ORDER BY p.created_at DESC, p.id DESC LIMIT $1`,
      [limit],
    );
    // json_build_object hands timestamps back as text.
    return rows.map((row) => ({
      ...row,
      review: {
        ...row.review,
        createdAt: new Date(row.review.createdAt),
        repliedAt: row.review.repliedAt ? new Date(row.review.repliedAt) : null,
      },
    }));
  }
}
