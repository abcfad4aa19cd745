import { FormEvent, ReactNode, useState } from 'react';
import { graphql } from '../gql';
import type { OrganizationKind } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { Organization, useMe } from '../lib/use-me';
import { useMutation } from '../lib/use-query';
import { ErrorMessage, Loading } from './states';

const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
    }
  }
`);

/**
 * Gives a console the organization it works for: asks a signed-out user to log in, offers to create one
 * when the user has none of this kind, and a choice when there are several.
 */
export function OrganizationGate({
  kind,
  path,
  children,
}: {
  kind: Extract<OrganizationKind, 'STUDIO' | 'MERCHANT'>;
  path: string;
  children: (organization: Organization) => ReactNode;
}) {
  const { t, pick } = useI18n();
  const me = useMe();
  const [chosen, setChosen] = useState<string | undefined>();
  if (!me.signedIn) {
    return (
      <section className="card narrow">
        <p>{t('console.needLogin')}</p>
        <Link className="button" to={`/login?next=${encodeURIComponent(path)}`}>
          {t('auth.login')}
        </Link>
      </section>
    );
  }
  if (me.error) return <ErrorMessage error={me.error} onRetry={me.reload} />;
  if (me.loading || !me.me) return <Loading />;
  const organizations = me.organizations(kind);
  if (organizations.length === 0) return <CreateOrganizationForm kind={kind} onCreated={me.reload} />;
  const organization = organizations.find((o) => o.id === chosen) ?? organizations[0]!;
  return (
    <>
      {organizations.length > 1 && (
        <label className="org-picker">
          {t('console.organization')}
          <select value={organization.id} onChange={(e) => setChosen(e.target.value)}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {pick(o.nameZh, o.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {children(organization)}
    </>
  );
}

function CreateOrganizationForm({ kind, onCreated }: { kind: OrganizationKind; onCreated(): void }) {
  const { t } = useI18n();
  const create = useMutation(CreateOrganization);
  const [name, setName] = useState('');
  const [nameZh, setNameZh] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await create.run({ input: { kind, name, nameZh: nameZh || null } })) onCreated();
  };
  return (
    <section className="card narrow">
      <h2>{kind === 'STUDIO' ? t('org.createStudio') : t('org.createMerchant')}</h2>
      <p>{t('org.none')}</p>
      <form className="form" onSubmit={submit}>
        <label>
          {t('org.nameZh')}
          <input value={nameZh} onChange={(e) => setNameZh(e.target.value)} maxLength={120} />
        </label>
        <label>
          {t('org.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        {create.error && <ErrorMessage error={create.error} />}
        <button type="submit" disabled={create.pending}>
          {t('action.create')}
        </button>
      </form>
    </section>
  );
}
