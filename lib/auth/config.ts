import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import type { NextAuthConfig } from 'next-auth';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import type { EmailConfig } from 'next-auth/providers/email';
import { getDb, type Database, type Executor } from '@/db';
import {
  accounts,
  passkeys,
  sessions,
  users,
  verificationTokens,
  type SignInMethod,
} from '@/db/schema';
import { log } from '@/lib/log';
import { sendMail } from '@/lib/mail';
import { signInMail } from '@/lib/mail/templates';
import { suggestDisplayName } from './display-name';
import { normalizeEmail } from './email';
import {
  EMAIL_PROVIDER_ID,
  SESSION_MAX_AGE_SECONDS,
  SIGN_IN_LINK_MINUTES,
  authSecret,
  onSiteOrigin,
  safeCallbackPath,
  usesSecureCookies,
} from './settings';

/** What the request that opens a session tells about it (set by the route handler). */
export interface SignInContext {
  method: SignInMethod;
  device: string | null;
}

export const signInContext = new AsyncLocalStorage<SignInContext>();

type OAuthProvider = ReturnType<typeof GitHub> | ReturnType<typeof Google>;

/**
 * Test seam: OAuth providers that tests point at a local fake authorization server (for example
 * the real GitHub provider with `enterprise.baseUrl` set to it). Nothing in the app sets them,
 * and a production server refuses them.
 */
let providersForTests: OAuthProvider[] = [];

/** For tests only: replaces the configured OAuth providers with the same ids (or clears them). */
export function setOAuthProvidersForTests(providers: OAuthProvider[]): void {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('OAuth providers for tests cannot be set in production.');
  }
  providersForTests = providers;
}

/** OAuth providers, each only when its id and secret are configured. */
export function oauthProviders(env: NodeJS.ProcessEnv = process.env): OAuthProvider[] {
  const configured: OAuthProvider[] = [
    ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
      ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })]
      : []),
    ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET
      ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })]
      : []),
  ];
  if (providersForTests.length === 0 || env.NODE_ENV === 'production') return configured;
  const replaced = new Set(providersForTests.map((p) => p.id));
  return [...configured.filter((p) => !replaced.has(p.id)), ...providersForTests];
}

/** The link in the mail opens our confirmation page; only its POST uses the token up. */
export function confirmationUrl(link: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(link);
  const origin = env.AUTH_URL ? new URL(env.AUTH_URL).origin : url.origin;
  const confirm = new URL('/sign-in/confirm', origin);
  confirm.search = url.search;
  // Auth.js writes the page to return to as an absolute URL; on our origin it becomes a path.
  const back = confirm.searchParams.get('callbackUrl');
  if (back) {
    const target = onSiteOrigin(back, origin);
    confirm.searchParams.set(
      'callbackUrl',
      safeCallbackPath(target ? `${target.pathname}${target.search}${target.hash}` : '/'),
    );
  }
  return confirm.toString();
}

const emailProvider: EmailConfig = {
  id: EMAIL_PROVIDER_ID,
  type: 'email',
  name: 'Email',
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  normalizeIdentifier: normalizeEmail,
  async sendVerificationRequest({ identifier, url }) {
    await sendMail(signInMail(identifier, confirmationUrl(url), SIGN_IN_LINK_MINUTES));
  },
  options: {},
};

async function isBanned(executor: Executor, email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  const [row] = await executor
    .select({ bannedAt: users.bannedAt })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return Boolean(row?.bannedAt);
}

/** Removes every way into an account whose email address was never proven. */
async function forgetUnprovenAccess(executor: Database, userId: string): Promise<void> {
  await executor.transaction(async (tx) => {
    const [row] = await tx
      .select({ emailVerified: users.emailVerified })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!row || row.emailVerified) return;
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
  });
}

/**
 * The Drizzle adapter with our rules: new members get a pseudonymous public name and nothing
 * of an OAuth profile but the (normalised) email; sessions record how and where they were
 * opened; banned members have no session.
 */
