import { FormEvent, useState } from 'react';
import { ErrorMessage } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link, navigate } from '../lib/router';
import { setSession } from '../lib/session';
import { useMutation } from '../lib/use-query';

const LogIn = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

export function AuthPage({ mode, next }: { mode: 'login' | 'signup'; next: string }) {
  const { t } = useI18n();
  const logIn = useMutation(LogIn);
  const signUp = useMutation(SignUp);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const active = mode === 'login' ? logIn : signUp;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tokens =
      mode === 'login'
        ? (await logIn.run({ input: { email, password } }))?.logIn
        : (await signUp.run({ input: { email, password, displayName } }))?.signUp;
    if (!tokens) return;
    setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    navigate(next);
  };

  return (
    <section className="card narrow">
      <h1>{mode === 'login' ? t('auth.login') : t('auth.signup')}</h1>
      <form onSubmit={submit} className="form">
        {mode === 'signup' && (
          <label>
            {t('auth.displayName')}
            <input
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              required
              maxLength={80}
              autoComplete="nickname"
            />
          </label>
        )}
        <label>
          {t('auth.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
        </label>
        <label>
          {t('auth.password')}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={mode === 'signup' ? 10 : 1}
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            aria-describedby={mode === 'signup' ? 'password-hint' : undefined}
          />
        </label>
        {mode === 'signup' && (
          <p id="password-hint" className="hint">
            {t('auth.passwordHint')}
          </p>
        )}
        {active.error && <ErrorMessage error={active.error} />}
        {mode === 'login' && active.error?.code === 'UNAUTHENTICATED' && (
          <p className="hint">{t('auth.unverifiedHint')}</p>
        )}
        <button type="submit" disabled={active.pending}>
          {mode === 'login' ? t('auth.login') : t('auth.signup')}
        </button>
      </form>
      <p>
        {mode === 'login' ? (
          <Link to={`/signup?next=${encodeURIComponent(next)}`}>{t('auth.toSignup')}</Link>
        ) : (
          <Link to={`/login?next=${encodeURIComponent(next)}`}>{t('auth.toLogin')}</Link>
        )}
      </p>
    </section>
  );
}
