import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type VerifyAuthenticationResponseOpts,
  type VerifyRegistrationResponseOpts,
} from '@simplewebauthn/server';
import { and, asc, count, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { auditLog, passkeys, sessions, users, webauthnChallenges } from '@/db/schema';
import { cleanText } from '@/lib/input';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { configuredLimit, type RateLimit } from '@/lib/rate-limit';
import { deviceLabel } from './device';
import {
  SECOND_FACTOR_HOURS,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  usesSecureCookies,
} from './settings';
import { hasFreshSecondFactor, requireSignedIn, roleNeedsPasskey, type Viewer } from './viewer';

/* ------------------------------------------------------------------------------------------ */
/* Settings                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** How long the browser has to finish a passkey ceremony. */
export const PASSKEY_CHALLENGE_MINUTES = 5;
export const PASSKEY_NAME_MAX_LENGTH = 60;
/** More than enough for every device a person owns; keeps the options small. */
export const MAX_PASSKEYS_PER_ACCOUNT = 20;
const CEREMONY_TIMEOUT_MS = PASSKEY_CHALLENGE_MINUTES * 60_000;
const RP_NAME = 'Unknot';

/** The site passkeys belong to: its id is the host name, its origin where ceremonies happen. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

/**
 * The relying party from AUTH_URL. Without it, development and tests use the origin of the
 * request; production refuses (a request's Host header must not decide where passkeys work).
 */
export function relyingParty(
  requestOrigin: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
): RelyingParty {
  const configured = env.AUTH_URL?.trim();
  const source = configured || (env.NODE_ENV === 'production' ? null : requestOrigin);
  let origin: string | null = null;
  try {
    origin = source ? new URL(source).origin : null;
  } catch {
    origin = null;
  }
  if (!origin || origin === 'null') {
    throw new AppError('unavailable', 'Passkeys are not available on this server yet.');
  }
  return { id: new URL(origin).hostname, name: RP_NAME, origin };
}

/** Passkey sign-in attempts per client address and 15 minutes (RATE_LIMIT_PASSKEY_SIGN_INS). */
export function passkeySignInLimit(
  env: Readonly<Record<string, string | undefined>> = process.env,
): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_PASSKEY_SIGN_INS', 60, {
    name: 'passkey sign-in attempts from your network',
    windowSeconds: 15 * 60,
  });
}

/* ------------------------------------------------------------------------------------------ */
/* What the browser sends                                                                      */
/* ------------------------------------------------------------------------------------------ */

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'Expected base64url text.');

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
type Transport = (typeof TRANSPORTS)[number];

function isTransport(value: string): value is Transport {
  return (TRANSPORTS as readonly string[]).includes(value);
}

/** Transports a browser reports; values we do not know yet are dropped, not refused. */
const transportList = z
  .array(z.string().max(32))
  .max(10)
  .transform((list) => [...new Set(list.filter(isTransport))]);

/** Extension outputs differ between browsers and are not used; only their size is bounded. */
const extensionResults = z
  .record(z.string().max(64), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 2048, 'Extension results are too large.');

const credentialFields = {
  /** A credential id is at most 1023 bytes: 1364 base64url characters. */
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensionResults,
};

/** What `startRegistration()` of @simplewebauthn/browser returns. */
export const registrationResponseSchema = z.strictObject({
  ...credentialFields,
  response: z.strictObject({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(65_536),
    authenticatorData: base64url(65_536).optional(),
    transports: transportList.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(8192).optional(),
  }),
});
export type PasskeyRegistrationResponse = z.input<typeof registrationResponseSchema>;

/** What `startAuthentication()` of @simplewebauthn/browser returns. */
export const authenticationResponseSchema = z.strictObject({
  ...credentialFields,
  response: z.strictObject({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(65_536),
    signature: base64url(2048),
    userHandle: z.string().max(128).nullish(),
  }),
});
export type PasskeyAuthenticationResponse = z.input<typeof authenticationResponseSchema>;

/** A passkey's name as a person types it. */
export const passkeyNameSchema = z
  .string('Give the passkey a name.')
  .max(500, `Use ${PASSKEY_NAME_MAX_LENGTH} characters or fewer.`)
  .transform(cleanText)
  .pipe(
    z
      .string()
      .min(1, 'Give the passkey a name.')
      .max(PASSKEY_NAME_MAX_LENGTH, `Use ${PASSKEY_NAME_MAX_LENGTH} characters or fewer.`),
  );

