import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { FilmIpService } from '@chedun/ip';
import { ConnectionShape, DomainError, ErrorCode } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { CreateVenueInput, UpdateVenueInput } from './catalog.types';
import { ProductPageCache } from './product-page-cache';
import { VenueEntity } from './venue.entity';
import { VenueRepository } from './venue.repository';
import { CatalogException } from './catalog.exception';

/** A venue as a ticket shows it. */
export interface VenuePlace {
  id: string;
  name: string;
  nameZh: string | null;
  address: string | null;
  addressZh: string | null;
  latitude: number;
  longitude: number;
}

@Injectable()
export class VenueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly venues: VenueRepository,
    private readonly filmIps: FilmIpService,
    private readonly pages: ProductPageCache,
  ) {}

  async create(actor: Actor, input: CreateVenueInput): Promise<VenueEntity> {
    actor.assertMemberOf(input.merchantId, OrganizationKind.MERCHANT);
    await this.assertFilmingLocations(input.filmingLocationIds ?? []);
    return this.venues.insert({
      merchantId: input.merchantId,
      name: input.name,
      nameZh: input.nameZh ?? null,
      address: input.address ?? null,
      addressZh: input.addressZh ?? null,
      latitude: input.latitude,
      longitude: input.longitude,
      openingNotes: input.openingNotes ?? null,
      filmingLocationIds: input.filmingLocationIds ?? [],
    });
  }

  async update(actor: Actor, input: UpdateVenueInput): Promise<VenueEntity> {
    await this.assertFilmingLocations(input.filmingLocationIds ?? []);
    const saved = await this.dataSource.transaction(async (manager) => {
      const venues = this.venues.forManager(manager);
      const venue = await venues.lockById(input.venueId);
      if (!venue || !actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT))
        throw CatalogException.notFound('Venue', input.venueId);
      const { venueId: _id, ...changes } = input;
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined && value !== null) Object.assign(venue, { [key]: value });
      }
      venue.updatedAt = new Date();
      return venues.save(venue);
    });
    // Pages show their venue: this process's next read must not wait for the venues' notification (which empties all).
    this.pages.changed();
    return saved;
  }

  /**
   * Where experiences happen, for those who hold tickets there (orders): name, address and coordinates, without the
   * merchant's notes. Unknown ids are absent.
   */
  async placesOf(ids: readonly string[]): Promise<VenuePlace[]> {
    return (await this.venues.findByIds(ids)).map((v) => ({
      id: v.id,
      name: v.name,
      nameZh: v.nameZh,
      address: v.address,
      addressZh: v.addressZh,
      latitude: v.latitude,
      longitude: v.longitude,
    }));
  }

  /** A merchant's own venue. Another merchant's venue is NOT_FOUND: venues are seen publicly only through products. */
  async findOwn(actor: Actor, id: string): Promise<VenueEntity> {
    const venue = await this.venues.findById(id);
    if (!venue || !(actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT) || actor.isPlatform)) {
      throw CatalogException.notFound('Venue', id);
    }
    return venue;
  }

  async listForMerchant(
    actor: Actor,
    merchantId: string,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<VenueEntity>> {
    if (!actor.isPlatform) actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    return this.venues.pageOfMerchant(merchantId, first, after);
  }

  /** "Filmed here" must name filming locations the IP context knows. */
  private async assertFilmingLocations(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.filmIps.findLocation(id);
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
          throw CatalogException.badInput('No filming location has this id', { field: 'filmingLocationIds', id });
        }
        throw error;
      }
    }
  }
}
