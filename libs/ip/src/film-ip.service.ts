import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEventBus } from '@chedun/db';
import { Actor, OrganizationKind } from '@chedun/identity';
import { MediaService } from '@chedun/media';
import { Clock, ConnectionShape, DomainError, FilmIpRenamed, PageArgs } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { FilmIpEntity, FilmingLocationEntity } from './film-ip.entity';
import { FilmIpRepository } from './film-ip.repository';
import { FilmIpSummaryCache } from './film-ip-summary-cache';
import { FilmingLocationRepository } from './filming-location.repository';
import { CreateFilmIpInput, FilmIpDetailsInput, RecordFilmingLocationInput, UpdateFilmIpInput } from './film-ip.types';

/** Studio staff manage their own film IP; everyone may read it (offers and products show it). */
@Injectable()
export class FilmIpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filmIps: FilmIpRepository,
    private readonly locations: FilmingLocationRepository,
    private readonly clock: Clock,
    private readonly events: DomainEventBus,
    private readonly media: MediaService,
    private readonly summaries: FilmIpSummaryCache,
  ) {}

  async create(actor: Actor, input: CreateFilmIpInput): Promise<FilmIpEntity> {
    actor.assertMemberOf(input.studioId, OrganizationKind.STUDIO);
    const now = this.clock.now();
    return this.writing(() =>
      this.filmIps.insert({
        studioId: input.studioId,
        title: input.title.trim(),
        titleZh: input.titleZh?.trim() || null,
        ...details(input),
        keyArtMediaId: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  async update(actor: Actor, id: string, input: UpdateFilmIpInput): Promise<FilmIpEntity> {
    return this.writingInTransaction(async (manager) => {
      const ip = await this.lockOwn(manager, actor, id);
      const before = { title: ip.title, titleZh: ip.titleZh };
      if (input.title !== undefined) ip.title = input.title.trim();
      if (input.titleZh !== undefined) ip.titleZh = input.titleZh?.trim() || null;
      const changed = details(input);
      if (input.synopsis !== undefined) ip.synopsis = changed.synopsis;
      if (input.synopsisZh !== undefined) ip.synopsisZh = changed.synopsisZh;
      if (input.year !== undefined) ip.year = changed.year;
      if (input.characters !== undefined) ip.characters = changed.characters;
      if (input.artworkUrls !== undefined) ip.artworkUrls = changed.artworkUrls;
      ip.updatedAt = this.clock.now();
      const saved = await this.filmIps.forManager(manager).save(ip);
      if (ip.title !== before.title || ip.titleZh !== before.titleZh) {
        const renamed: FilmIpRenamed = { type: 'FilmIpRenamed', filmIpId: ip.id };
        await this.events.publish(renamed, manager);
      }
      return saved;
    });
  }

  /**
   * The IP's key art becomes one of its studio's public uploads, or none. Only the reference changes: the upload and
   * its content-addressed files stay, since other records (and other organizations' equal uploads) may show them.
   */
  async setKeyArt(actor: Actor, filmIpId: string, mediaId: string | null): Promise<FilmIpEntity> {
    return this.writingInTransaction(async (manager) => {
      const ip = await this.lockOwn(manager, actor, filmIpId);
      if (mediaId) await this.media.ownPublicImages([mediaId], ip.studioId);
      if (ip.keyArtMediaId === mediaId) return ip;
      ip.keyArtMediaId = mediaId;
      ip.updatedAt = this.clock.now();
      return this.filmIps.forManager(manager).save(ip);
    });
  }

  /** Records a real place where the IP was shot and links it to the IP. */
  async recordFilmingLocation(actor: Actor, input: RecordFilmingLocationInput): Promise<FilmingLocationEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwn(manager, actor, input.filmIpId);
      const locations = this.locations.forManager(manager);
      const location = await locations.insert({
        nameEn: input.nameEn.trim(),
        nameZh: input.nameZh?.trim() || null,
        latitude: input.latitude,
        longitude: input.longitude,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await locations.link(input.filmIpId, location.id);
      return location;
    });
  }

  /** Another of the studio's IPs was filmed at a place already on record. */
  async linkFilmingLocation(actor: Actor, filmIpId: string, filmingLocationId: string): Promise<FilmingLocationEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwn(manager, actor, filmIpId);
      const locations = this.locations.forManager(manager);
      const location = await locations.findById(filmingLocationId);
      if (!location) throw DomainError.notFound('Filming location', filmingLocationId);
      await locations.linkIfAbsent(filmIpId, filmingLocationId);
      return location;
    });
  }

  async findById(id: string): Promise<FilmIpEntity> {
    const ip = await this.filmIps.findById(id);
    if (!ip) throw DomainError.notFound('Film IP', id);
    return ip;
  }

  /** Public details of several IPs, in no particular order. */
  findManyByIds(ids: readonly string[]): Promise<FilmIpEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.filmIps.findByIds(ids);
  }

  list(page: PageArgs & { studioId?: string | null }): Promise<ConnectionShape<FilmIpEntity>> {
    return this.filmIps.page(page);
  }

  /** Filming locations of each IP, for a page of IPs in one query. */
  async locationsOf(filmIpIds: readonly string[]): Promise<Map<string, FilmingLocationEntity[]>> {
    const byIp = new Map<string, FilmingLocationEntity[]>(filmIpIds.map((id) => [id, []]));
    if (filmIpIds.length === 0) return byIp;
    const links = await this.locations.linksOf(filmIpIds);
    const ids = [...new Set(links.map((l) => l.filmingLocationId))];
    const locations = ids.length ? await this.locations.findByIds(ids) : [];
    const byId = new Map(locations.map((l) => [l.id, l]));
    for (const link of links) {
      const location = byId.get(link.filmingLocationId);
      if (location) byIp.get(link.filmIpId)?.push(location);
    }
    for (const list of byIp.values()) list.sort((a, b) => a.nameEn.localeCompare(b.nameEn));
    return byIp;
  }

  async filmIpsAt(filmingLocationId: string): Promise<FilmIpEntity[]> {
    return this.filmIps.filmedAt(filmingLocationId);
  }

  async findLocation(id: string): Promise<FilmingLocationEntity> {
    const location = await this.locations.findById(id);
    if (!location) throw DomainError.notFound('Filming location', id);
    return location;
  }

  /**
   * Every write to `film_ips` goes through here: once it has committed (or failed), this process's summaries are
   * dropped at once, so its next read is fresh; other processes drop theirs when the table's notification arrives.
   */
  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.summaries.changed();
    }
  }

  private writingInTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.writing(() => this.dataSource.transaction(work));
  }

  /** The IP, locked for change, when the actor is staff of its studio; FORBIDDEN otherwise (IP is public). */
  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<FilmIpEntity> {
    const ip = await this.filmIps.forManager(manager).lockById(id);
    if (!ip) throw DomainError.notFound('Film IP', id);
    actor.assertMemberOf(ip.studioId, OrganizationKind.STUDIO);
    return ip;
  }
}

function details(
  input: FilmIpDetailsInput,
): Pick<FilmIpEntity, 'synopsis' | 'synopsisZh' | 'year' | 'characters' | 'artworkUrls'> {
  return {
    synopsis: input.synopsis?.trim() || null,
    synopsisZh: input.synopsisZh?.trim() || null,
    year: input.year ?? null,
    characters: (input.characters ?? []).map((c) => ({ name: c.name.trim(), nameZh: c.nameZh?.trim() || null })),
    artworkUrls: input.artworkUrls ?? [],
  };
}
