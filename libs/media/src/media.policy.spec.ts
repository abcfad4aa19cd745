import { Actor, MembershipRole, OrganizationKind } from '@chedun/identity';
import { uploadingOrganization } from './media.policy';

const member = (organizationId: string, kind: OrganizationKind) => ({
  organizationId,
  kind,
  role: MembershipRole.STAFF,
});
const actor = (...memberships: ReturnType<typeof member>[]) => new Actor('u1', 'u1@example.test', memberships);

describe('uploadingOrganization', () => {
  it('is the one studio or merchant the uploader acts for', () => {
    expect(uploadingOrganization(actor(member('m1', OrganizationKind.MERCHANT)), undefined)).toBe('m1');
    expect(
      uploadingOrganization(
        actor(member('s1', OrganizationKind.STUDIO), member('p', OrganizationKind.PLATFORM)),
        undefined,
      ),
    ).toBe('s1');
  });

  it('is refused to visitors and to platform operators (FORBIDDEN)', () => {
    expect(() => uploadingOrganization(actor(), undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => uploadingOrganization(actor(member('p', OrganizationKind.PLATFORM)), 'p')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('must be named by a member of several, and only as one of theirs', () => {
    const both = actor(member('m1', OrganizationKind.MERCHANT), member('s1', OrganizationKind.STUDIO));
    expect(() => uploadingOrganization(both, undefined)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(uploadingOrganization(both, 's1')).toBe('s1');
    expect(() => uploadingOrganization(both, 'm2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
