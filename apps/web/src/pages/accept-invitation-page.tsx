import { useState } from 'react';
import { ErrorMessage } from '../components/states';
import { graphql } from '../gql';
import type { AcceptInvitationMutation } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { linkToken } from '../lib/link-token';
import { Link } from '../lib/router';
import { useMe } from '../lib/use-me';
import { useMutation } from '../lib/use-query';

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      role
      organization {
        id
        kind
        name
        nameZh
      }
    }
  }
`);

/** The page an invitation email links to: accepted by a click, signed in with the invited (verified) address. */
export function AcceptInvitationPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const accept = useMutation(AcceptInvitation);
  const [token] = useState(linkToken);
  const [joined, setJoined] = useState<AcceptInvitationMutation['acceptInvitation'] | undefined>();
  const here = `/accept-invitation${window.location.hash}`;

  const submit = async () => {
    if (!token) return;
    const membership = (await accept.run({ token }))?.acceptInvitation;
    if (membership) {
      setJoined(membership);
      me.reload();
    }
  };

  const body = () => {
    if (!token) return <p role="alert">{t('link.missing')}</p>;
    if (joined) {
      const console = joined.organization.kind === 'STUDIO' ? '/studio' : '/merchant';
      return (
        <p role="status">
          {t('invite.joined', { name: pick(joined.organization.nameZh, joined.organization.name) })}{' '}
          <Link to={console}>{t(joined.organization.kind === 'STUDIO' ? 'nav.studio' : 'nav.merchant')}</Link>
        </p>
      );
    }
    if (!me.signedIn) {
      return (
        <>
          <p>{t('invite.needLogin')}</p>
          <Link to={`/login?next=${encodeURIComponent(here)}`}>{t('auth.login')}</Link>
        </>
      );
    }
    return (
      <>
        <p>{t('invite.explain', { email: me.me?.email ?? '' })}</p>
        {accept.error && <ErrorMessage error={accept.error} />}
        <button type="button" onClick={submit} disabled={accept.pending}>
          {t('invite.accept')}
        </button>
      </>
    );
  };

  return (
    <section className="card narrow">
      <h1>{t('invite.title')}</h1>
      {body()}
    </section>
  );
}
