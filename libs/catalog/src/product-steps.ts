import { Lifecycle } from '@chedun/kernel';
import { designRoundLifecycle, roundStatusFor } from './design-round-status';
import { ProductRepository } from './product.repository';
import { PRODUCT_TRANSITIONS, ProductStatus } from './product-status';

/**
 * Who moved the product and why, for its audit trail; `actorUserId` is null when a license change caused it.
 * `products` is the repository on the transaction that made the move. `design` is the artwork and note of a round
 * the merchant submits; without it a new round carries the latest round's artwork forward (a resubmission, or an
 * edit of the name, description or gallery that sends the design back).
 */
export interface ProductStepContext {
  products: ProductRepository;
  reason: string | null;
  actorUserId: string | null;
  design?: { artworkMediaIds: string[]; note: string | null };
  at?: Date;
}

/**
 * The product's lifecycle: its moves, each recorded as an audit entry in the transaction that made it. The design
 * rounds are written here too, so no path into or out of PENDING_APPROVAL can skip them: entering it opens the next
 * round, leaving it decides that round with the studio's comments (the step's reason).
 */
export const productLifecycle = new Lifecycle<ProductStatus, ProductStepContext>('product', PRODUCT_TRANSITIONS, {
  onTransition: async (steps, { products, reason, actorUserId, design, at = new Date() }) => {
    await products.recordSteps(
      steps.map((s) => ({
        productId: s.subject,
        event: s.event ?? s.action,
        fromStatus: s.from,
        toStatus: s.to,
        reason,
        actorUserId,
      })),
    );
    const rounds = products.designRounds();
    for (const step of steps) {
      if (step.to === ProductStatus.PENDING_APPROVAL) {
        const latest = await rounds.latestOf(step.subject);
        await rounds.open(
          step.subject,
          {
            artworkMediaIds: design?.artworkMediaIds ?? latest?.artworkMediaIds ?? [],
            note: design ? design.note : reason,
            submittedBy: actorUserId,
          },
          at,
        );
      } else if (step.from === ProductStatus.PENDING_APPROVAL) {
        const round = await rounds.latestOf(step.subject);
        if (!round) throw new Error(`Product ${step.subject} left PENDING_APPROVAL without a design round`);
        round.status = designRoundLifecycle.move(round.status, roundStatusFor(step.to));
        round.comments = reason;
        round.decidedBy = actorUserId;
        round.decidedAt = at;
        await rounds.save(round);
      }
    }
  },
});
