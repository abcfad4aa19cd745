import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { Public } from '@chedun/identity';
import { DomainError, isId } from '@chedun/kernel';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { BrandAssetService } from './brand-asset.service';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `attachment` with the title as the name: an ASCII stand-in for old clients, the real name in RFC 5987 form. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /brand-assets/:id?for=&expires=&signature=: the one way a brand asset's file leaves the server. The link is the
 * credential (a browser follows it without the bearer token), so it is public here and judged by its signature, its
 * expiry and, at this moment, the grantee's license. Refusals say nothing about whether the asset exists.
 */
@Controller('brand-assets')
export class BrandAssetController {
  constructor(private readonly assets: BrandAssetService) {}

  @Public()
  @Get(':id')
  async download(
    @Param('id') id: string,
    @Query('for') grantee: unknown,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const forId = text(grantee);
    const until = text(expires);
    const mac = text(signature);
    if (!isId(id) || !forId || !isId(forId) || !until || !/^\d{1,12}$/.test(until) || !mac)
      throw DomainError.forbidden('This download link is not genuine');
    const { file, filename } = await this.assets.download({ assetId: id, grantee: forId, expires: Number(until) }, mac);
    res.status(200);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', disposition(filename));
    // The link is a credential: no shared cache may keep the file, and it is never sniffed into something else.
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (file.size > 0) res.setHeader('content-length', String(file.size));
    if (req.method === 'HEAD') {
      file.body.destroy();
      res.end();
      return;
    }
    try {
      await pipeline(file.body, res);
    } catch (error) {
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
