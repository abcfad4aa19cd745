import { graphql } from '../gql';
import { request } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/use-me';
import { useQuery } from '../lib/use-query';
import { SingleImageField } from './single-image';
import { LazyDetails } from './lazy-details';

const OrganizationLogoOf = graphql(`
  query OrganizationLogoOf($id: ID!) {
    organization(id: $id) {
      id
      logo {
        id
        thumbnailUrl
      }
    }
  }
`);

const SetOrganizationLogo = graphql(`
  mutation SetOrganizationLogo($organizationId: ID!, $mediaId: ID) {
    setOrganizationLogo(organizationId: $organizationId, mediaId: $mediaId) {
      id
    }
  }
`);

/** The organization's logo, shown beside its name in the shop; only its owners change it, so only they see this. */
export function OrganizationLogoSection({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const { me } = useMe();
  const owner = me?.memberships.some((m) => m.organization.id === organizationId && m.role === 'OWNER');
  if (!owner) return null;
  return (
    <LazyDetails summary={t('organization.logo')}>{() => <LogoEditor organizationId={organizationId} />}</LazyDetails>
  );
}

function LogoEditor({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const current = useQuery(OrganizationLogoOf, { id: organizationId });
  return (
    <SingleImageField
      label={t('organization.logoUpload')}
      organizationId={organizationId}
      image={current.data?.organization.logo}
      onSave={async (mediaId) => {
        await request(SetOrganizationLogo, { organizationId, mediaId });
        current.reload();
      }}
    />
  );
}
