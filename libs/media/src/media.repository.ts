import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { MediaEntity } from './media.entity';

export type NewMedia = Omit<MediaEntity, 'id' | 'createdAt'>;

/** The media table: the one place the context reads and writes it. */
@Injectable()
export class MediaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A public and a private upload of the same file are two uploads: one never stands in for the other. */
  findUpload(organizationId: string, sourceSha256: string, isPrivate: boolean): Promise<MediaEntity | null> {
    return this.dataSource.manager.findOneBy(MediaEntity, { organizationId, sourceSha256, private: isPrivate });
  }

  /** Inserts the upload, or answers the row an equal upload of the same organization made first (even concurrently). */
  async insertOnce(media: NewMedia): Promise<MediaEntity> {
    await this.dataSource.manager.createQueryBuilder().insert().into(MediaEntity).values(media).orIgnore().execute();
    const row = await this.findUpload(media.organizationId, media.sourceSha256, media.private);
    if (!row) throw new Error('The media row vanished after its insert');
    return row;
  }

  async findByIds(ids: readonly string[]): Promise<MediaEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.manager.findBy(MediaEntity, { id: In([...new Set(ids)]) });
  }
}
