import { Money, MoneyType } from '@chedun/kernel';
import { ProductEntity, ProductVariantEntity, TicketTypeEntity, TimeSlotEntity } from './product.entity';
import { Product, ProductVariant, TicketType, TimeSlot, Venue } from './catalog.types';
import { VenueEntity } from './venue.entity';

export function toProduct(p: ProductEntity): Product {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    statusReason: p.statusReason,
    category: p.category,
    name: p.name,
    nameZh: p.nameZh,
    description: p.description,
    descriptionZh: p.descriptionZh,
    images: p.images,
    purchaseLimit: p.purchaseLimit,
    freeCancellationHours: p.freeCancellationHours,
    licenseId: p.licenseId,
    filmIpId: p.filmIpId,
    merchantId: p.merchantId,
    studioId: p.studioId,
    venueId: p.venueId,
    publishedAt: p.publishedAt,
    verificationCode: p.verificationCode,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toVariant(v: ProductVariantEntity): ProductVariant {
  return {
    id: v.id,
    sku: v.sku,
    price: MoneyType.from(Money.of(v.priceMinor, v.currency)),
    stock: v.stockOnHand,
    reserved: v.reserved,
    sold: v.sold,
    available: v.stockOnHand - v.sold - v.reserved,
    options: (v.options ?? []).map((o) => ({ ...o })),
  };
}

export function toTicketType(t: TicketTypeEntity): TicketType {
  return { id: t.id, name: t.name, nameZh: t.nameZh, price: MoneyType.from(Money.of(t.priceMinor, t.currency)) };
}

export function toTimeSlot(s: TimeSlotEntity): TimeSlot {
  return {
    id: s.id,
    experienceId: s.productId,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    reserved: s.reserved,
    sold: s.sold,
    remaining: s.capacity - s.sold - s.reserved,
    status: s.status,
    cancelledAt: s.cancelledAt,
  };
}

export function toVenue(v: VenueEntity): Venue {
  return {
    id: v.id,
    merchantId: v.merchantId,
    name: v.name,
    nameZh: v.nameZh,
    address: v.address,
    addressZh: v.addressZh,
    latitude: v.latitude,
    longitude: v.longitude,
    openingNotes: v.openingNotes,
    filmingLocationIds: v.filmingLocationIds,
  };
}

/** Postgres unique violation (23505), optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
