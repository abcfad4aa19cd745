import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { EntityManager } from 'typeorm';

/** A shipment as one of its lines sees it. */
export interface LineShipmentRow {
  orderLineId: string;
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: Date;
}

export interface ShippedEmailPayload {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  lines: { productName: string; productNameZh: string | null; quantity: number }[];
}

/** Fulfilment of merchandise in the orders context: `shipments` and `shipment_lines`, and the hand-over stamps on `order_lines`. */
@Injectable()
export class ShipmentRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ShipmentRepository {
    return new ShipmentRepository(manager);
  }

  /** One parcel of the merchant's lines; a line already in a parcel makes the insert fail (its key is the line). */
  async create(
    shipment: {
      orderId: string;
      merchantId: string;
      carrier: string;
      trackingNumber: string;
      lineIds: readonly string[];
    },
    by: string,
    now: Date,
  ): Promise<string> {
    const [row] = (await this.manager.query(
      `INSERT INTO shipments (order_id, merchant_id, carrier, tracking_number, shipped_at, shipped_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [shipment.orderId, shipment.merchantId, shipment.carrier, shipment.trackingNumber, now, by],
    )) as { id: string }[];
    await this.manager.query(`INSERT INTO shipment_lines (order_line_id, shipment_id) SELECT unnest($1::uuid[]), $2`, [
      shipment.lineIds,
      row!.id,
    ]);
    return row!.id;
  }

  /** Marks the lines SHIPPED; returns those that were not handed over yet. */
  async markShipped(lineIds: readonly string[], now: Date): Promise<string[]> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE order_lines SET fulfilled_at = $2, fulfilment = 'SHIPPED' WHERE id = ANY($1::uuid[]) AND fulfilled_at IS NULL RETURNING id`,
      [lineIds, now],
    );
    return rows.map((r) => r.id);
  }

  /** Hands over the merchant's merchandise lines of the order still to hand over (not refunded in full) as PICKED_UP. */
  async markPickedUp(orderId: string, merchantId: string, now: Date): Promise<string[]> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE order_lines SET fulfilled_at = $3, fulfilment = 'PICKED_UP'
        WHERE order_id = $1 AND merchant_id = $2 AND kind = 'MERCHANDISE' AND fulfilled_at IS NULL AND refunded_minor < net_minor
        RETURNING id`,
      [orderId, merchantId, now],
    );
    return rows.map((r) => r.id);
  }

  async ofLines(lineIds: readonly string[]): Promise<LineShipmentRow[]> {
    if (lineIds.length === 0) return [];
    return this.manager.query(
      `SELECT sl.order_line_id AS "orderLineId", s.id AS "shipmentId", s.carrier, s.tracking_number AS "trackingNumber", s.shipped_at AS "shippedAt"
         FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE sl.order_line_id = ANY($1::uuid[])`,
      [lineIds],
    );
  }
}
