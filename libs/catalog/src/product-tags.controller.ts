import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, CurrentActor } from '@chedun/identity';
import { isId } from '@chedun/kernel';
import type { Response } from 'express';
import { CatalogException } from './catalog.exception';
import { assertMerchantOf } from './catalog.policy';
import { ProductRepository } from './product.repository';
import { MAX_TAGS, TAGS_PER_PAGE, writeTagSheet } from './product-tag-sheet';

/**
 * GET /verification-tags/:productId?count=: the printable sheet of proof-of-license tags, for the product's merchant. Only a
 * product that has been published has a verification code to print (CONFLICT before).
 */
@Controller('verification-tags')
export class ProductTagsController {
  constructor(
    private readonly products: ProductRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id')
  async tagSheet(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('count') count: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tags =
      count === undefined ? TAGS_PER_PAGE : typeof count === 'string' && /^\d{1,4}$/.test(count) ? Number(count) : NaN;
    if (!(tags >= 1 && tags <= MAX_TAGS))
      throw CatalogException.badInput(`count is a whole number from 1 to ${MAX_TAGS}`, { field: 'count' });
    const product = isId(id) ? await this.products.findById(id.toLowerCase()) : null;
    assertMerchantOf(actor, product);
    if (!product.verificationCode)
      throw CatalogException.conflict('The product gets its verification code when it is first published');
    res.status(200);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="verification-tags-${product.id}.pdf"`);
    res.setHeader('cache-control', 'private, no-store');
    try {
      await writeTagSheet(
        {
          name: product.name,
          nameZh: product.nameZh,
          verificationCode: product.verificationCode,
          verifyUrl: `${this.config.mail.webUrl}/verify/${encodeURIComponent(product.verificationCode)}`,
        },
        tags,
        res,
      );
    } catch (error) {
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
