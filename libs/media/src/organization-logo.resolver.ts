import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Organization, OrganizationService, toOrganization } from '@chedun/identity';
import DataLoader from 'dataloader';
import { MediaException } from './media.exception';
import { MediaImage } from './media.types';
import { SetOrganizationLogoArgs } from './organization-logo.types';
import { OrganizationLogoService } from './organization-logo.service';

/** The logo on an organization's public profile, wherever the profile appears (a product's merchant, a film's studio). */
@Resolver(() => Organization)
export class OrganizationLogoResolver {
  /** One batch per request object, dropped with the request. */
  private readonly perRequest = new WeakMap<object, DataLoader<string, MediaImage | null>>();

  constructor(
    private readonly logos: OrganizationLogoService,
    private readonly organizations: OrganizationService,
  ) {}

  @Mutation(() => Organization, {
    description:
      'An owner of the organization: shows one of its own public uploads (POST /media) as its logo beside its name; null removes it. The upload itself is kept.',
  })
  async setOrganizationLogo(
    @CurrentActor() actor: Actor,
    @Args() args: SetOrganizationLogoArgs,
  ): Promise<Organization> {
    await this.logos.setLogo(actor, args.organizationId, args.mediaId ?? null);
    const [organization] = await this.organizations.profiles([args.organizationId]);
    if (!organization) throw MediaException.notFound('Organization', args.organizationId);
    return toOrganization(organization);
  }

  @ResolveField(() => MediaImage, { nullable: true, description: "The organization's logo, public; null for none." })
  logo(@Parent() organization: Organization, @Context('req') req: object): Promise<MediaImage | null> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader((ids) => this.logos.logosOf(ids));
      this.perRequest.set(req, loader);
    }
    return loader.load(organization.id);
  }
}
