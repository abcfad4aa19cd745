import { useState } from 'react';
import { ErrorMessage } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { linkToken } from '../lib/link-token';
import { Link, navigate } from '../lib/router';
import { setSession } from '../lib/session';
import { useMutation } from '../lib/use-query';

const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      accessToken
      refreshToken
    }
  }
`);

/**
 * The page a verification email links to. It asks for a click rather than verifying on load, so a mail scanner that
 * opens links does not use up the single-use link.
 */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const verify = useMutation(VerifyEmail);
  const [token] = useState(linkToken);

  const submit = async () => {
    if (!token) return;
    const tokens = (await verify.run({ token }))?.verifyEmail;
    if (!tokens) return;
    setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    navigate('/');
  };

  return (
    <section className="card narrow">
      <h1>{t('verify.title')}</h1>
      {token ? (
        <>
          <p>{t('verify.explain')}</p>
          {verify.error && <ErrorMessage error={verify.error} />}
          <button type="button" onClick={submit} disabled={verify.pending}>
            {t('verify.submit')}
          </button>
        </>
      ) : (
        <p role="alert">{t('link.missing')}</p>
      )}
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
