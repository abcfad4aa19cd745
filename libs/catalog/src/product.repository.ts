import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { ConnectionShape, decodeCursor, ProductCategory, toConnection } from '@chedun/kernel';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DesignRoundRepository } from './design-round.repository';
import { ProductAuditEntryEntity, ProductEntity, TicketTypeEntity } from './product.entity';
import { ProductKind, ProductStatus } from './product-status';

export type NewProduct = Omit<ProductEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewTicketType = Omit<TicketTypeEntity, 'id'>;
export type NewProductAuditEntry = Omit<ProductAuditEntryEntity, 'id' | 'createdAt'>;

/** Who may act on a product, and in which status it is: what the catalog's policy asks about. */
export type ProductParties = Pick<ProductEntity, 'id' | 'merchantId' | 'studioId' | 'status'>;

/** A product made under a license, as sales reports check it. */
export interface LicensedProductRow {
  id: string;
  merchantId: string;
  licenseId: string;
  name: string;
  nameZh: string | null;
  status: ProductStatus;
  everApproved: boolean;
}

/** A product moved by a statement that moved many: its id and the status it left. */
export interface MovedProduct {
  id: string;
  from: ProductStatus;
}

export interface ProductListFilter {
  status?: ProductStatus | null;
  kind?: ProductKind | null;
  category?: ProductCategory | null;
  licenseId?: string | null;
  venueId?: string | null;
  /** Words of the name in either language, or a variant's SKU. */
  search?: string | null;
}

/** The `products` table, with what belongs to a product alone: its ticket types and its audit trail. */
@Injectable()
export class ProductRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ProductRepository {
    return new ProductRepository(manager);
  }

  /** The product's design rounds, on the same transaction: the lifecycle writes them with its audit entries. */
  designRounds(): DesignRoundRepository {
    return new DesignRoundRepository(this.manager);
  }

  insert(product: NewProduct): Promise<ProductEntity> {
    return this.manager.save(this.manager.create(ProductEntity, product));
  }

  save(product: ProductEntity): Promise<ProductEntity> {
    return this.manager.save(product);
  }

  findById(id: string): Promise<ProductEntity | null> {
    return this.manager.findOneBy(ProductEntity, { id });
  }

  /** Proof of license: the product a verification code was given to. */
  findByVerificationCode(code: string): Promise<ProductEntity | null> {
    return this.manager.findOneBy(ProductEntity, { verificationCode: code });
  }

  /**
   * The products made under a license, each with whether the studio ever approved its design (it is APPROVED,
   * PUBLISHED or SUSPENDED now, or its audit trail has an approval: a revision sent back for approval was approved
   * once). Sales reports name them; `ids` narrows to those products.
   */
  async licensedProducts(licenseId: string, ids?: readonly string[]): Promise<LicensedProductRow[]> {
    return this.manager.query(
      `SELECT p.id, p.merchant_id AS "merchantId", p.license_id AS "licenseId", p.name, p.name_zh AS "nameZh", p.status,
              (p.status IN ('APPROVED', 'PUBLISHED', 'SUSPENDED')
               OR EXISTS (SELECT 1 FROM product_audit_entries a WHERE a.product_id = p.id AND a.to_status = 'APPROVED'))
                AS "everApproved"
         FROM products p
        WHERE p.license_id = $1 AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
        ORDER BY p.name, p.id`,
      [licenseId, ids ?? null],
    );
  }

  /** Locked for the rest of the transaction: state changes are serialised per product. */
  lockById(id: string): Promise<ProductEntity | null> {
    return this.manager.findOne(ProductEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The parties of the product a variant belongs to; null when there is no such variant. */
  async partiesOfVariant(variantId: string): Promise<ProductParties | null> {
    const rows: ProductParties[] = await this.manager.query(
      `SELECT p.id, p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.status
         FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1`,
      [variantId],
    );
    return rows[0] ?? null;
  }

  /** The parties of the experience a time slot belongs to; null when there is no such slot. */
  async partiesOfTimeSlot(timeSlotId: string): Promise<ProductParties | null> {
    const rows: ProductParties[] = await this.manager.query(
      `SELECT p.id, p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.status
         FROM time_slots s JOIN products p ON p.id = s.product_id WHERE s.id = $1`,
      [timeSlotId],
    );
    return rows[0] ?? null;
  }

  /**
   * Moves every product of the license that is in one of `from` to `to` in one statement, locking them in the
   * subquery first; returns each moved product with the status it left.
   */
  moveAllOfLicense(
    licenseId: string,
    from: readonly ProductStatus[],
    to: ProductStatus,
    reason: string,
  ): Promise<MovedProduct[]> {
    return updateReturning<MovedProduct>(
      this.manager,
      `UPDATE products p SET status = $2, status_reason = $3, published_at = NULL, updated_at = now()
         FROM (SELECT id, status FROM products WHERE license_id = $1 AND status = ANY($4::text[]) FOR UPDATE) old
        WHERE p.id = old.id
        RETURNING p.id, old.status AS "from"`,
      [licenseId, to, reason, from],
    );
  }

  async insertTicketTypes(ticketTypes: readonly NewTicketType[]): Promise<void> {
    await this.manager.insert(TicketTypeEntity, [...ticketTypes]);
  }

  countTicketTypes(productId: string): Promise<number> {
    return this.manager.countBy(TicketTypeEntity, { productId });
  }

  async recordSteps(entries: readonly NewProductAuditEntry[]): Promise<void> {
    await this.manager.insert(ProductAuditEntryEntity, [...entries]);
  }

  /** Oldest first. */
  auditTrail(productId: string): Promise<ProductAuditEntryEntity[]> {
    return this.manager
      .getRepository(ProductAuditEntryEntity)
      .createQueryBuilder('e')
      .where('e.product_id = :productId', { productId })
      .orderBy('e.seq')
      .getMany();
  }

  pageOfMerchant(
    merchantId: string,
    filter: ProductListFilter | undefined,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<ProductEntity>> {
    const qb = this.manager
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.merchant_id = :merchantId', { merchantId });
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter?.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter?.category) qb.andWhere('p.category = :category', { category: filter.category });
    if (filter?.licenseId) qb.andWhere('p.license_id = :licenseId', { licenseId: filter.licenseId });
    if (filter?.venueId) qb.andWhere('p.venue_id = :venueId', { venueId: filter.venueId });
    if (filter?.search) {
      // A substring, not a search-index match: a merchant looks up its own few hundred products by what it typed.
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        `(p.name ILIKE :pattern OR p.name_zh ILIKE :pattern
          OR EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.sku ILIKE :pattern))`,
        { pattern },
      );
    }
    return page(qb, first, after);
  }

  pageOfStudio(
    studioId: string,
    status: ProductStatus,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<ProductEntity>> {
    const qb = this.manager
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.studio_id = :studioId AND p.status = :status', { studioId, status });
    return page(qb, first, after);
  }
}

/** Newest first, keyset on (created_at, id) so pages never repeat or skip rows. */
async function page(
  qb: SelectQueryBuilder<ProductEntity>,
  first: number,
  after?: string | null,
): Promise<ConnectionShape<ProductEntity>> {
  const totalCount = await qb.clone().getCount();
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    qb.andWhere('(p.created_at, p.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
  }
  const rows = await qb
    .orderBy('p.created_at', 'DESC')
    .addOrderBy('p.id', 'DESC')
    .limit(first + 1)
    .getMany();
  return toConnection(rows, first, totalCount, (p) => [p.createdAt.toISOString(), p.id]);
}