export type RegistrationOptions = Awaited<ReturnType<typeof generateRegistrationOptions>>;
export type AuthenticationOptions = Awaited<ReturnType<typeof generateAuthenticationOptions>>;

/* ------------------------------------------------------------------------------------------ */
/* DTOs                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** A passkey as its owner sees it on the security page. */
export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** Synced by a password manager or platform (so it survives losing one device). */
  backedUp: boolean;
}

const summaryColumns = {
  id: passkeys.id,
  name: passkeys.name,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
  backedUp: passkeys.backedUp,
};

/** The cookie a passkey sign-in sets: the same one Auth.js sets for a database session. */
export interface SessionCookie {
  name: string;
  value: string;
  options: {
    httpOnly: true;
    sameSite: 'lax';
    path: '/';
    secure: boolean;
    expires: Date;
  };
}

export function sessionCookie(
  token: string,
  expires: Date,
  env: NodeJS.ProcessEnv = process.env,
): SessionCookie {
  return {
    name: sessionCookieName(env),
    value: token,
    options: {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: usesSecureCookies(env),
      expires,
    },
  };
}

/** "Passkey added 22 Nov 2026". */
export function defaultPasskeyName(at: Date = new Date()): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
  return `Passkey added ${day}`;
}

/* ------------------------------------------------------------------------------------------ */
/* Challenges                                                                                  */
/* ------------------------------------------------------------------------------------------ */

type ChallengePurpose = 'register' | 'authenticate';

const EXPIRED = 'This passkey request expired or was already used. Please start again.' as const;

/** Stores a challenge for one ceremony, bound to a session when one asked for it. */
async function storeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  sessionId: string | null,
): Promise<void> {
  const db = getDb();
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sql`now()`));
  await db.insert(webauthnChallenges).values({
    id: randomUUID(),
    challenge,
    purpose,
    sessionId,
    expiresAt: sql`now() + make_interval(mins => ${PASSKEY_CHALLENGE_MINUTES}::int)`,
  });
}

const clientDataSchema = z.object({ challenge: base64url(1024) });

/** The challenge the browser signed, read from its client data. */
function challengeOf(clientDataJSON: string): string {
  try {
    const parsed = clientDataSchema.safeParse(
      JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')),
    );
    if (parsed.success) return parsed.data.challenge;
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('validation', 'The passkey response could not be read. Please try again.');
}

/**
 * Uses up the challenge the browser answered: it must have been issued for this purpose (and
 * this session), not used before, and not be older than PASSKEY_CHALLENGE_MINUTES. Deleting it
 * first means two concurrent answers cannot both pass.
 */
async function consumeChallenge(
  clientDataJSON: string,
  purpose: ChallengePurpose,
  sessionId: string | null,
): Promise<string> {
  const challenge = challengeOf(clientDataJSON);
  const [row] = await getDb()
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        sessionId === null
          ? isNull(webauthnChallenges.sessionId)
          : eq(webauthnChallenges.sessionId, sessionId),
      ),
    )
    .returning({ fresh: sql<boolean>`${webauthnChallenges.expiresAt} > now()` });
  if (!row?.fresh) throw new AppError('validation', EXPIRED);
  return challenge;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

function toBytes(base64urlText: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(base64urlText, 'base64url');
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

function toBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function descriptors(rows: { credentialId: string; transports: string[] }[]) {
  return rows.map((row) => ({
    id: row.credentialId,
    transports: row.transports.filter(isTransport),
  }));
}

/**
 * Privileged accounts that already hold a passkey change their passkeys only after confirming
 * with one: otherwise whoever can read their email could add a passkey of their own and use
 * the account's powers. Members (whose email is their only key) manage passkeys freely.
 */
function requirePasskeyChangesAllowed(viewer: Viewer, hasPasskey: boolean): void {
  if (roleNeedsPasskey(viewer.role) && hasPasskey && !hasFreshSecondFactor(viewer)) {
    throw new AppError(
      'second_factor',
      'Confirm it is you with one of your passkeys before changing your passkeys.',
    );
  }
}

async function passkeyCount(userId: string): Promise<number> {
  const [row] = await getDb()
    .select({ total: count() })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
  return row?.total ?? 0;
}

const NOT_VERIFIED = 'This passkey could not be verified. Please try again.';

/** Runs a verifier; its messages are for logs (they may quote the response), not for people. */
async function verified<T>(kind: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    log.warn('passkey not verified', {
      kind,
      // The reason without the values it quotes (challenges, origins, credential ids).
      reason:
        error instanceof Error ? error.message.replace(/"[^"]*"/g, '"…"').slice(0, 120) : 'unknown',
    });
    throw new AppError('forbidden', NOT_VERIFIED);
  }
}

