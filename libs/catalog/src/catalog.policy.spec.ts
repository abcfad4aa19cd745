import { Actor, MembershipRole, OrganizationKind } from '@chedun/identity';
import { ErrorCode } from '@chedun/kernel';
import { assertMerchantOf, assertStudioOf, canViewProduct } from './catalog.policy';
import { ProductStatus } from './product-status';

const MERCHANT = 'm-1';
const STUDIO = 's-1';
const member = (orgId: string, kind: OrganizationKind) =>
  new Actor('u', 'u@example.test', [{ organizationId: orgId, kind, role: MembershipRole.STAFF }]);
const product = (status: ProductStatus) => ({ id: 'p', merchantId: MERCHANT, studioId: STUDIO, status });

describe('catalog policy', () => {
  it('shows a published product to anyone, a draft only to its merchant', () => {
    expect(canViewProduct(undefined, product(ProductStatus.PUBLISHED))).toBe(true);
    expect(canViewProduct(undefined, product(ProductStatus.APPROVED))).toBe(false);
    expect(canViewProduct(member('other', OrganizationKind.MERCHANT), product(ProductStatus.DRAFT))).toBe(false);
    expect(canViewProduct(member(MERCHANT, OrganizationKind.MERCHANT), product(ProductStatus.DRAFT))).toBe(true);
  });

  it('shows the studio submitted designs but not drafts', () => {
    expect(canViewProduct(member(STUDIO, OrganizationKind.STUDIO), product(ProductStatus.DRAFT))).toBe(false);
    expect(canViewProduct(member(STUDIO, OrganizationKind.STUDIO), product(ProductStatus.PENDING_APPROVAL))).toBe(true);
  });

  it("hides another merchant's draft (NOT_FOUND) and forbids changing their published product", () => {
    const other = member('other', OrganizationKind.MERCHANT);
    expect(() => assertMerchantOf(other, product(ProductStatus.DRAFT))).toThrow(
      expect.objectContaining({ code: ErrorCode.NOT_FOUND }),
    );
    expect(() => assertMerchantOf(other, product(ProductStatus.PUBLISHED))).toThrow(
      expect.objectContaining({ code: ErrorCode.FORBIDDEN }),
    );
    expect(() =>
      assertMerchantOf(member(MERCHANT, OrganizationKind.MERCHANT), product(ProductStatus.DRAFT)),
    ).not.toThrow();
  });

  it('lets only the licensing studio review', () => {
    expect(() =>
      assertStudioOf(member(MERCHANT, OrganizationKind.MERCHANT), product(ProductStatus.PENDING_APPROVAL)),
    ).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
    expect(() =>
      assertStudioOf(member('s-2', OrganizationKind.STUDIO), product(ProductStatus.PENDING_APPROVAL)),
    ).toThrow(expect.objectContaining({ code: ErrorCode.NOT_FOUND }));
    expect(() =>
      assertStudioOf(member(STUDIO, OrganizationKind.STUDIO), product(ProductStatus.PENDING_APPROVAL)),
    ).not.toThrow();
  });
});
