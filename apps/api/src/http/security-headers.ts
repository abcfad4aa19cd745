import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { AppConfig } from '@chedun/config';
import helmet from 'helmet';

/** Stripe.js and the Payment Element's frames (Stripe's published CSP list for Elements). */
const STRIPE_SCRIPTS = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const STRIPE_FRAMES = [...STRIPE_SCRIPTS, 'https://hooks.stripe.com'];
const STRIPE_API = ['https://api.stripe.com'];

/**
 * Helmet on every response. The policy admits only what the served pages load: the web app's own bundles, the
 * local GraphiQL assets, Stripe.js with its frames and API, product images from the public https URLs merchants
 * give (never fetched by the server), and data: fonts (GraphiQL's stylesheet inlines them). Inline styles stay
 * allowed because GraphiQL and the Payment Element set style attributes; inline scripts do not.
 */
export function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...STRIPE_SCRIPTS],
        frameSrc: ["'self'", ...STRIPE_FRAMES],
        connectSrc: ["'self'", ...STRIPE_API],
        imgSrc: ["'self'", 'data:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        // Over plain http (development, tests) an upgrade would break the page's own requests.
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    // Wallets and 3-D Secure may open a provider's window that must still talk back to the page.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    // The same as frame-ancestors 'none', for browsers that predate it.
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/**
 * CORS for the configured origins only (CORS_ORIGINS); everyone else gets no CORS headers, so a browser keeps the
 * answer from their page. Tokens travel in the Authorization header, never cookies, so credentials stay off.
 */
export function corsOptions(config: AppConfig): CorsOptions {
  const allowed = new Set(config.http.corsOrigins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    credentials: false,
    maxAge: 600,
  };
}
