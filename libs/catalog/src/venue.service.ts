import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { FilmIpService } from '@chedun/ip';
import { ConnectionShape, decodeCursor, DomainError, ErrorCode, toConnection } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { CreateVenueInput, UpdateVenueInput } from './catalog.types';
import { VenueEntity } from './venue.entity';
import { CatalogException } from './catalog.exception';

@Injectable()
export class VenueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filmIps: FilmIpService,
  ) {}

  async create(actor: Actor, input: CreateVenueInput): Promise<VenueEntity> {
    actor.assertMemberOf(input.merchantId, OrganizationKind.MERCHANT);
    await this.assertFilmingLocations(input.filmingLocationIds ?? []);
    const repo = this.dataSource.getRepository(VenueEntity);
    return repo.save(
      repo.create({
        merchantId: input.merchantId,
        name: input.name,
        nameZh: input.nameZh ?? null,
        address: input.address ?? null,
        addressZh: input.addressZh ?? null,
        latitude: input.latitude,
        longitude: input.longitude,
        openingNotes: input.openingNotes ?? null,
        filmingLocationIds: input.filmingLocationIds ?? [],
      }),
    );
  }

  async update(actor: Actor, input: UpdateVenueInput): Promise<VenueEntity> {
    await this.assertFilmingLocations(input.filmingLocationIds ?? []);
    return this.dataSource.transaction(async (manager) => {
      const venue = await manager.findOne(VenueEntity, { where: { id: input.venueId }, lock: { mode: 'pessimistic_write' } });
      if (!venue || !actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT)) throw CatalogException.notFound('Venue', input.venueId);
      const { venueId: _id, ...changes } = input;
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined && value !== null) Object.assign(venue, { [key]: value });
      }
      venue.updatedAt = new Date();
      return manager.save(venue);
    });
  }

  /** A merchant's own venue. Another merchant's venue is NOT_FOUND: venues are seen publicly only through products. */
  async findOwn(actor: Actor, id: string): Promise<VenueEntity> {
    const venue = await this.dataSource.getRepository(VenueEntity).findOneBy({ id });
    if (!venue || !(actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT) || actor.isPlatform)) {
      throw CatalogException.notFound('Venue', id);
    }
    return venue;
  }

  async listForMerchant(actor: Actor, merchantId: string, first: number, after?: string | null): Promise<ConnectionShape<VenueEntity>> {
    if (!actor.isPlatform) actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    const qb = this.dataSource
      .getRepository(VenueEntity)
      .createQueryBuilder('v')
      .where('v.merchant_id = :merchantId', { merchantId });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2);
      qb.andWhere('(v.created_at, v.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb.orderBy('v.created_at', 'ASC').addOrderBy('v.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (v) => [v.createdAt.toISOString(), v.id]);
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
