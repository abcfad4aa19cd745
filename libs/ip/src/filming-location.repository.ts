import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { FilmIpFilmingLocationEntity, FilmingLocationEntity } from './film-ip.entity';

export type NewFilmingLocation = Omit<FilmingLocationEntity, 'id'>;

/** The `filming_locations` table and its links to IPs (`film_ip_filming_locations`). */
@Injectable()
export class FilmingLocationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): FilmingLocationRepository {
    return new FilmingLocationRepository(manager);
  }

  insert(location: NewFilmingLocation): Promise<FilmingLocationEntity> {
    return this.manager.save(this.manager.create(FilmingLocationEntity, location));
  }

  findById(id: string): Promise<FilmingLocationEntity | null> {
    return this.manager.findOneBy(FilmingLocationEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<FilmingLocationEntity[]> {
    return this.manager.findBy(FilmingLocationEntity, { id: In([...ids]) });
  }

  async link(filmIpId: string, filmingLocationId: string): Promise<void> {
    await this.manager.insert(FilmIpFilmingLocationEntity, { filmIpId, filmingLocationId });
  }

  /** A link that already exists is left as it is. */
  async linkIfAbsent(filmIpId: string, filmingLocationId: string): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(FilmIpFilmingLocationEntity)
      .values({ filmIpId, filmingLocationId })
      .orIgnore()
      .execute();
  }

  linksOf(filmIpIds: readonly string[]): Promise<FilmIpFilmingLocationEntity[]> {
    return this.manager.findBy(FilmIpFilmingLocationEntity, { filmIpId: In([...filmIpIds]) });
  }
}
