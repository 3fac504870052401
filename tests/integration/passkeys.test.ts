import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { passkeys, sessions, users, webauthnChallenges } from '@/db/schema';
import {
  authenticationResponseSchema,
  defaultPasskeyName,
  finishPasskeyRegistration,
  finishPasskeySignIn,
  finishPasskeyStepUp,
  listPasskeys,
  registrationResponseSchema,
  relyingParty,
  removePasskey,
  renamePasskey,
  secondFactorStatus,
  startPasskeyRegistration,
  startPasskeySignIn,
  startPasskeyStepUp,
  type RelyingParty,
} from '@/lib/auth/passkeys';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/settings';
import { requireRole } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { createSessionToken, signedInViewer, viewerOf } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure } from '../support/errors';
import { derRLength, SoftwareAuthenticator } from '../support/software-authenticator';

const ORIGIN = 'https://unknot.test';
const rp: RelyingParty = relyingParty(null, { AUTH_URL: `${ORIGIN}/`, NODE_ENV: 'test' });
const MAC_CHROME =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

async function sessionRow(token: string) {
  const [row] = await getDb()
    .select({
      userId: sessions.userId,
      method: sessions.method,
      device: sessions.device,
      expires: sessions.expires,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .where(eq(sessions.sessionToken, token));
  return row ?? null;
}

async function storedPasskey(credentialId: string) {
  const [row] = await getDb()
    .select({
      userId: passkeys.userId,
      name: passkeys.name,
      counter: passkeys.counter,
      transports: passkeys.transports,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

/** A member signed in by email who registers a passkey on a software authenticator. */
async function memberWithPasskey(overrides: Parameters<typeof signedInViewer>[0] = {}) {
  const account = await signedInViewer(overrides);
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  const options = await startPasskeyRegistration(account.viewer, rp);
  const registration = authenticator.create(options);
  const passkey = await finishPasskeyRegistration(account.viewer, rp, registration);
  return { ...account, authenticator, passkey, credentialId: registration.id };
}

describe('the relying party', () => {
  it('comes from AUTH_URL, or from the request only outside production', () => {
    expect(rp).toEqual({ id: 'unknot.test', name: 'Unknot', origin: ORIGIN });
    expect(relyingParty('http://localhost:3000', { NODE_ENV: 'development' })).toMatchObject({
      id: 'localhost',
      origin: 'http://localhost:3000',
    });
    expect(
      relyingParty('https://evil.test', { NODE_ENV: 'production', AUTH_URL: ORIGIN }).origin,
    ).toBe(ORIGIN);
    expect(() => relyingParty('https://evil.test', { NODE_ENV: 'production' })).toThrow(AppError);
  });
});

describe('registering a passkey', () => {
  it('needs a signed-in session: a passkey never creates an account', async () => {
    const before = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(users);
    expect((await failure(startPasskeyRegistration(null, rp))).code).toBe('unauthorized');

    const { viewer } = await signedInViewer();
    const options = await startPasskeyRegistration(viewer, rp);
    const registration = new SoftwareAuthenticator(ORIGIN).create(options);
    expect((await failure(finishPasskeyRegistration(null, rp, registration))).code).toBe(
      'unauthorized',
    );
    const after = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(users);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
    expect(await storedPasskey(registration.id)).toBeNull();
  });

  it('asks for a discoverable credential for this site and this member', async () => {
    const { viewer, member } = await signedInViewer();
    const options = await startPasskeyRegistration(viewer, rp);
    expect(options.rp).toEqual({ id: 'unknot.test', name: 'Unknot' });
    expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).toBe(member.id);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'preferred',
    });
    expect(options.excludeCredentials).toEqual([]);
    expect(options.attestation).toBe('none');
  });

  it('stores the passkey with a default name and confirms the session', async () => {
    const { token, credentialId, passkey, member, viewer } = await memberWithPasskey();
    expect(viewer.secondFactorAt).toBeNull();
    expect(passkey.name).toBe(defaultPasskeyName());
    expect(passkey.name).toMatch(/^Passkey added \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    const stored = await storedPasskey(credentialId);
    expect(stored).toMatchObject({ userId: member.id, counter: 0 });
    expect(stored?.transports.sort()).toEqual(['hybrid', 'internal']);
    const session = await sessionRow(token);
    expect(session?.secondFactorAt).toBeInstanceOf(Date);
    expect((await viewerOf(token)).hasPasskey).toBe(true);
  });

  it('excludes the passkeys the member already has', async () => {
    const { token, credentialId, authenticator } = await memberWithPasskey();
    const options = await startPasskeyRegistration(await viewerOf(token), rp);
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([credentialId]);
    expect(() => authenticator.create(options)).toThrow(/InvalidStateError/);
  });

  it('refuses a response made for another site', async () => {
    const { viewer } = await signedInViewer();
    const options = await startPasskeyRegistration(viewer, rp);
    const registration = new SoftwareAuthenticator('https://evil.test').create({
      ...options,
      rp: { ...options.rp, id: 'evil.test' },
    });
    const refused = await failure(finishPasskeyRegistration(viewer, rp, registration));
    expect(refused.code).toBe('forbidden');
    expect(await storedPasskey(registration.id)).toBeNull();
  });

  it('binds the challenge to the session that asked for it', async () => {
    const first = await signedInViewer();
    const options = await startPasskeyRegistration(first.viewer, rp);
    const registration = new SoftwareAuthenticator(ORIGIN).create(options);
    const otherToken = await createSessionToken(first.member.id);
    const otherSession = await viewerOf(otherToken);
    const refused = await failure(finishPasskeyRegistration(otherSession, rp, registration));
    expect(refused.code).toBe('validation');
    expect(await storedPasskey(registration.id)).toBeNull();
    // The session that asked can still finish.
    await finishPasskeyRegistration(first.viewer, rp, registration);
    expect(await storedPasskey(registration.id)).not.toBeNull();
  });

  it('makes a privileged account that has a passkey confirm before adding another', async () => {
    const moderator = await memberWithPasskey({ role: 'moderator' });
    const laterToken = await createSessionToken(moderator.member.id);
    const later = await viewerOf(laterToken);
    expect((await failure(startPasskeyRegistration(later, rp))).code).toBe('second_factor');
    expect((await failure(removePasskey(later, moderator.passkey.id))).code).toBe('second_factor');
    expect(await listPasskeys(later)).toHaveLength(1);
  });
});

describe('signing in with a passkey', () => {
  it('offers no credential list, then opens a confirmed passkey session', async () => {
    const { member, authenticator, credentialId } = await memberWithPasskey();
    const options = await startPasskeySignIn(rp);
    expect(options.allowCredentials).toEqual([]);
    expect(options.rpId).toBe('unknot.test');

    const assertion = authenticator.get(options);
    const started = Date.now();
    const signedIn = await finishPasskeySignIn(rp, assertion, { userAgent: MAC_CHROME });
    expect(signedIn.userId).toBe(member.id);

    const { cookie } = signedIn;
    expect(cookie.name).toBe('authjs.session-token');
    expect(cookie.value).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie.options).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
    });
    const session = await sessionRow(cookie.value);
    expect(session).toMatchObject({
      userId: member.id,
      method: 'passkey',
      device: 'Chrome on macOS',
    });
    expect(session?.secondFactorAt).toBeInstanceOf(Date);
    const maxAge = session!.expires.getTime() - started;
    expect(Math.abs(maxAge - SESSION_MAX_AGE_SECONDS * 1000)).toBeLessThan(60_000);
    expect(cookie.options.expires.getTime()).toBe(session!.expires.getTime());

    const viewer = await viewerOf(cookie.value);
    expect(viewer.userId).toBe(member.id);
    expect(viewer.hasPasskey).toBe(true);

    const stored = await storedPasskey(credentialId);
    expect(stored?.counter).toBe(1);
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('sets a Secure cookie under the __Secure- name when the site is served over https', async () => {
    const { authenticator } = await memberWithPasskey();
    const previous = process.env.AUTH_URL;
    process.env.AUTH_URL = ORIGIN;
    try {
      const { cookie } = await finishPasskeySignIn(
        rp,
        authenticator.get(await startPasskeySignIn(rp)),
      );
      expect(cookie.name).toBe('__Secure-authjs.session-token');
      expect(cookie.options.secure).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.AUTH_URL;
      else process.env.AUTH_URL = previous;
    }
  });

  it('stores the counter and refuses an assertion that does not move it forward', async () => {
    const { authenticator, credentialId } = await memberWithPasskey();
    for (let i = 1; i <= 3; i++) {
      await finishPasskeySignIn(rp, authenticator.get(await startPasskeySignIn(rp)));
      expect((await storedPasskey(credentialId))?.counter).toBe(i);
    }
    const cloned = authenticator.get(await startPasskeySignIn(rp), { counter: 2 });
    expect((await failure(finishPasskeySignIn(rp, cloned))).code).toBe('forbidden');
    expect((await storedPasskey(credentialId))?.counter).toBe(3);
  });

  it('verifies a signature whose r is shorter than 32 bytes', async () => {
    const { authenticator, member } = await memberWithPasskey();
    const assertion = authenticator.get(await startPasskeySignIn(rp), { shortR: true });
    expect(derRLength(Buffer.from(assertion.response.signature, 'base64url'))).toBeLessThan(32);
    const signedIn = await finishPasskeySignIn(rp, assertion);
    expect(signedIn.userId).toBe(member.id);
  });

  it('refuses a challenge it never issued', async () => {
    const { authenticator } = await memberWithPasskey();
    const options = await startPasskeySignIn(rp);
    const forged = authenticator.get(options, {
      challenge: Buffer.from('not-the-challenge-we-issued').toString('base64url'),
    });
    expect((await failure(finishPasskeySignIn(rp, forged))).code).toBe('validation');
  });

  it('uses each challenge once: a replayed response is refused', async () => {
    const { authenticator, member } = await memberWithPasskey();
    const assertion = authenticator.get(await startPasskeySignIn(rp));
    await finishPasskeySignIn(rp, assertion);
    const sessionsBefore = await countSessions(member.id);
    const refused = await failure(finishPasskeySignIn(rp, assertion));
    expect(refused.code).toBe('validation');
    expect(refused.message).toMatch(/expired or was already used/);
    expect(await countSessions(member.id)).toBe(sessionsBefore);
  });

  it('refuses a challenge older than five minutes', async () => {
    const { authenticator, member } = await memberWithPasskey();
    const options = await startPasskeySignIn(rp);
    await getDb()
      .update(webauthnChallenges)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(webauthnChallenges.challenge, options.challenge));
    const sessionsBefore = await countSessions(member.id);
    const refused = await failure(finishPasskeySignIn(rp, authenticator.get(options)));
    expect(refused.code).toBe('validation');
    expect(await countSessions(member.id)).toBe(sessionsBefore);
    const [left] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.challenge, options.challenge));
    expect(left?.n).toBe(0);
  });

  it('keeps sign-in and step-up challenges apart', async () => {
    const { authenticator, viewer } = await memberWithPasskey();
    const stepUp = await startPasskeyStepUp(viewer, rp);
    const assertion = authenticator.get(stepUp);
    expect((await failure(finishPasskeySignIn(rp, assertion))).code).toBe('validation');
  });

  it('refuses an assertion made on another origin', async () => {
    const { authenticator } = await memberWithPasskey();
    const assertion = authenticator.get(await startPasskeySignIn(rp), {
      origin: 'https://evil.test',
    });
    expect((await failure(finishPasskeySignIn(rp, assertion))).code).toBe('forbidden');
  });

  it('refuses a passkey it does not know', async () => {
    const stranger = new SoftwareAuthenticator(ORIGIN);
    stranger.create({
      challenge: 'AAAA',
      rp: { id: 'unknot.test', name: 'Unknot' },
      user: { id: 'nobody', name: 'nobody', displayName: 'nobody' },
    });
    const refused = await failure(
      finishPasskeySignIn(rp, stranger.get(await startPasskeySignIn(rp))),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/not registered/);
  });

  it('refuses a banned member', async () => {
    const { authenticator, member } = await memberWithPasskey();
    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, member.id));
    const sessionsBefore = await countSessions(member.id);
    const refused = await failure(
      finishPasskeySignIn(rp, authenticator.get(await startPasskeySignIn(rp))),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe('This account cannot sign in.');
    expect(await countSessions(member.id)).toBe(sessionsBefore);
  });
});

