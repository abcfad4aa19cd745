import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { MediaService } from './media.service';
import { MediaImage } from './media.types';
import { OrganizationLogoRepository } from './organization-logo.repository';

/**
 * Organization logos, kept here rather than in identity: identity may use no other context, and a logo is a public
 * upload like any other. Only an owner changes the organization's face to the public; its staff upload, but do not.
 */
@Injectable()
export class OrganizationLogoService {
  constructor(
    private readonly media: MediaService,
    private readonly logos: OrganizationLogoRepository,
  ) {}

  async setLogo(actor: Actor, organizationId: string, mediaId: string | null): Promise<void> {
    actor.assertOwnerOf(organizationId);
    if (!mediaId) return this.logos.clear(organizationId);
    await this.media.ownPublicImages([mediaId], organizationId);
    await this.logos.set({ organizationId, mediaId, updatedBy: actor.userId, updatedAt: new Date() });
  }

  /** The logos of many organizations (two queries), in the order of `organizationIds`; null where there is none. */
  async logosOf(organizationIds: readonly string[]): Promise<(MediaImage | null)[]> {
    const rows = await this.logos.logosOf(organizationIds);
    const uploads = await this.media.summaries(rows.map((r) => r.mediaId));
    const byOrganization = new Map(rows.map((r) => [r.organizationId, uploads.get(r.mediaId)?.image ?? null]));
    return organizationIds.map((id) => byOrganization.get(id) ?? null);
  }
}
