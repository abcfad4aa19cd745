import { ErrorCode } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { ProductAuditEntryEntity } from './product.entity';
import { ProductRepository } from './product.repository';
import { ProductStatus as S, ProductTransition as T } from './product-status';
import { productLifecycle } from './product-steps';

describe('product transition table', () => {
  it.each([
    ['a draft is submitted', S.DRAFT, T.Submitted, S.PENDING_APPROVAL],
    ['a rejected design is resubmitted', S.REJECTED, T.Submitted, S.PENDING_APPROVAL],
    ['the studio approves', S.PENDING_APPROVAL, T.Approved, S.APPROVED],
    ['the studio rejects', S.PENDING_APPROVAL, T.Rejected, S.REJECTED],
    ['the studio requests changes', S.PENDING_APPROVAL, T.ChangesRequested, S.CHANGES_REQUESTED],
    ['the merchant answers with the next round', S.CHANGES_REQUESTED, T.Submitted, S.PENDING_APPROVAL],
    ['the merchant publishes an approved design', S.APPROVED, T.Published, S.PUBLISHED],
    ['the merchant republishes after a suspension', S.SUSPENDED, T.Published, S.PUBLISHED],
    ['the merchant unpublishes', S.PUBLISHED, T.Unpublished, S.APPROVED],
    ['a license stops: published product suspended', S.PUBLISHED, T.Suspended, S.SUSPENDED],
    ['a license stops: approved product suspended', S.APPROVED, T.Suspended, S.SUSPENDED],
    ['an edit sends a published design back', S.PUBLISHED, T.Revised, S.PENDING_APPROVAL],
  ])('%s', (_name, from, transition, to) => {
    expect(productLifecycle.fire(from, transition)).toEqual(expect.objectContaining({ from, to, event: transition }));
  });

  it.each([
    ['publish a draft', S.DRAFT, T.Published],
    ['publish a pending design', S.PENDING_APPROVAL, T.Published],
    ['publish a rejected design', S.REJECTED, T.Published],
    ['publish a design with changes requested', S.CHANGES_REQUESTED, T.Published],
    ['approve a design with changes requested', S.CHANGES_REQUESTED, T.Approved],
    ['request changes to a draft', S.DRAFT, T.ChangesRequested],
    ['request changes to a published design', S.PUBLISHED, T.ChangesRequested],
    ['approve a draft', S.DRAFT, T.Approved],
    ['approve twice', S.APPROVED, T.Approved],
    ['submit a published product', S.PUBLISHED, T.Submitted],
    ['suspend a draft', S.DRAFT, T.Suspended],
    ['unpublish a suspended product', S.SUSPENDED, T.Unpublished],
  ])('refuses to %s with CONFLICT', (_name, from, transition) => {
    expect(productLifecycle.canFire(from, transition)).toBe(false);
    expect(() => productLifecycle.fire(from, transition)).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICT }),
    );
  });

  it('names the refusal by what was tried', () => {
    expect(() => productLifecycle.fire(S.DRAFT, T.Approved)).toThrow('Cannot approve a product that is draft');
  });

  it('writes one audit entry per product moved, with who and why', async () => {
    const insert = jest.fn().mockResolvedValue(undefined);
    const products = new ProductRepository({ insert } as unknown as EntityManager);
    const steps = [S.PUBLISHED, S.APPROVED].map((from, i) => ({
      ...productLifecycle.fire(from, T.Suspended),
      subject: `p${i}`,
    }));
    await productLifecycle.record(steps, { products, reason: 'License suspended', actorUserId: null });
    expect(insert).toHaveBeenCalledWith(ProductAuditEntryEntity, [
      {
        productId: 'p0',
        event: T.Suspended,
        fromStatus: S.PUBLISHED,
        toStatus: S.SUSPENDED,
        reason: 'License suspended',
        actorUserId: null,
      },
      {
        productId: 'p1',
        event: T.Suspended,
        fromStatus: S.APPROVED,
        toStatus: S.SUSPENDED,
        reason: 'License suspended',
        actorUserId: null,
      },
    ]);
  });
});