async function countSessions(userId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return row?.n ?? 0;
}

describe('confirming it is you (step-up)', () => {
  it('lists only the viewer’s passkeys and confirms the session', async () => {
    const { member, authenticator, credentialId } = await memberWithPasskey();
    const token = await createSessionToken(member.id);
    const viewer = await viewerOf(token);
    expect(viewer.secondFactorAt).toBeNull();

    const options = await startPasskeyStepUp(viewer, rp);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([credentialId]);
    const { confirmedUntil } = await finishPasskeyStepUp(viewer, rp, authenticator.get(options));
    const confirmed = await viewerOf(token);
    expect(confirmed.secondFactorAt).toBeInstanceOf(Date);
    expect(confirmedUntil.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    expect(secondFactorStatus(confirmed).confirmedUntil?.getTime()).toBe(confirmedUntil.getTime());
  });

  it('refuses another member’s passkey', async () => {
    const victim = await memberWithPasskey();
    const attacker = await memberWithPasskey();
    const victimToken = await createSessionToken(victim.member.id);
    const victimSession = await viewerOf(victimToken);

    const options = await startPasskeyStepUp(victimSession, rp);
    const assertion = attacker.authenticator.get(options, { credentialId: attacker.credentialId });
    const refused = await failure(finishPasskeyStepUp(victimSession, rp, assertion));
    expect(refused.code).toBe('forbidden');
    expect((await viewerOf(victimToken)).secondFactorAt).toBeNull();
  });

  it('needs a session, and a passkey to confirm with', async () => {
    expect((await failure(startPasskeyStepUp(null, rp))).code).toBe('unauthorized');
    const { viewer } = await signedInViewer();
    expect((await failure(startPasskeyStepUp(viewer, rp))).code).toBe('validation');
  });

  it('unlocks a moderator’s powers only after a passkey confirmed the session', async () => {
    const { viewer: withoutPasskey } = await signedInViewer({ role: 'moderator' });
    const noPasskey = (() => {
      try {
        requireRole(withoutPasskey, 'moderator');
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(noPasskey).toBeInstanceOf(AppError);
    expect((noPasskey as AppError).code).toBe('second_factor');
    expect((noPasskey as AppError).message).toMatch(/Add a passkey/);

    const moderator = await memberWithPasskey({ role: 'moderator' });
    const token = await createSessionToken(moderator.member.id);
    const byEmail = await viewerOf(token);
    expect(byEmail.hasPasskey).toBe(true);
    expect(() => requireRole(byEmail, 'moderator')).toThrow(/Confirm it is you/);

    const options = await startPasskeyStepUp(byEmail, rp);
    await finishPasskeyStepUp(byEmail, rp, moderator.authenticator.get(options));
    const confirmed = await viewerOf(token);
    expect(requireRole(confirmed, 'moderator').userId).toBe(moderator.member.id);
    // Confirming one session leaves the others as they were.
    const other = await viewerOf(await createSessionToken(moderator.member.id));
    expect(() => requireRole(other, 'moderator')).toThrow(AppError);
  });
});

describe('the viewer’s passkeys', () => {
  it('lists only the viewer’s own passkeys, without keys or credential ids', async () => {
    const mine = await memberWithPasskey();
    await memberWithPasskey();
    const list = await listPasskeys(await viewerOf(mine.token));
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]!).sort()).toEqual([
      'backedUp',
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
    ]);
    expect((await failure(listPasskeys(null))).code).toBe('unauthorized');
  });

  it('renames only the viewer’s own passkeys, within 1 to 60 characters', async () => {
    const mine = await memberWithPasskey();
    const theirs = await memberWithPasskey();
    const viewer = await viewerOf(mine.token);

    const renamed = await renamePasskey(viewer, mine.passkey.id, '  Work\u0007 laptop  ');
    expect(renamed.name).toBe('Work laptop');
    expect((await failure(renamePasskey(viewer, mine.passkey.id, '   '))).code).toBe('validation');
    expect((await failure(renamePasskey(viewer, mine.passkey.id, 'x'.repeat(61)))).code).toBe(
      'validation',
    );
    expect((await storedPasskey(mine.credentialId))?.name).toBe('Work laptop');

    const refused = await failure(renamePasskey(viewer, theirs.passkey.id, 'Mine now'));
    expect(refused.code).toBe('not_found');
    expect((await storedPasskey(theirs.credentialId))?.name).toBe(theirs.passkey.name);
  });

  it('removes only the viewer’s own passkeys', async () => {
    const mine = await memberWithPasskey();
    const theirs = await memberWithPasskey();
    const viewer = await viewerOf(mine.token);

    expect((await failure(removePasskey(viewer, theirs.passkey.id))).code).toBe('not_found');
    expect(await storedPasskey(theirs.credentialId)).not.toBeNull();

    await removePasskey(viewer, mine.passkey.id);
    expect(await storedPasskey(mine.credentialId)).toBeNull();
    expect((await viewerOf(mine.token)).hasPasskey).toBe(false);
    // A removed passkey no longer signs in.
    const assertion = mine.authenticator.get(await startPasskeySignIn(rp));
    expect((await failure(finishPasskeySignIn(rp, assertion))).code).toBe('forbidden');
  });
});

describe('what the browser may send', () => {
  it('refuses fields that do not belong in a passkey response', async () => {
    const { viewer } = await signedInViewer();
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const registration = authenticator.create(await startPasskeyRegistration(viewer, rp));
    expect(registrationResponseSchema.safeParse(registration).success).toBe(true);
    expect(registrationResponseSchema.safeParse({ ...registration, userId: 'x' }).success).toBe(
      false,
    );
    expect(
      registrationResponseSchema.safeParse({
        ...registration,
        response: { ...registration.response, counter: 0 },
      }).success,
    ).toBe(false);
    await finishPasskeyRegistration(viewer, rp, registration);
    const assertion = authenticator.get(await startPasskeySignIn(rp));
    expect(authenticationResponseSchema.safeParse(assertion).success).toBe(true);
    expect(
      authenticationResponseSchema.safeParse({ ...assertion, id: 'not base64url!' }).success,
    ).toBe(false);
  });
});
