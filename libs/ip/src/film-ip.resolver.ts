import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Organization, OrganizationService, Public, toOrganization } from '@chedun/identity';
import { mapUrl } from '@chedun/kernel';
import { MediaImage, MediaService } from '@chedun/media';
import DataLoader from 'dataloader';
import { FilmIpEntity, FilmingLocationEntity } from './film-ip.entity';
import { FilmIpService } from './film-ip.service';
import {
  CreateFilmIpInput,
  FilmIp,
  FilmIpConnection,
  FilmIpsArgs,
  FilmingLocation,
  RecordFilmingLocationInput,
  SetFilmIpKeyArtArgs,
  UpdateFilmIpInput,
} from './film-ip.types';

export function toFilmIp(ip: FilmIpEntity): FilmIp {
  return {
    id: ip.id,
    studioId: ip.studioId,
    title: ip.title,
    titleZh: ip.titleZh,
    synopsis: ip.synopsis,
    synopsisZh: ip.synopsisZh,
    year: ip.year,
    characters: ip.characters.map((c) => ({ name: c.name, nameZh: c.nameZh })),
    artworkUrls: ip.artworkUrls,
    keyArtMediaId: ip.keyArtMediaId,
  };
}

export function toFilmingLocation(l: FilmingLocationEntity): FilmingLocation {
  return {
    id: l.id,
    nameEn: l.nameEn,
    nameZh: l.nameZh,
    latitude: l.latitude,
    longitude: l.longitude,
    mapUrl: mapUrl(l.latitude, l.longitude),
  };
}

type RequestContext = {
  filmingLocationsLoader?: DataLoader<string, FilmingLocationEntity[]>;
  keyArtLoader?: DataLoader<string, MediaImage | null>;
};

@Resolver(() => FilmIp)
export class FilmIpResolver {
  constructor(
    private readonly service: FilmIpService,
    private readonly organizations: OrganizationService,
    private readonly media: MediaService,
  ) {}

  @Mutation(() => FilmIp, { description: 'Staff of the studio only.' })
  async createFilmIp(@CurrentActor() actor: Actor, @Args('input') input: CreateFilmIpInput): Promise<FilmIp> {
    return toFilmIp(await this.service.create(actor, input));
  }

  @Mutation(() => FilmIp, { description: 'Staff of the owning studio only.' })
  async updateFilmIp(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: UpdateFilmIpInput,
  ): Promise<FilmIp> {
    return toFilmIp(await this.service.update(actor, id, input));
  }

  @Mutation(() => FilmIp, {
    description:
      "Staff of the IP's studio: shows one of the studio's own public uploads (POST /media) as the film's key art (its poster on the film page and in share previews); null clears it. The upload itself is kept.",
  })
  async setFilmIpKeyArt(@CurrentActor() actor: Actor, @Args() args: SetFilmIpKeyArtArgs): Promise<FilmIp> {
    return toFilmIp(await this.service.setKeyArt(actor, args.filmIpId, args.mediaId ?? null));
  }

  @Mutation(() => FilmingLocation, {
    description: 'Records a real place where the IP was filmed. Staff of the owning studio only.',
  })
  async recordFilmingLocation(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordFilmingLocationInput,
  ): Promise<FilmingLocation> {
    return toFilmingLocation(await this.service.recordFilmingLocation(actor, input));
  }

  @Mutation(() => FilmingLocation, { description: 'Says the IP was also filmed at a place already on record.' })
  async linkFilmingLocation(
    @CurrentActor() actor: Actor,
    @Args('filmIpId', { type: () => ID }, ParseUUIDPipe) filmIpId: string,
    @Args('filmingLocationId', { type: () => ID }, ParseUUIDPipe) filmingLocationId: string,
  ): Promise<FilmingLocation> {
    return toFilmingLocation(await this.service.linkFilmingLocation(actor, filmIpId, filmingLocationId));
  }

  @Public()
  @Query(() => FilmIp, { description: 'Public.' })
  async filmIp(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<FilmIp> {
    return toFilmIp(await this.service.findById(id));
  }

  @Public()
  @Query(() => FilmIpConnection, { description: 'Public. Newest first; optionally one studio only.' })
  async filmIps(@Args() args: FilmIpsArgs): Promise<FilmIpConnection> {
    const page = await this.service.list(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toFilmIp(e.node) })) };
  }

  @ResolveField(() => [FilmingLocation])
  async filmingLocations(@Parent() ip: FilmIp, @Context() ctx: RequestContext): Promise<FilmingLocation[]> {
    const loader = (ctx.filmingLocationsLoader ??= new DataLoader<string, FilmingLocationEntity[]>(async (ids) => {
      const byIp = await this.service.locationsOf(ids);
      return ids.map((id) => byIp.get(id) ?? []);
    }));
    return (await loader.load(ip.id)).map(toFilmingLocation);
  }

  @ResolveField(() => MediaImage, {
    nullable: true,
    description:
      "The film's poster, chosen by its studio; null when it has none (pages then fall back to a product's picture).",
  })
  async keyArt(@Parent() ip: FilmIp, @Context() ctx: RequestContext): Promise<MediaImage | null> {
    if (!ip.keyArtMediaId) return null;
    const loader = (ctx.keyArtLoader ??= new DataLoader<string, MediaImage | null>(async (ids) => {
      const uploads = await this.media.summaries(ids);
      return ids.map((id) => uploads.get(id)?.image ?? null);
    }));
    return loader.load(ip.keyArtMediaId);
  }

  @ResolveField(() => Organization, { description: 'The studio that owns the IP (its public profile).' })
  async studio(@Parent() ip: FilmIp): Promise<Organization> {
    // Profiles are cached in memory once read (OrganizationService.profiles), so a page of IPs costs one query at most.
    const [studio] = await this.organizations.profiles([ip.studioId]);
    if (!studio) throw new Error(`Studio ${ip.studioId} of film IP ${ip.id} is missing`);
    return toOrganization(studio);
  }
}

@Resolver(() => FilmingLocation)
export class FilmingLocationResolver {
  constructor(private readonly service: FilmIpService) {}

  @Public()
  @Query(() => FilmingLocation, { description: 'Public.' })
  async filmingLocation(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<FilmingLocation> {
    return toFilmingLocation(await this.service.findLocation(id));
  }

  @ResolveField(() => [FilmIp], { description: 'The film IP shot here.' })
  async filmIps(@Parent() location: FilmingLocation): Promise<FilmIp[]> {
    return (await this.service.filmIpsAt(location.id)).map(toFilmIp);
  }
}
