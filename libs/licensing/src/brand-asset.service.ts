import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { FilmIpReader } from '@chedun/ip';
import { Clock, DomainError, shanghaiDate } from '@chedun/kernel';
import { MediaService, PrivateFile } from '@chedun/media';
import { BrandAssetEntity } from './brand-asset.entity';
import { BrandAssetRepository } from './brand-asset.repository';
import { BrandAssetGrant, isGenuineGrant, signedBrandAssetPath } from './brand-asset-url';
import { AddBrandAssetInput, BrandAsset } from './brand-asset.types';
import { LicenseRepository } from './license.repository';

/** A download the signed route may serve: the file and what to call it. */
export interface BrandAssetDownload {
  file: PrivateFile;
  filename: string;
}

/**
 * The brand-asset portal (DESIGN: brand assets belong to licensing): the IP's studio adds official files; its staff
 * and the staff of merchants holding an ACTIVE license on the IP list them, each with a signed URL for their
 * organization that expires. The license is checked at every listing and again at every download, so a suspended or
 * expired license loses access at once, even to a URL issued a minute before.
 */
@Injectable()
export class BrandAssetService {
  constructor(
    private readonly assets: BrandAssetRepository,
    private readonly licenses: LicenseRepository,
    private readonly filmIps: FilmIpReader,
    private readonly media: MediaService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async add(actor: Actor, input: AddBrandAssetInput): Promise<BrandAsset> {
    const studioId = await this.studioOf(input.filmIpId);
    if (!actor.isMemberOf(studioId, OrganizationKind.STUDIO))
      throw DomainError.forbidden("Only staff of the IP's studio may add its brand assets");
    const upload = await this.media.describe(input.mediaId);
    if (!upload || upload.organizationId !== studioId) throw DomainError.notFound('Media', input.mediaId);
    if (!upload.private) {
      throw DomainError.badInput('Brand assets are private uploads: POST /media?private=true', { field: 'mediaId' });
    }
    const asset = await this.assets.insert({
      filmIpId: input.filmIpId,
      studioId,
      mediaId: upload.id,
      title: input.title,
      addedBy: actor.userId,
    });
    return this.present(asset, upload.contentType, studioId);
  }

  async list(actor: Actor, filmIpId: string): Promise<BrandAsset[]> {
    const studioId = await this.studioOf(filmIpId);
    const grantee = await this.granteeFor(actor, filmIpId, studioId);
    if (!grantee)
      throw DomainError.forbidden("Brand assets are for the IP's studio and merchants holding an ACTIVE license on it");
    const rows = await this.assets.ofFilmIp(filmIpId);
    const described = await Promise.all(rows.map((r) => this.media.describe(r.mediaId)));
    return rows.map((r, i) => this.present(r, described[i]?.contentType ?? 'application/octet-stream', grantee));
  }

  /**
   * The file behind a signed URL, or why not: FORBIDDEN for a missing, forged or expired signature, or a grantee that
   * no longer may have it (license suspended or ended since the URL was issued); NOT_FOUND when there is no such file.
   */
  async download(grant: BrandAssetGrant, signature: string): Promise<BrandAssetDownload> {
    if (!isGenuineGrant(grant, signature, this.config.brandAssets.signingSecret))
      throw DomainError.forbidden('This download link is not genuine');
    if (grant.expires * 1000 <= this.clock.now().getTime())
      throw DomainError.forbidden('This download link has expired: list the brand assets again for a fresh one');
    const asset = await this.assets.findById(grant.assetId);
    if (!asset) throw DomainError.notFound('Brand asset', grant.assetId);
    if (grant.grantee !== asset.studioId) {
      const today = shanghaiDate(this.clock.now());
      const licensed = await this.licenses.merchantsLicensedOn(asset.filmIpId, [grant.grantee], today);
      if (licensed.length === 0) throw DomainError.forbidden('The license behind this link no longer holds');
    }
    const file = await this.media.openPrivate(asset.mediaId);
    if (!file) throw DomainError.notFound('Brand asset file', grant.assetId);
    const extension = file.contentType === 'application/pdf' ? 'pdf' : 'webp';
    return { file, filename: `${asset.title}.${extension}` };
  }

  private async studioOf(filmIpId: string): Promise<string> {
    const [filmIp] = await this.filmIps.findByIds([filmIpId]);
    if (!filmIp) throw DomainError.notFound('Film IP', filmIpId);
    return filmIp.studioId;
  }

  /** The organization a listing's URLs are issued to: the IP's studio, or one of the actor's licensed merchants. */
  private async granteeFor(actor: Actor, filmIpId: string, studioId: string): Promise<string | null> {
    if (actor.isMemberOf(studioId, OrganizationKind.STUDIO)) return studioId;
    const merchants = actor.organizationIds(OrganizationKind.MERCHANT);
    const licensed = await this.licenses.merchantsLicensedOn(filmIpId, merchants, shanghaiDate(this.clock.now()));
    return licensed[0] ?? null;
  }

  private present(asset: BrandAssetEntity, contentType: string, grantee: string): BrandAsset {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + this.config.brandAssets.urlSeconds;
    return {
      id: asset.id,
      filmIpId: asset.filmIpId,
      title: asset.title,
      contentType,
      url: signedBrandAssetPath({ assetId: asset.id, grantee, expires }, this.config.brandAssets.signingSecret),
      expiresAt: new Date(expires * 1000),
      createdAt: asset.createdAt,
    };
  }
}
