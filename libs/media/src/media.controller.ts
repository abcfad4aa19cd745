import {
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Actor, CurrentActor, Public, RateLimited } from '@chedun/identity';
import { parseId } from '@chedun/kernel';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { MAX_UPLOAD_BYTES } from './image-processing';
import { MediaException } from './media.exception';
import { uploadingOrganization } from './media.policy';
import { MEDIA_KEY } from './media-storage.port';
import { MediaService, toMediaImage } from './media.service';
import { MediaImage } from './media.types';

/** What multer hands over for the `file` field (held in memory: at most MAX_UPLOAD_BYTES). */
interface UploadedImage {
  buffer: Buffer;
  size: number;
}

/** Renditions never change under their key (it is their content's hash), so browsers and CDNs may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function organizationParam(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw MediaException.badInput('organizationId is given once', { field: 'organizationId' });
  return parseId(value, 'organizationId');
}

/**
 * Refuses a caller who may not upload before the body is read: the global guard has already answered 401 to a
 * missing or bad token, this one answers 403 to a visitor, so neither costs up to 10 MB of buffering.
 */
@Injectable()
class MayUpload implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    if (!req.actor) throw MediaException.unauthenticated();
    uploadingOrganization(req.actor, organizationParam(req.query['organizationId']));
    return true;
  }
}

/** `?private=true` asks for a private upload (brand assets); anything else but absence is a mistake worth saying. */
function privateParam(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw MediaException.badInput('private is true or false', { field: 'private' });
}

/** What POST /media?private=true answers: the id to name in addBrandAsset, and what the file was taken for. */
interface PrivateUpload {
  id: string;
  private: true;
  contentType: string;
}

/**
 * POST /media (multipart, one field `file`) and GET /media/:key, the one place image bytes enter or leave. Private
 * uploads enter here too, but never leave here: their owner's context serves them behind signed URLs.
 */
@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post()
  @HttpCode(201)
  @RateLimited('upload')
  @UseGuards(MayUpload)
  @UseInterceptors(
    // Without `dest` or `storage` multer holds the file in memory, which the size limit bounds.
    FileInterceptor('file', {
      // One file of at most 10 MB and nothing else worth buffering; multer stops reading past a limit (413 / 400).
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, fieldSize: 1024, parts: 3, headerPairs: 20 },
    }),
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Query('organizationId') organizationId: unknown,
    @Query('private') isPrivate: unknown,
    @UploadedFile() file: UploadedImage | undefined,
  ): Promise<MediaImage | PrivateUpload> {
    const asPrivate = privateParam(isPrivate);
    if (!file) throw MediaException.refused('MISSING_FILE', 'Send the image as the multipart/form-data field "file"');
    if (asPrivate) {
      const media = await this.media.uploadPrivate(actor, organizationParam(organizationId), file.buffer);
      return { id: media.id, private: true, contentType: media.contentType };
    }
    return toMediaImage(await this.media.upload(actor, organizationParam(organizationId), file.buffer));
  }

  @Public()
  @Get(':key')
  async serve(@Param('key') key: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!MEDIA_KEY.test(key)) throw MediaException.notFound('Media file');
    const etag = `"${key.slice(0, 64)}"`;
    res.setHeader('cache-control', IMMUTABLE);
    res.setHeader('etag', etag);
    // Public images: other sites (and the Vite dev server) may embed them; helmet's default would forbid that.
    res.setHeader('cross-origin-resource-policy', 'cross-origin');
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    const file = await this.media.file(key);
    if (!file) {
      res.removeHeader('cache-control');
      res.removeHeader('etag');
      throw MediaException.notFound('Media file');
    }
    res.status(200);
    res.setHeader('content-type', 'image/webp');
    if (file.size > 0) res.setHeader('content-length', String(file.size));
    if (req.method === 'HEAD') {
      file.body.destroy();
      res.end();
      return;
    }
    try {
      await pipeline(file.body, res);
    } catch (error) {
      // Once bytes are out a status can no longer say "failed": cut the answer short instead.
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
