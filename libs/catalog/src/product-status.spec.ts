import { ErrorCode } from '@chedun/kernel';
import { canTransition, nextProductStatus, ProductStatus as S, ProductTransition as T } from './product-status';

describe('product transition table', () => {
  it.each([
    ['a draft is submitted', S.DRAFT, T.Submitted, S.PENDING_APPROVAL],
    ['a rejected design is resubmitted', S.REJECTED, T.Submitted, S.PENDING_APPROVAL],
    ['the studio approves', S.PENDING_APPROVAL, T.Approved, S.APPROVED],
    ['the studio rejects', S.PENDING_APPROVAL, T.Rejected, S.REJECTED],
    ['the merchant publishes an approved design', S.APPROVED, T.Published, S.PUBLISHED],
    ['the merchant republishes after a suspension', S.SUSPENDED, T.Published, S.PUBLISHED],
    ['the merchant unpublishes', S.PUBLISHED, T.Unpublished, S.APPROVED],
    ['a license stops: published product suspended', S.PUBLISHED, T.Suspended, S.SUSPENDED],
    ['a license stops: approved product suspended', S.APPROVED, T.Suspended, S.SUSPENDED],
    ['an edit sends a published design back', S.PUBLISHED, T.Revised, S.PENDING_APPROVAL],
  ])('%s', (_name, from, transition, to) => {
    expect(nextProductStatus(from, transition)).toBe(to);
  });

  it.each([
    ['publish a draft', S.DRAFT, T.Published],
    ['publish a pending design', S.PENDING_APPROVAL, T.Published],
    ['publish a rejected design', S.REJECTED, T.Published],
    ['approve a draft', S.DRAFT, T.Approved],
    ['approve twice', S.APPROVED, T.Approved],
    ['submit a published product', S.PUBLISHED, T.Submitted],
    ['suspend a draft', S.DRAFT, T.Suspended],
    ['unpublish a suspended product', S.SUSPENDED, T.Unpublished],
  ])('refuses to %s with CONFLICT', (_name, from, transition) => {
    expect(canTransition(from, transition)).toBe(false);
    expect(() => nextProductStatus(from, transition)).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT }));
  });
});
