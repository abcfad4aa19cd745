import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One photo of a venue, in order: a public upload of the venue's merchant. */
@Entity('venue_photos')
export class VenuePhotoEntity {
  @PrimaryColumn('uuid', { name: 'venue_id' })
  venueId!: string;

  @PrimaryColumn('int')
  position!: number;

  @Column('uuid', { name: 'media_id' })
  mediaId!: string;
}
