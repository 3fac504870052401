/** Settings shared by the Auth.js setup and our own session handling. */

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** How long a passkey confirmation unlocks moderator, admin and therapist powers. */
export const SECOND_FACTOR_HOURS = 12;
export const EMAIL_PROVIDER_ID = 'email';

/** Cookies are Secure (and `__Secure-` prefixed) whenever the app is served over https. */
export function usesSecureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.AUTH_URL ?? '').startsWith('https://');
}

export function sessionCookieName(env: NodeJS.ProcessEnv = process.env): string {
  return `${usesSecureCookies(env) ? '__Secure-' : ''}authjs.session-token`;
}

/** The Auth.js secret; development and tests fall back to a fixed one, production never does. */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return env.NODE_ENV === 'production'
    ? undefined
    : 'development-only-secret-never-used-in-production';
}

/**
 * A path on this site to go to after signing in. Anything else (another origin,
 * protocol-relative `//host`, backslashes) falls back to `/`.
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://unknot.invalid');
    if (url.origin !== 'http://unknot.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

const LOOPBACK_ADDRESS = /^(?:127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * `url` on this site's `origin`, or null when it is elsewhere. Next.js rewrites a loopback
 * address in request URLs to `localhost`, so on an origin like `http://127.0.0.1:3000` (a
 * production build run locally) Auth.js writes `http://localhost:3000/...`: that is this site too.
 */
export function onSiteOrigin(url: string | URL, origin: string): URL | null {
  let target: URL;
  try {
    target = new URL(url, origin);
  } catch {
    return null;
  }
  if (target.origin === origin) return target;
  const site = new URL(origin);
  if (
    target.hostname === 'localhost' &&
    LOOPBACK_ADDRESS.test(site.hostname) &&
    target.port === site.port &&
    target.protocol === site.protocol
  ) {
    return new URL(`${target.pathname}${target.search}${target.hash}`, origin);
  }
  return null;
}
