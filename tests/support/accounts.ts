/**
 * Members and sessions for tests, written straight into the test database the way sign-in
 * leaves them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { passkeys, sessions, users, type SignInMethod, type UserRole } from '@/db/schema';
import { getViewerForSession, type Viewer } from '@/lib/auth/viewer';
import { createTherapist, type CreatedTherapist, type TherapistOverrides } from '../factories';

export interface TestMember {
  id: string;
  email: string;
  displayName: string;
}

export type MemberOverrides = Partial<{
  email: string;
  role: UserRole;
  displayName: string;
  bannedAt: Date;
}>;

export interface SessionOptions {
  method?: SignInMethod;
  secondFactor?: boolean;
  expiresInSeconds?: number;
}

let counter = 0;

export async function createMember(overrides: MemberOverrides = {}): Promise<TestMember> {
  counter += 1;
  const email = overrides.email ?? `member-${counter}-${randomUUID().slice(0, 8)}@example.org`;
  const [row] = await getDb()
    .insert(users)
    .values({
      email,
      role: overrides.role ?? 'member',
      displayName: overrides.displayName ?? `Tester ${counter}`,
      emailVerified: new Date(),
      bannedAt: overrides.bannedAt ?? null,
    })
    .returning({ id: users.id, email: users.email, displayName: users.displayName });
  if (!row) throw new Error('member not created');
  return row;
}

/** Opens a session for a member; returns its cookie value (the session token). */
export async function createSessionToken(
  userId: string,
  options: SessionOptions = {},
): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await getDb()
    .insert(sessions)
    .values({
      sessionToken: token,
      userId,
      expires: new Date(Date.now() + (options.expiresInSeconds ?? 3600) * 1000),
      method: options.method ?? 'email',
      secondFactorAt: options.secondFactor ? sql`now()` : null,
    });
  return token;
}

/** Registers a passkey for a member (random keys: nothing ever signs with it). */
export async function addPasskey(userId: string, name = 'Test key'): Promise<void> {
  await getDb()
    .insert(passkeys)
    .values({
      userId,
      credentialId: randomBytes(16).toString('base64url'),
      publicKey: randomBytes(32).toString('base64url'),
      name,
    });
}

/** The viewer of a session, as the guards see it. */
export async function viewerOf(token: string): Promise<Viewer> {
  const viewer = await getViewerForSession(getDb(), token);
  if (!viewer) throw new Error('session not readable');
  return viewer;
}

export interface SignedInMember {
  member: TestMember;
  token: string;
  viewer: Viewer;
}

/** A member with a session, as the guards see them; `passkey` registers one first. */
export async function signedInViewer(
  overrides: MemberOverrides = {},
  options: SessionOptions & { passkey?: boolean } = {},
): Promise<SignedInMember> {
  const { passkey, ...session } = options;
  const member = await createMember(overrides);
  if (passkey) await addPasskey(member.id);
  const token = await createSessionToken(member.id, session);
  return { member, token, viewer: await viewerOf(token) };
}

/**
 * A member of `role` with a passkey confirmed in this session: what therapist, moderator and
 * admin powers need.
 */
export function confirmedViewer(
  role: UserRole,
  overrides: Omit<MemberOverrides, 'role'> = {},
): Promise<SignedInMember> {
  return signedInViewer(
    { ...overrides, role },
    { passkey: true, method: 'passkey', secondFactor: true },
  );
}

export interface ListingOwner extends SignedInMember {
  listing: CreatedTherapist;
  therapistId: number;
  slug: string;
  name: string;
}

/**
 * A listing (published unless `overrides` say otherwise) held by a confirmed therapist, or by
 * `holder` when given.
 */
export async function ownedListing(
  overrides: TherapistOverrides = {},
  holder?: SignedInMember,
): Promise<ListingOwner> {
  const owner = holder ?? (await confirmedViewer('therapist'));
  const listing = await createTherapist(getDb(), {
    status: 'published',
    ...overrides,
    claimedByUserId: owner.member.id,
  });
  return {
    ...owner,
    listing,
    therapistId: listing.therapist.id,
    slug: listing.therapist.slug,
    name: listing.therapist.name,
  };
}
