import { Injectable } from '@nestjs/common';
import { MediaService } from '@chedun/media';
import { DesignRoundRepository } from './design-round.repository';
import { DesignRound } from './design-round.types';

/** Reads design rounds with their artwork: for the product's merchant and studio, whose review it is. */
@Injectable()
export class DesignRoundService {
  constructor(
    private readonly rounds: DesignRoundRepository,
    private readonly media: MediaService,
  ) {}

  /** The rounds of many products, newest first each, in the order of `productIds`: two queries for the batch. */
  async roundsOf(productIds: readonly string[]): Promise<DesignRound[][]> {
    const rows = await this.rounds.roundsOf(productIds);
    const uploads = await this.media.summaries(rows.flatMap((r) => r.artworkMediaIds));
    const byProduct = new Map<string, DesignRound[]>();
    for (const row of rows) {
      const list = byProduct.get(row.productId) ?? [];
      list.push({
        id: row.id,
        round: row.round,
        status: row.status,
        note: row.note,
        comments: row.comments,
        artwork: row.artworkMediaIds.flatMap((id) => {
          const upload = uploads.get(id);
          return upload ? [upload.image] : [];
        }),
        submittedBy: row.submittedBy,
        submittedAt: row.submittedAt,
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt,
      });
      byProduct.set(row.productId, list);
    }
    return productIds.map((id) => byProduct.get(id) ?? []);
  }
}
