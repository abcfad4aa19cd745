import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { keysetPage, listenForNotifications, NotificationListener } from '@chedun/db';
import { ConnectionShape, PageArgs } from '@chedun/kernel';
import { EntityManager, In } from 'typeorm';
import { FilmIpEntity, FilmIpFilmingLocationEntity } from './film-ip.entity';

export type NewFilmIp = Omit<FilmIpEntity, 'id'>;

/** The channel `film_ips`' trigger notifies at the commit of any statement that wrote the table. */
export const FILM_IPS_CHANGED_CHANNEL = 'film_ips_changed';

/** Who owns an IP and what it is called: all other contexts may know of it. */
export type FilmIpSummaryRow = Pick<FilmIpEntity, 'id' | 'studioId' | 'title' | 'titleZh'>;

/** The `film_ips` table. */
@Injectable()
export class FilmIpRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): FilmIpRepository {
    return new FilmIpRepository(manager);
  }

  insert(ip: NewFilmIp): Promise<FilmIpEntity> {
    return this.manager.getRepository(FilmIpEntity).save(ip);
  }

  save(ip: FilmIpEntity): Promise<FilmIpEntity> {
    return this.manager.save(ip);
  }

  findById(id: string): Promise<FilmIpEntity | null> {
    return this.manager.findOneBy(FilmIpEntity, { id });
  }

  /** Locked until the transaction ends, so changes to one IP are serialised. */
  lockById(id: string): Promise<FilmIpEntity | null> {
    return this.manager.findOne(FilmIpEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** In no particular order. */
  findByIds(ids: readonly string[]): Promise<FilmIpEntity[]> {
    return this.manager.findBy(FilmIpEntity, { id: In([...new Set(ids)]) });
  }

  /** Every product page asks for its IP's names: a fixed statement, mapped by hand (no query builder, no hydration). */
  summariesByIds(ids: readonly string[]): Promise<FilmIpSummaryRow[]> {
    return this.manager.query(
      `SELECT id, studio_id AS "studioId", title, title_zh AS "titleZh" FROM film_ips WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
  }

  /**
   * A connection of its own that hears every committed change to `film_ips` (`onChange`), and `onLost` when that
   * connection fails or ends after it started.
   */
  listenForChanges(onChange: () => void, onLost: (error?: Error) => void): Promise<NotificationListener> {
    return listenForNotifications(this.manager, FILM_IPS_CHANGED_CHANNEL, onChange, onLost);
  }

  /** Every IP's id, in id order, up to `limit`: each has a public page. */
  async ids(limit: number): Promise<string[]> {
    const rows = await this.manager.find(FilmIpEntity, { select: { id: true }, order: { id: 'ASC' }, take: limit });
    return rows.map((r) => r.id);
  }

  /** Newest first, of one studio when given. */
  page(page: PageArgs & { studioId?: string | null }): Promise<ConnectionShape<FilmIpEntity>> {
    const query = this.manager.getRepository(FilmIpEntity).createQueryBuilder('ip');
    if (page.studioId) query.where('ip.studioId = :studioId', { studioId: page.studioId });
    return keysetPage(query, page);
  }

  /** The IPs filmed at a place, by title. */
  filmedAt(filmingLocationId: string): Promise<FilmIpEntity[]> {
    return this.manager
      .getRepository(FilmIpEntity)
      .createQueryBuilder('ip')
      .innerJoin(FilmIpFilmingLocationEntity, 'link', 'link.film_ip_id = ip.id')
      .where('link.filming_location_id = :filmingLocationId', { filmingLocationId })
      .orderBy('ip.title')
      .getMany();
  }
}