function adapter(): Adapter {
  const db = getDb();
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    async createUser(data): Promise<AdapterUser> {
      const [row] = await db
        .insert(users)
        .values({
          email: normalizeEmail(data.email),
          emailVerified: data.emailVerified ?? null,
          displayName: suggestDisplayName(),
        })
        .returning({
          id: users.id,
          email: users.email,
          emailVerified: users.emailVerified,
          name: users.name,
          image: users.image,
        });
      if (!row) throw new Error('user not created');
      return row;
    },
    async createSession(session) {
      const context = signInContext.getStore();
      const [row] = await db
        .insert(sessions)
        .values({
          sessionToken: session.sessionToken,
          userId: session.userId,
          expires: session.expires,
          method: context?.method ?? 'email',
          device: context?.device ?? null,
        })
        .returning({
          sessionToken: sessions.sessionToken,
          userId: sessions.userId,
          expires: sessions.expires,
        });
      if (!row) throw new Error('session not created');
      return row;
    },
    async updateUser(data) {
      // The first email-link sign-in proves the address. An account made before that (through
      // an OAuth provider that did not prove the address) may have been set up by someone
      // else: its OAuth links, sessions and passkeys go, so only the address's owner holds it.
      if (data.id && data.emailVerified) await forgetUnprovenAccess(db, data.id);
      if (!base.updateUser) throw new Error('adapter cannot update users');
      return base.updateUser(data);
    },
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser?.(sessionToken);
      if (!found) return null;
      return (await isBanned(db, found.user.email)) ? null : found;
    },
  };
}

/** What visitors cause: expected refusals, logged as warnings. */
const REFUSALS: ReadonlySet<string> = new Set([
  'AccessDenied',
  'AccountNotLinked',
  'CredentialsSignin',
  'InvalidCheck',
  'InvalidProvider',
  'MissingCSRF',
  'OAuthAccountNotLinked',
  'OAuthCallbackError',
  'UnknownAction',
  'Verification',
  'WebAuthnVerificationError',
]);

/**
 * An Auth.js error's type ("Verification"). Auth.js errors carry it as a static string; the
 * class name can be shortened when the server bundle is minified.
 */
export function authErrorType(error: unknown): string {
  if (error && typeof error === 'object' && 'type' in error && typeof error.type === 'string') {
    return error.type;
  }
  return error instanceof Error ? error.name : 'Unknown';
}

export function authConfig(env: NodeJS.ProcessEnv = process.env): NextAuthConfig {
  return {
    adapter: adapter(),
    secret: authSecret(env),
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    useSecureCookies: usesSecureCookies(env),
    providers: [emailProvider, ...oauthProviders(env)],
    pages: {
      signIn: '/sign-in',
      verifyRequest: '/sign-in/check-email',
      error: '/sign-in/error',
      signOut: '/account',
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        // OAuth profiles carry an email we must normalise too; a profile without one, or with an
        // address we refuse, cannot sign in (a new account is always one email address).
        if (account && account.type !== 'email') {
          if (!user.email) return false;
          // Google says whether it verified the address; an unverified one is not proof.
          if (account.provider === 'google' && profile?.email_verified !== true) return false;
          try {
            user.email = normalizeEmail(user.email);
          } catch {
            return false;
          }
        }
        return !(await isBanned(getDb(), user.email));
      },
      redirect({ url, baseUrl }) {
        // Only paths on this site, cleaned like every other callbackUrl (no `//host`, no `\`).
        if (url.startsWith('/')) return `${baseUrl}${safeCallbackPath(url)}`;
        try {
          const target = new URL(url);
          if (target.origin !== baseUrl) return baseUrl;
          return `${baseUrl}${safeCallbackPath(`${target.pathname}${target.search}${target.hash}`)}`;
        } catch {
          return baseUrl;
        }
      },
    },
    logger: {
      error(error) {
        // Only the error's type: Auth.js messages can quote tokens or addresses. What a visitor
        // caused (a used link, a refused account) is a warning; anything else is our failure.
        const type = authErrorType(error);
        if (REFUSALS.has(type)) {
          log.warn('sign-in refused', { type });
        } else {
          const cause = (error.cause as { err?: unknown } | undefined)?.err;
          log.error('sign-in failed', {
            type,
            ...(cause instanceof Error ? { cause: authErrorType(cause) } : {}),
          });
        }
      },
      warn() {},
      debug() {},
    },
  };
}
