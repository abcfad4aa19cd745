import type { CatalogListingSource } from '@chedun/catalog';
import type { OrganizationService } from '@chedun/identity';
import type { FilmIpReader, FilmIpService } from '@chedun/ip';
import { mapUrl } from '@chedun/kernel';
import type { MediaService } from '@chedun/media';

/** What a film's page (`/ip/:id`) tells crawlers and link previews before any script runs. */
export interface FilmPagePreview {
  id: string;
  title: string;
  titleZh: string | null;
  year: number | null;
  synopsis: string | null;
  synopsisZh: string | null;
  studioName: string;
  studioNameZh: string | null;
  /**
   * The studio's key art (its upload's full rendition), else artwork it hosts, else the newest listed product's
   * picture; absolute or a path on this site.
   */
  keyArt?: string;
  locations: { nameEn: string; nameZh: string | null; mapUrl: string }[];
}

/** The sitemap's ceiling on film pages: one sitemap file holds 50,000 URLs, products included. */
const MAX_FILM_PAGES = 10_000;

/**
 * Film pages as the HTML layer reads them: the IP, its studio's public name and its filming locations from their
 * contexts, the key art from media, and a picture from the catalog when the studio gave none.
 */
export class FilmPageSource {
  constructor(
    private readonly filmIps: Pick<FilmIpService, 'findManyByIds' | 'locationsOf'>,
    private readonly filmIpIds: Pick<FilmIpReader, 'allIds'>,
    private readonly organizations: Pick<OrganizationService, 'profiles'>,
    private readonly listings: Pick<CatalogListingSource, 'filmIpCover'>,
    private readonly media: Pick<MediaService, 'summaries'>,
  ) {}

  async preview(id: string): Promise<FilmPagePreview | undefined> {
    const [ip] = await this.filmIps.findManyByIds([id]);
    if (!ip) return undefined;
    const [[studio], locations, cover] = await Promise.all([
      this.organizations.profiles([ip.studioId]),
      this.filmIps.locationsOf([ip.id]),
      this.cover(ip),
    ]);
    return {
      id: ip.id,
      title: ip.title,
      titleZh: ip.titleZh,
      year: ip.year,
      synopsis: ip.synopsis,
      synopsisZh: ip.synopsisZh,
      studioName: studio?.name ?? '',
      studioNameZh: studio?.nameZh ?? null,
      ...(cover ? { keyArt: cover } : {}),
      locations: (locations.get(ip.id) ?? []).map((l) => ({
        nameEn: l.nameEn,
        nameZh: l.nameZh,
        mapUrl: mapUrl(l.latitude, l.longitude),
      })),
    };
  }

  private async cover(ip: {
    id: string;
    keyArtMediaId: string | null;
    artworkUrls: string[];
  }): Promise<string | undefined> {
    if (ip.keyArtMediaId) {
      const keyArt = (await this.media.summaries([ip.keyArtMediaId])).get(ip.keyArtMediaId);
      if (keyArt) return keyArt.image.url;
    }
    return ip.artworkUrls[0] ?? this.listings.filmIpCover(ip.id);
  }

  ids(): Promise<string[]> {
    return this.filmIpIds.allIds(MAX_FILM_PAGES);
  }
}