function registrationForVerifier(
  response: z.output<typeof registrationResponseSchema>,
): VerifyRegistrationResponseOpts['response'] {
  return {
    id: response.id,
    rawId: response.rawId,
    type: response.type,
    response: {
      clientDataJSON: response.response.clientDataJSON,
      attestationObject: response.response.attestationObject,
    },
    clientExtensionResults: {},
  };
}

function assertionForVerifier(
  response: z.output<typeof authenticationResponseSchema>,
): VerifyAuthenticationResponseOpts['response'] {
  return {
    id: response.id,
    rawId: response.rawId,
    type: response.type,
    response: {
      clientDataJSON: response.response.clientDataJSON,
      authenticatorData: response.response.authenticatorData,
      signature: response.response.signature,
    },
    clientExtensionResults: {},
  };
}

/** A stored passkey with what verifying an assertion needs. */
async function findPasskey(credentialId: string, userId?: string) {
  const [row] = await getDb()
    .select({
      id: passkeys.id,
      userId: passkeys.userId,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      bannedAt: users.bannedAt,
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(
      and(
        eq(passkeys.credentialId, credentialId),
        userId === undefined ? undefined : eq(passkeys.userId, userId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Verifies an assertion by a stored passkey, then records its use. */
async function verifyAssertion(
  rp: RelyingParty,
  response: z.output<typeof authenticationResponseSchema>,
  challenge: string,
  stored: NonNullable<Awaited<ReturnType<typeof findPasskey>>>,
): Promise<void> {
  const result = await verified('authentication', () =>
    verifyAuthenticationResponse({
      response: assertionForVerifier(response),
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      credential: {
        id: response.id,
        publicKey: toBytes(stored.publicKey),
        counter: stored.counter,
        transports: stored.transports.filter(isTransport),
      },
    }),
  );
  if (!result.verified) throw new AppError('forbidden', NOT_VERIFIED);
  await getDb()
    .update(passkeys)
    .set({
      counter: sql`greatest(${passkeys.counter}, ${result.authenticationInfo.newCounter})`,
      backedUp: result.authenticationInfo.credentialBackedUp,
      lastUsedAt: sql`now()`,
    })
    .where(eq(passkeys.id, stored.id));
}

/** Marks a session as confirmed by a passkey just now. */
async function confirmSession(viewer: Viewer): Promise<Date> {
  const [row] = await getDb()
    .update(sessions)
    .set({ secondFactorAt: sql`now()` })
    .where(and(eq(sessions.id, viewer.sessionId), eq(sessions.userId, viewer.userId)))
    .returning({ at: sessions.secondFactorAt });
  if (!row?.at) throw new AppError('unauthorized', 'Your session has ended. Sign in again.');
  return row.at;
}

/* ------------------------------------------------------------------------------------------ */
/* Registration (signed-in viewers only: a passkey never creates an account)                   */
/* ------------------------------------------------------------------------------------------ */

export async function startPasskeyRegistration(
  viewer: Viewer | null,
  rp: RelyingParty,
): Promise<RegistrationOptions> {
  const me = requireSignedIn(viewer);
  const existing = await getDb()
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, me.userId));
  requirePasskeyChangesAllowed(me, existing.length > 0);
  if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) {
    throw new AppError(
      'validation',
      `You have ${MAX_PASSKEYS_PER_ACCOUNT} passkeys, the most an account can have. Remove one first.`,
    );
  }
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: new TextEncoder().encode(me.userId),
    userName: me.email,
    userDisplayName: me.displayName,
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: descriptors(existing),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await storeChallenge(options.challenge, 'register', me.sessionId);
  return options;
}

/**
 * Verifies a new passkey and stores it for the viewer. Registering proves the viewer holds it,
 * so it also confirms this session (the second factor).
 */
export async function finishPasskeyRegistration(
  viewer: Viewer | null,
  rp: RelyingParty,
  input: PasskeyRegistrationResponse,
  name?: string,
): Promise<PasskeySummary> {
  const me = requireSignedIn(viewer);
  const response = registrationResponseSchema.parse(input);
  const passkeyName = name === undefined ? defaultPasskeyName() : passkeyNameSchema.parse(name);
  const challenge = await consumeChallenge(
    response.response.clientDataJSON,
    'register',
    me.sessionId,
  );
  requirePasskeyChangesAllowed(me, (await passkeyCount(me.userId)) > 0);

  const result = await verified('registration', () =>
    verifyRegistrationResponse({
      response: registrationForVerifier(response),
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    }),
  );
  const info = result.registrationInfo;
  if (!result.verified || !info || info.credential.id !== response.id) {
    throw new AppError('forbidden', NOT_VERIFIED);
  }

  return getDb().transaction(async (executor) => {
    const [created] = await executor
      .insert(passkeys)
      .values({
        userId: me.userId,
        credentialId: response.id,
        publicKey: toBase64url(info.credential.publicKey),
        counter: info.credential.counter,
        transports: response.response.transports ?? [],
        backedUp: info.credentialBackedUp,
        name: passkeyName,
      })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning(summaryColumns);
    if (!created) {
      throw new AppError('validation', 'This passkey is already registered.');
    }
    await executor
      .update(sessions)
      .set({ secondFactorAt: sql`now()` })
      .where(and(eq(sessions.id, me.sessionId), eq(sessions.userId, me.userId)));
    await executor.insert(auditLog).values({
      actorId: me.userId,
      action: 'passkey.added',
      subjectUserId: me.userId,
      detail: { passkeyId: created.id },
    });
    return created;
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Sign-in with a passkey                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** Options for a sign-in: no credential list, so the browser offers the passkeys it holds. */
export async function startPasskeySignIn(rp: RelyingParty): Promise<AuthenticationOptions> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: [],
    userVerification: 'preferred',
    timeout: CEREMONY_TIMEOUT_MS,
  });
  await storeChallenge(options.challenge, 'authenticate', null);
  return options;
}

export interface PasskeySignIn {
  userId: string;
  cookie: SessionCookie;
}

/**
 * Verifies a sign-in assertion and opens a database session for the passkey's owner, confirmed
 * by the passkey (its second factor is set). The caller sets `cookie` on the response.
 */
export async function finishPasskeySignIn(
  rp: RelyingParty,
  input: PasskeyAuthenticationResponse,
  request: { userAgent?: string | null } = {},
): Promise<PasskeySignIn> {
  const response = authenticationResponseSchema.parse(input);
  const challenge = await consumeChallenge(response.response.clientDataJSON, 'authenticate', null);
  const stored = await findPasskey(response.id);
  if (!stored) {
    throw new AppError(
      'forbidden',
      'This passkey is not registered with Unknot. Sign in by email, then add it under Sign-in and security.',
    );
  }
  const { userHandle } = response.response;
  // The user handle is the account id's bytes, as the browser returns them (base64url).
  if (userHandle && Buffer.from(userHandle, 'base64url').toString('utf8') !== stored.userId) {
    throw new AppError('forbidden', NOT_VERIFIED);
  }
  await verifyAssertion(rp, response, challenge, stored);
  if (stored.bannedAt) throw new AppError('forbidden', 'This account cannot sign in.');

  const token = randomBytes(32).toString('hex');
  const [session] = await getDb()
    .insert(sessions)
    .values({
      sessionToken: token,
      userId: stored.userId,
      expires: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS}::int)`,
      method: 'passkey',
      device: deviceLabel(request.userAgent),
      secondFactorAt: sql`now()`,
    })
    .returning({ expires: sessions.expires });
  if (!session) throw new Error('session not created');
  return { userId: stored.userId, cookie: sessionCookie(token, session.expires) };
}

/* ------------------------------------------------------------------------------------------ */
/* Step-up: a signed-in viewer confirms with one of their passkeys                             */
/* ------------------------------------------------------------------------------------------ */

export async function startPasskeyStepUp(
  viewer: Viewer | null,
  rp: RelyingParty,
): Promise<AuthenticationOptions> {
  const me = requireSignedIn(viewer);
  const mine = await getDb()
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, me.userId));
  if (mine.length === 0) {
    throw new AppError('validation', 'Add a passkey to your account first.');
  }
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: descriptors(mine),
    userVerification: 'preferred',
    timeout: CEREMONY_TIMEOUT_MS,
  });
  await storeChallenge(options.challenge, 'authenticate', me.sessionId);
  return options;
}

/** Confirms the viewer's session with one of their own passkeys; returns when it expires. */
export async function finishPasskeyStepUp(
  viewer: Viewer | null,
  rp: RelyingParty,
  input: PasskeyAuthenticationResponse,
): Promise<{ confirmedUntil: Date }> {
  const me = requireSignedIn(viewer);
  const response = authenticationResponseSchema.parse(input);
  const challenge = await consumeChallenge(
    response.response.clientDataJSON,
    'authenticate',
    me.sessionId,
  );
  const stored = await findPasskey(response.id, me.userId);
  if (!stored) throw new AppError('forbidden', 'Use one of the passkeys on your own account.');
  await verifyAssertion(rp, response, challenge, stored);
  const at = await confirmSession(me);
  return { confirmedUntil: new Date(at.getTime() + SECOND_FACTOR_HOURS * 3_600_000) };
}

/* ------------------------------------------------------------------------------------------ */
/* The viewer's passkeys                                                                       */
/* ------------------------------------------------------------------------------------------ */

export async function listPasskeys(viewer: Viewer | null): Promise<PasskeySummary[]> {
  const me = requireSignedIn(viewer);
  return getDb()
    .select(summaryColumns)
    .from(passkeys)
    .where(eq(passkeys.userId, me.userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** What the security page shows about the viewer's second factor. */
export interface SecondFactorStatus {
  /** The viewer's role needs a passkey for its powers. */
  required: boolean;
  /** When this session's passkey confirmation stops counting (null: not confirmed). */
  confirmedUntil: Date | null;
}

export function secondFactorStatus(viewer: Viewer, now = Date.now()): SecondFactorStatus {
  return {
    required: roleNeedsPasskey(viewer.role),
    confirmedUntil:
      viewer.secondFactorAt && hasFreshSecondFactor(viewer, now)
        ? new Date(viewer.secondFactorAt.getTime() + SECOND_FACTOR_HOURS * 3_600_000)
        : null,
  };
}

const NO_SUCH_PASSKEY = 'There is no such passkey on your account.';

/** Renames one of the viewer's passkeys (another user's passkey id changes nothing). */
export async function renamePasskey(
  viewer: Viewer | null,
  passkeyId: string,
  name: string,
): Promise<PasskeySummary> {
  const me = requireSignedIn(viewer);
  const parsed = passkeyNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new AppError('validation', parsed.error.issues[0]?.message ?? 'Check the name.', {
      issues: [{ field: 'name', message: parsed.error.issues[0]?.message ?? 'Check the name.' }],
    });
  }
  const [row] = await getDb()
    .update(passkeys)
    .set({ name: parsed.data })
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, me.userId)))
    .returning(summaryColumns);
  if (!row) throw new AppError('not_found', NO_SUCH_PASSKEY);
  return row;
}

/** Removes one of the viewer's passkeys (another user's passkey id changes nothing). */
export async function removePasskey(viewer: Viewer | null, passkeyId: string): Promise<void> {
  const me = requireSignedIn(viewer);
  requirePasskeyChangesAllowed(me, me.hasPasskey);
  await getDb().transaction(async (executor) => {
    const removed = await executor
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, me.userId)))
      .returning({ id: passkeys.id });
    if (removed.length === 0) throw new AppError('not_found', NO_SUCH_PASSKEY);
    await executor.insert(auditLog).values({
      actorId: me.userId,
      action: 'passkey.removed',
      subjectUserId: me.userId,
      detail: { passkeyId },
    });
  });
}
