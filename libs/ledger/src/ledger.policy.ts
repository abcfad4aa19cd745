import { Actor, OrganizationKind } from '@chedun/identity';
import { DomainError } from '@chedun/kernel';

/** Who may see which figures. Every ledger read passes through one of these. */
export const LedgerPolicy = {
  /** A studio's royalties: its own staff only. */
  readStudioRoyalties(actor: Actor, studioId: string): void {
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
  },

  /** Statements: the studio's staff, and platform operators who issue and pay them. */
  readStatements(actor: Actor, studioId: string): void {
    if (actor.isPlatform) return;
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
  },

  /** A merchant's sales and what it is owed: that merchant's staff, or the platform. */
  readMerchantSales(actor: Actor, merchantId: string): void {
    if (actor.isPlatform) return;
    actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
  },

  /** Paying out, and seeing payouts: the payee's own staff, or the platform. Another payee's are FORBIDDEN. */
  payouts(actor: Actor, organizationId: string): void {
    if (actor.isPlatform) return;
    actor.assertMemberOf(organizationId);
  },

  platformOnly(actor: Actor): void {
    if (!actor.isPlatform) throw DomainError.forbidden('Only platform operators may do this');
  },
};
