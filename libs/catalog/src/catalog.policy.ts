import { Actor, OrganizationKind } from '@chedun/identity';
import { ProductStatus } from './product-status';
import { CatalogException } from './catalog.exception';

interface Owned {
  id: string;
  merchantId: string;
  studioId: string;
  status: ProductStatus;
}

/**
 * Who may see a product: anyone once PUBLISHED; the merchant's staff always; the licensing studio's staff once it
 * has been submitted (they approve it); the platform.
 */
export function canViewProduct(actor: Actor | undefined, product: Owned): boolean {
  if (product.status === ProductStatus.PUBLISHED) return true;
  if (!actor) return false;
  if (actor.isPlatform || actor.isMemberOf(product.merchantId, OrganizationKind.MERCHANT)) return true;
  return product.status !== ProductStatus.DRAFT && actor.isMemberOf(product.studioId, OrganizationKind.STUDIO);
}

/**
 * The merchant's staff may change their product. Someone who cannot even see it learns nothing (NOT_FOUND);
 * someone who can see it but does not sell it is FORBIDDEN.
 */
export function assertMerchantOf(actor: Actor, product: Owned | null, what = 'Product'): asserts product is Owned {
  if (!product || !canViewProduct(actor, product)) throw CatalogException.notFound(what, product?.id);
  if (!actor.isMemberOf(product.merchantId, OrganizationKind.MERCHANT)) {
    throw CatalogException.forbidden(`Only the merchant's staff may change this ${what.toLowerCase()}`);
  }
}

/** Approving and rejecting designs belongs to the staff of the studio that owns the licensed IP. */
export function assertStudioOf(actor: Actor, product: Owned | null): asserts product is Owned {
  if (!product || !canViewProduct(actor, product)) throw CatalogException.notFound('Product', product?.id);
  if (!actor.isMemberOf(product.studioId, OrganizationKind.STUDIO)) {
    throw CatalogException.forbidden('Only staff of the studio that licensed this IP may review the design');
  }
}
