import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FilmIpRepository } from './film-ip.repository';

export interface FilmIpSummary {
  id: string;
  studioId: string;
  title: string;
  titleZh: string | null;
}

/** What other contexts may know about film IP: who owns it and what it is called. */
@Injectable()
export class FilmIpReader {
  constructor(private readonly filmIps: FilmIpRepository) {}

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<FilmIpSummary[]> {
    if (ids.length === 0) return [];
    const rows = await (manager ? this.filmIps.forManager(manager) : this.filmIps).summariesByIds(ids);
    return rows.map(({ id, studioId, title, titleZh }) => ({ id, studioId, title, titleZh }));
  }

  /** Ids of every film IP (each has a public page), in id order, at most `limit`. */
  allIds(limit: number): Promise<string[]> {
    return this.filmIps.ids(limit);
  }
}
