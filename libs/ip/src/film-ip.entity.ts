import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export interface FilmCharacterRecord {
  name: string;
  nameZh: string | null;
}

@Entity('film_ips')
export class FilmIpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'title_zh', nullable: true })
  titleZh!: string | null;

  @Column('text', { nullable: true })
  synopsis!: string | null;

  @Column('text', { name: 'synopsis_zh', nullable: true })
  synopsisZh!: string | null;

  @Column('integer', { nullable: true })
  year!: number | null;

  @Column('jsonb')
  characters!: FilmCharacterRecord[];

  /** References to artwork the studio hosts (URLs); the marketplace never copies the files. */
  @Column('text', { name: 'artwork_urls', array: true })
  artworkUrls!: string[];

  /** The studio's own public upload shown as the film's poster; null for none. */
  @Column('uuid', { name: 'key_art_media_id', nullable: true })
  keyArtMediaId!: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** A real place, shared by every IP filmed there. */
@Entity('filming_locations')
export class FilmingLocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'name_en' })
  nameEn!: string;

  @Column('text', { name: 'name_zh', nullable: true })
  nameZh!: string | null;

  @Column('double precision')
  latitude!: number;

  @Column('double precision')
  longitude!: number;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@Entity('film_ip_filming_locations')
export class FilmIpFilmingLocationEntity {
  @PrimaryColumn('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @PrimaryColumn('uuid', { name: 'filming_location_id' })
  filmingLocationId!: string;
}
