import { Actor, OrganizationKind } from '@chedun/identity';
import { MediaException } from './media.exception';

const UPLOADING_KINDS: readonly OrganizationKind[] = [OrganizationKind.STUDIO, OrganizationKind.MERCHANT];

/**
 * The organization an upload belongs to: studios and merchants upload (product galleries, artwork, brand assets);
 * visitors and the platform do not. A member of several such organizations names one (`organizationId`), so an
 * image never lands in an organization its uploader did not mean.
 */
export function uploadingOrganization(actor: Actor, organizationId: string | undefined): string {
  const eligible = [
    ...new Set(actor.memberships.filter((m) => UPLOADING_KINDS.includes(m.kind)).map((m) => m.organizationId)),
  ];
  if (organizationId !== undefined) {
    if (!eligible.includes(organizationId))
      throw MediaException.forbidden('You may upload only for a studio or merchant you are a member of');
    return organizationId;
  }
  if (eligible.length === 0) throw MediaException.forbidden('Only members of a studio or merchant may upload images');
  if (eligible.length > 1) {
    throw MediaException.badInput('You act for several organizations: name one as ?organizationId=', {
      field: 'organizationId',
    });
  }
  return eligible[0]!;
}
