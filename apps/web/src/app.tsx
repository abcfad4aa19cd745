import { lazy, Suspense, useEffect, useState } from 'react';
import { graphql } from './gql';
import { useMutation } from './lib/use-query';
import { ErrorMessage, Loading } from './components/states';
import { useI18n } from './lib/i18n';
import { Link, navigate, useLocation } from './lib/router';
import { useCart } from './lib/cart';
import { setSession } from './lib/session';
import { useMe } from './lib/use-me';
import { FilmPage } from './pages/film-page';
import { HomePage } from './pages/home-page';
import { ProductPage } from './pages/product-page';
import { SearchPage } from './pages/search-page';

// Where visitors land (home, search, a product) ships in the first bundle; the rest, consoles above all, loads when opened.
const AcceptInvitationPage = lazy(() =>
  import('./pages/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })),
);
const AuthPage = lazy(() => import('./pages/auth-page').then((m) => ({ default: m.AuthPage })));
const CartPage = lazy(() => import('./pages/cart-page').then((m) => ({ default: m.CartPage })));
const MerchantConsole = lazy(() => import('./pages/merchant-console').then((m) => ({ default: m.MerchantConsole })));
const OrderPage = lazy(() => import('./pages/order-page').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./pages/orders-page').then((m) => ({ default: m.OrdersPage })));
const StudioConsole = lazy(() => import('./pages/studio-console').then((m) => ({ default: m.StudioConsole })));
const VerifyEmailPage = lazy(() => import('./pages/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })));
const FavouritesPage = lazy(() => import('./pages/favourites-page').then((m) => ({ default: m.FavouritesPage })));
const VerifyProductPage = lazy(() =>
  import('./pages/verify-product-page').then((m) => ({ default: m.VerifyProductPage })),
);

/** A path segment as typed; a malformed escape (`%E0%A4%A`) is left as it is, for the page to call unknown. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function Page() {
  const { path, search } = useLocation();
  const { t } = useI18n();
  const next = search.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const product = /^\/products\/([^/]+)$/.exec(path);
  if (product) return <ProductPage id={decodeURIComponent(product[1]!)} />;
  const film = /^\/ip\/([^/]+)$/.exec(path);
  if (film) return <FilmPage id={safeDecode(film[1]!)} />;
  const proof = /^\/verify\/([^/]+)$/.exec(path);
  if (proof) return <VerifyProductPage code={decodeURIComponent(proof[1]!)} />;
  const order = /^\/orders\/([^/]+)$/.exec(path);
  if (order) return <OrderPage id={decodeURIComponent(order[1]!)} />;
  switch (path) {
    case '/':
      return <HomePage />;
    case '/search':
      return <SearchPage />;
    case '/cart':
      return <CartPage />;
    case '/orders':
      return <OrdersPage />;
    case '/favourites':
      return <FavouritesPage />;
    case '/login':
      return <AuthPage mode="login" next={safeNext} />;
    case '/signup':
      return <AuthPage mode="signup" next={safeNext} />;
    case '/verify-email':
      return <VerifyEmailPage />;
    case '/accept-invitation':
      return <AcceptInvitationPage />;
    case '/studio':
      return <StudioConsole />;
    case '/merchant':
      return <MerchantConsole />;
    default:
      return (
        <section className="card narrow">
          <h1>{t('notFound.title')}</h1>
          <Link to="/">{t('nav.home')}</Link>
        </section>
      );
  }
}

const ResendVerificationEmail = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

/** Shown while the signed-in address is unverified: shopping works, consoles and invitations wait for the link. */
function VerifyEmailNotice() {
  const { t } = useI18n();
  const resend = useMutation(ResendVerificationEmail);
  const [sent, setSent] = useState(false);
  return (
    <div className="notice" role="status">
      <p>{t('verify.notice')}</p>
      {sent ? (
        <p>{t('verify.resent')}</p>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={resend.pending}
          onClick={async () => setSent((await resend.run({})) !== undefined)}
        >
          {t('verify.resend')}
        </button>
      )}
      {resend.error && <ErrorMessage error={resend.error} />}
    </div>
  );
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const me = useMe();
  const cartItems = useCart();
  const { path } = useLocation();
  const current = (to: string) => (path === to ? 'page' : undefined);
  // Phones: the links fold behind a menu button (CSS), so the header is one row; a chosen link closes the menu.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className={`topbar${menuOpen ? ' menu-open' : ''}`}>
        <Link to="/" className="brand">
          {t('brand')}
        </Link>
        <button
          type="button"
          className="secondary menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
        </button>
        <nav id="main-nav" aria-label={t('nav.main')} className="nav">
          <Link to="/" aria-current={current('/')}>
            {t('nav.home')}
          </Link>
          <Link to="/search" aria-current={current('/search')}>
            {t('nav.search')}
          </Link>
          <Link to="/cart" aria-current={current('/cart')}>
            {t('nav.cart')}
            {cartItems.length > 0 && <span className="count"> ({cartItems.reduce((n, i) => n + i.quantity, 0)})</span>}
          </Link>
          {me.signedIn && (
            <Link to="/orders" aria-current={current('/orders')}>
              {t('nav.orders')}
            </Link>
          )}
          {me.signedIn && (
            <Link to="/favourites" aria-current={current('/favourites')}>
              {t('nav.favourites')}
            </Link>
          )}
          <Link to="/merchant" aria-current={current('/merchant')}>
            {t('nav.merchant')}
          </Link>
          <Link to="/studio" aria-current={current('/studio')}>
            {t('nav.studio')}
          </Link>
        </nav>
        <div className="session">
          <button
            type="button"
            className="link"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {lang === 'zh' ? 'English' : '中文'}
          </button>
          {me.signedIn ? (
            <>
              {me.me && <span className="who">{me.me.displayName}</span>}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setSession(null);
                  navigate('/');
                }}
              >
                {t('auth.logout')}
              </button>
            </>
          ) : (
            <Link to={`/login?next=${encodeURIComponent(path)}`}>{t('auth.login')}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me.error && me.error.code !== 'UNAUTHENTICATED' && <ErrorMessage error={me.error} onRetry={me.reload} />}
        {me.me && !me.me.emailVerified && path !== '/verify-email' && <VerifyEmailNotice />}
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </main>
      <footer className="footer">{t('footer')}</footer>
    </>
  );
}
