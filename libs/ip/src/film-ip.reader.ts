import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FilmIpEntity } from './film-ip.entity';

export interface FilmIpSummary {
  id: string;
  studioId: string;
  title: string;
  titleZh: string | null;
}

/** What other contexts may know about film IP: who owns it and what it is called. */
@Injectable()
export class FilmIpReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<FilmIpSummary[]> {
    if (ids.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).find(FilmIpEntity, {
      select: { id: true, studioId: true, title: true, titleZh: true },
      where: { id: In([...new Set(ids)]) },
    });
    return rows.map(({ id, studioId, title, titleZh }) => ({ id, studioId, title, titleZh }));
  }
}
