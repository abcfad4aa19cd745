/**
 * STAND-IN for feat/licensing's libs/ip (issue 3), replaced wholesale when that branch is merged: only
 * FilmIpReader.findByIds, reading the agreed `film_ips` table.
 */
import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface FilmIpSnapshot {
  id: string;
  studioId: string;
  title: string;
  titleZh: string | null;
}

@Injectable()
export class FilmIpReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByIds(ids: readonly string[]): Promise<FilmIpSnapshot[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, studio_id AS "studioId", title, title_zh AS "titleZh" FROM film_ips WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
  }
}

@Module({ providers: [FilmIpReader], exports: [FilmIpReader] })
export class IpModule {}
