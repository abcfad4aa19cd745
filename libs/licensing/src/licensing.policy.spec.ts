import { Actor, MembershipRole, OrganizationKind } from '@chedun/identity';
import { LicensingPolicy } from './licensing.policy';

const record = { id: 'app-1', studioId: 'studio-a', merchantId: 'merchant-m' };
const staffOf = (organizationId: string, kind: OrganizationKind): Actor =>
  new Actor('u', 'u@example.test', [{ organizationId, kind, role: MembershipRole.STAFF }]);

const studioStaff = staffOf('studio-a', OrganizationKind.STUDIO);
const otherStudio = staffOf('studio-b', OrganizationKind.STUDIO);
const merchantStaff = staffOf('merchant-m', OrganizationKind.MERCHANT);
const visitor = new Actor('v', 'v@example.test', []);
const platform = staffOf('platform', OrganizationKind.PLATFORM);

function outcome(fn: () => void): string {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('LicensingPolicy', () => {
  it.each([
    ['the studio', studioStaff, 'allowed', 'allowed', 'FORBIDDEN'],
    ['the merchant', merchantStaff, 'allowed', 'FORBIDDEN', 'allowed'],
    ['another studio', otherStudio, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    ['a visitor', visitor, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    ['the platform', platform, 'allowed', 'NOT_FOUND', 'NOT_FOUND'],
  ])('%s: read %s, decide as studio %s, act as merchant %s', (_, actor, read, studio, merchant) => {
    expect(outcome(() => LicensingPolicy.assertCanRead(actor, record, 'License application'))).toBe(read);
    expect(outcome(() => LicensingPolicy.assertStudioStaff(actor, record, 'License application'))).toBe(studio);
    expect(outcome(() => LicensingPolicy.assertMerchantStaff(actor, record, 'License application'))).toBe(merchant);
  });

  it('does not take a studio membership for a merchant one under the same id', () => {
    const confused = staffOf('merchant-m', OrganizationKind.STUDIO);
    expect(outcome(() => LicensingPolicy.assertMerchantStaff(confused, record, 'License'))).toBe('NOT_FOUND');
  });
});
