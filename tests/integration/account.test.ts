/**
 * The account page's data layer: public name rules, sessions, the export of everything we hold
 * about a member, and deletion that reaches every table and the search index (TRUST 5, 10, 11,
 * 13, 23, 24).
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  accounts,
  auditLog,
  contactChanges,
  listingClaims,
  reviewAppeals,
  reviewInvitations,
  reviewReplies,
  reviewReports,
  reviewVersions,
  reviewVotes,
  reviews,
  searchDocuments,
  sessions,
  therapistStats,
  therapists,
  users,
  verificationTokens,
} from '@/db/schema';
import {
  accountDataCoverage,
  deleteAccount,
  exportAccountData,
  updateDisplayName,
} from '@/lib/account/mutations';
import { getAccountOverview } from '@/lib/account/queries';
import { endSession, listSessions } from '@/lib/auth/sessions';
import { getViewerForSession } from '@/lib/auth/viewer';
import { setSearchEngines } from '@/lib/search';
import { drainAll } from '@/lib/search/indexer';
import { listTherapistReviews } from '@/lib/therapists/queries';
import { createReview, createTherapist, type CreatedTherapist } from '../factories';
import {
  addPasskey,
  createMember,
  createSessionToken,
  signedInViewer,
  viewerOf,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure, fieldErrors } from '../support/errors';
import { searchSlugs } from '../support/search';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  setSearchEngines(undefined);
});

afterAll(async () => {
  await database.dispose();
});

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface ForeignKey extends Record<string, unknown> {
  table_name: string;
  column_name: string;
  ref_table: string;
  ref_column: string;
}

/** Every foreign key in the database, column by column. */
async function foreignKeys(): Promise<ForeignKey[]> {
  return selectRows<ForeignKey>(
    database.db,
    sql`select kcu.table_name::text, kcu.column_name::text,
               ref.table_name::text as ref_table, ref.column_name::text as ref_column
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu
          on kcu.constraint_schema = rc.constraint_schema
         and kcu.constraint_name = rc.constraint_name
        join information_schema.key_column_usage ref
          on ref.constraint_schema = rc.unique_constraint_schema
         and ref.constraint_name = rc.unique_constraint_name
         and ref.ordinal_position = kcu.position_in_unique_constraint
        where kcu.table_schema = current_schema()
        order by 1, 2`,
  );
}

async function columnsOf(table: string): Promise<string[]> {
  const rows = await selectRows<{ column_name: string }>(
    database.db,
    sql`select column_name::text from information_schema.columns
        where table_schema = current_schema() and table_name = ${table}`,
  );
  return rows.map((r) => r.column_name).sort();
}

/** Rows that point at the user straight through a foreign key to users(id), per table.column. */
async function rowsReferencingUser(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const fk of (await foreignKeys()).filter((f) => f.ref_table === 'users')) {
    const [row] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(fk.table_name)}
          where ${sql.identifier(fk.column_name)} = ${userId}`,
    );
    counts[`${fk.table_name}.${fk.column_name}`] = row!.n;
  }
  const [self] = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from users where id = ${userId}`,
  );
  counts['users.id'] = self!.n;
  return counts;
}

async function publishedTherapist(): Promise<CreatedTherapist> {
  return createTherapist(database.db, { status: 'published', locations: [{ endsOn: null }] });
}

async function stats(therapistId: number) {
  const [row] = await database.db
    .select({ reviewCount: therapistStats.reviewCount, ratingSum: therapistStats.ratingSum })
    .from(therapistStats)
    .where(eq(therapistStats.therapistId, therapistId));
  return row ?? { reviewCount: 0, ratingSum: 0 };
}

const SECRET_ACCESS = `gho_${randomBytes(12).toString('hex')}`;
const SECRET_REFRESH = `ghr_${randomBytes(12).toString('hex')}`;
const SECRET_ID_TOKEN = `eyJ${randomBytes(12).toString('hex')}`;
const CONFIDENTIAL_NOTE = `He crossed a line ${randomBytes(6).toString('hex')}`;

/**
 * A member with something in every table that can hold their data: sessions, a passkey, a
 * linked account, published reviews with versions and follow-ups, a claimed listing, audit
 * entries about them and by them, helpful votes and reports (theirs, and others' on their
 * reviews), an appeal, and acts as a moderator (decided reviews, resolved reports, appeals).
 * Also another member, whose data must never show up.
 */
async function richMember(options: { word: string }) {
  const email = `rich-${randomBytes(4).toString('hex')}@example.org`;
  const member = await createMember({ email, displayName: 'Steady Finch 12' });
  const token = await createSessionToken(member.id);
  const passkeyToken = await createSessionToken(member.id, { method: 'passkey' });
  const other = await createMember({ displayName: 'Other Person' });
  const otherToken = await createSessionToken(other.id);

  await addPasskey(member.id, 'Work laptop');
  await database.db.insert(accounts).values({
    userId: member.id,
    type: 'oauth',
    provider: 'github',
    providerAccountId: String(1000 + Math.floor(Math.random() * 1e6)),
    access_token: SECRET_ACCESS,
    refresh_token: SECRET_REFRESH,
    id_token: SECRET_ID_TOKEN,
    token_type: 'bearer',
    scope: 'read:user user:email',
  });

  const reviewed = await publishedTherapist();
  const second = await publishedTherapist();
  const claimed = await publishedTherapist();
  await database.db
    .update(therapists)
    .set({ claimedByUserId: member.id })
    .where(eq(therapists.id, claimed.therapist.id));

  const first = await createReview(database.db, {
    authorId: member.id,
    therapistId: reviewed.therapist.id,
    status: 'published',
    title: 'Back pain finally gone',
    body: `My lower back eased after three visits. The ${options.word} stretch she showed me keeps it away.`,
    followUps: [
      { weeksAfter: 2, painNow: 2 },
      { weeksAfter: 6, painNow: 1 },
    ],
  });
  const pending = await createReview(database.db, {
    authorId: member.id,
    therapistId: second.therapist.id,
    status: 'pending',
  });
  await database.db.insert(reviewVersions).values({
    reviewId: first.review.id,
    version: 1,
    snapshot: { authorId: member.id, title: 'Back pain', body: 'First words.', rating: 4 },
  });
  // Someone else's review of the same therapist: it must stay through everything.
  const othersReview = await createReview(database.db, {
    authorId: other.id,
    therapistId: reviewed.therapist.id,
    status: 'published',
  });

  await database.db.insert(auditLog).values([
    {
      actorId: null,
      action: 'user.role_set',
      subjectUserId: member.id,
      detail: { role: 'member' },
    },
    { actorId: member.id, action: 'review.reported', subjectUserId: other.id },
    { actorId: other.id, action: 'review.reported', subjectUserId: other.id },
  ]);
  // Votes and reports: theirs on the other member's review, the other member's on theirs (with
  // a confidential note that must not reach their export).
  await database.db.insert(reviewVotes).values([
    { reviewId: othersReview.review.id, userId: member.id },
    { reviewId: first.review.id, userId: other.id },
  ]);
  await database.db.insert(reviewReports).values([
    {
      reviewId: othersReview.review.id,
      reporterId: member.id,
      reason: 'off_topic',
      note: `My own note ${options.word}`,
    },
    {
      reviewId: first.review.id,
      reporterId: other.id,
      reason: 'safety_concern',
      note: CONFIDENTIAL_NOTE,
    },
  ]);
  // Their appeal (the database does not tie an appeal to the review's status).
  await database.db.insert(reviewAppeals).values({
    reviewId: pending.review.id,
    statement: 'Please look again: it describes my own sessions.',
    originalModeratorId: other.id,
  });
  // As a moderator: a decided review, a resolved report, an appeal against their decision and
  // an appeal they decided (on a third member's review).
  const third = await createMember({ displayName: 'Third Person' });
  const thirdsReview = await createReview(database.db, {
    authorId: third.id,
    therapistId: claimed.therapist.id,
    status: 'removed',
    moderatedById: other.id,
  });
  await database.db
    .update(reviews)
    .set({ moderatedById: member.id, moderatedAt: new Date() })
    .where(eq(reviews.id, othersReview.review.id));
  await database.db.insert(reviewReports).values({
    reviewId: othersReview.review.id,
    reporterId: third.id,
    reason: 'fake',
    resolvedAt: new Date(),
    resolvedById: member.id,
  });
  await database.db.insert(reviewAppeals).values([
    {
      reviewId: othersReview.review.id,
      statement: 'The other member appeals.',
      originalModeratorId: member.id,
    },
    {
      reviewId: thirdsReview.review.id,
      statement: 'The third member appeals.',
      originalModeratorId: other.id,
      decidedById: member.id,
      decidedAt: new Date(),
      outcome: 'upheld',
    },
  ]);

  // As a practitioner: a claim, a reply on the claimed listing's review, a contact change asked
  // for and one stopped, an invitation; others' reply on their review; claims and replies they
  // decided as a moderator.
  await database.db.insert(listingClaims).values([
    {
      therapistId: claimed.therapist.id,
      userId: member.id,
      kind: 'listing',
      status: 'approved',
      licenseState: 'NY',
      licenseNumber: '001234',
      licenseName: 'Steady Finch',
      licenseMatched: 'yes',
      codeHash: 'not-exported',
      codeSentTo: 'clinic@example.org',
      codeExpiresAt: new Date(),
      decidedById: other.id,
    },
    {
      therapistId: second.therapist.id,
      userId: third.id,
      kind: 'dispute',
      status: 'refused',
      evidence: 'Third member’s evidence',
      decidedById: member.id,
    },
  ]);
  // A listing they asked for, still waiting for a moderator.
  const requested = await createTherapist(database.db, {
    status: 'pending',
    locations: [{ endsOn: null }],
  });
  await database.db.insert(listingClaims).values({
    therapistId: requested.therapist.id,
    userId: member.id,
    kind: 'new_listing',
    status: 'pending_review',
  });
  await database.db.insert(reviewReplies).values([
    {
      reviewId: thirdsReview.review.id,
      therapistId: claimed.therapist.id,
      authorId: member.id,
      body: 'Thank you for taking the time to write.',
      moderatedById: other.id,
    },
    {
      reviewId: first.review.id,
      therapistId: reviewed.therapist.id,
      authorId: other.id,
      body: 'Glad the stretches help.',
      status: 'pending',
      statusReason: 'health_detail',
      moderatedById: member.id,
    },
  ]);
  await database.db.insert(contactChanges).values([
    {
      therapistId: claimed.therapist.id,
      requestedById: member.id,
      changes: { phone: '+1 212 555 0100' },
      previous: { phone: null },
      appliesAt: new Date(Date.now() + 72 * 3_600_000),
    },
    {
      therapistId: second.therapist.id,
      requestedById: other.id,
      changes: { website: 'https://example.org' },
      previous: { website: null },
      appliesAt: new Date(),
      cancelledAt: new Date(),
      cancelledById: member.id,
    },
  ]);
  await database.db.insert(reviewInvitations).values({
    therapistId: claimed.therapist.id,
    senderId: member.id,
    emailHash: randomBytes(16).toString('hex'),
    email: 'client@example.org',
  });

  await database.db.insert(verificationTokens).values({
    identifier: email,
    token: randomBytes(16).toString('hex'),
    expires: new Date(Date.now() + 600_000),
  });

  await recomputeTherapistStats(database.db, [
    reviewed.therapist.id,
    second.therapist.id,
    claimed.therapist.id,
  ]);
  return {
    member,
    email,
    token,
    passkeyToken,
    viewer: await viewerOf(token),
    other,
    otherToken,
    reviewed,
    second,
    claimed,
    requested,
    reviewIds: [first.review.id, pending.review.id],
    othersReviewId: othersReview.review.id,
    thirdsReviewId: thirdsReview.review.id,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Public name                                                                                 */
/* ------------------------------------------------------------------------------------------ */

describe('updateDisplayName', () => {
  async function storedName(id: string) {
    const [row] = await database.db
      .select({ displayName: users.displayName, role: users.role, email: users.email })
      .from(users)
      .where(eq(users.id, id));
    return row!;
  }

  it('saves a pseudonymous name, cleaned', async () => {
    const { member, viewer } = await signedInViewer({ displayName: 'Calm Heron 42' });
    const result = await updateDisplayName(viewer, { displayName: '  Quiet\u0007   Otter 7 ' });
    expect(result).toEqual({ displayName: 'Quiet Otter 7' });
    expect((await storedName(member.id)).displayName).toBe('Quiet Otter 7');
    expect((await updateDisplayName(viewer, { displayName: 'José O’Brien-Ng' })).displayName).toBe(
      'José O’Brien-Ng',
    );
  });

  it.each([
    ['a', 'at least 2 characters'],
    ['x'.repeat(41), 'at most 40 characters'],
    ['maya@example.org', 'cannot contain an @'],
    ['maya\uFF20example.org', 'cannot contain an @'],
    ['maya (at) example dot com', 'look like an email address'],
    ['maya at example dot com', 'look like an email address'],
    ['quietfern.example.com', 'look like an email address'],
    ['<script>', 'letters, digits, spaces'],
    ['12345', 'at least one letter'],
    ['Former Member', 'Former member'],
    ['Rowan Walker', 'email address or its first part'],
    ['ROWAN.walker 9', 'email address or its first part'],
  ])('refuses %j and changes nothing', async (name, reason) => {
    const { member, viewer } = await signedInViewer({
      email: `rowan.walker+${randomBytes(3).toString('hex')}@example.org`,
      displayName: 'Calm Heron 42',
    });
    const error = await failure(updateDisplayName(viewer, { displayName: name }));
    expect(error.code).toBe('validation');
    expect(fieldErrors(error).displayName).toContain(reason);
    expect((await storedName(member.id)).displayName).toBe('Calm Heron 42');
  });

  it('allows a short email first part inside an ordinary name', async () => {
    const { viewer } = await signedInViewer({
      email: `al@x${randomBytes(3).toString('hex')}.example.org`,
    });
    expect((await updateDisplayName(viewer, { displayName: 'Alder Wren' })).displayName).toBe(
      'Alder Wren',
    );
  });

  it.each([['role'], ['email'], ['id']])(
    'refuses an extra %s field and leaves the row unchanged (TRUST 10)',
    async (field) => {
      const { member, viewer } = await signedInViewer({ displayName: 'Calm Heron 42' });
      const before = await storedName(member.id);
      const error = await failure(
        updateDisplayName(viewer, {
          displayName: 'Brave Lark 3',
          [field]: field === 'role' ? 'admin' : field === 'email' ? 'x@evil.test' : 'other-id',
        }),
      );
      expect(error.code).toBe('validation');
      expect(fieldErrors(error)[field]).toBe('This field cannot be changed here.');
      expect(await storedName(member.id)).toEqual(before);
    },
  );

  it('refuses a missing name and a signed-out caller', async () => {
    const { viewer } = await signedInViewer();
    expect(fieldErrors(await failure(updateDisplayName(viewer, {}))).displayName).toBe(
      'Enter a public name.',
    );
    expect((await failure(updateDisplayName(null, { displayName: 'Lucky Pine' }))).code).toBe(
      'unauthorized',
    );
  });

  it('reaches the search snippets of the reviews the member wrote', async () => {
    const { member, viewer } = await signedInViewer({ displayName: 'Calm Heron 42' });
    const created = await publishedTherapist();
    await createReview(database.db, {
      authorId: member.id,
      therapistId: created.therapist.id,
      status: 'published',
      rating: 5,
    });
    await recomputeTherapistStats(database.db, [created.therapist.id]);
    await drainAll();
    await updateDisplayName(viewer, { displayName: 'Hopeful Maple 8' });
    await drainAll();
    const [document] = await database.db
      .select({ topReview: searchDocuments.topReview })
      .from(searchDocuments)
      .where(eq(searchDocuments.therapistId, created.therapist.id));
    expect(document?.topReview?.authorName).toBe('Hopeful Maple 8');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Overview and sessions                                                                       */
/* ------------------------------------------------------------------------------------------ */

describe('getAccountOverview', () => {
  it('describes the account without any token', async () => {
    const rich = await richMember({ word: 'overviewword' });
    const overview = await getAccountOverview(rich.viewer);
    expect(overview).toMatchObject({
      displayName: 'Steady Finch 12',
      email: rich.email,
      role: 'member',
      hasPasskey: true,
      reviews: { total: 2, published: 1, pending: 1, notRecommended: 0, removed: 0 },
      claimedListings: 1,
    });
    expect(Number.isNaN(Date.parse(overview.memberSince))).toBe(false);
    const text = JSON.stringify(overview);
    expect(text).not.toContain(rich.token);
    expect(text).not.toContain(SECRET_ACCESS);
    expect((await failure(getAccountOverview(null))).code).toBe('unauthorized');
  });
});

describe('sessions', () => {
  it('lists only the viewer’s sessions and marks this one', async () => {
    const { member, viewer } = await signedInViewer();
    await createSessionToken(member.id, { method: 'passkey' });
    await createSessionToken(member.id, { expiresInSeconds: -60 });
    const stranger = await createMember();
    await createSessionToken(stranger.id);
    const list = await listSessions(viewer);
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([viewer.sessionId]);
    expect(list.map((s) => s.method).sort()).toEqual(['email', 'passkey']);
    expect(JSON.stringify(list)).not.toMatch(/sessionToken|[0-9a-f]{64}/);
  });

  it('ends the viewer’s own sessions only', async () => {
    const { member, viewer } = await signedInViewer();
    const otherDevice = await createSessionToken(member.id);
    const otherDeviceId = (await viewerOf(otherDevice)).sessionId;
    const stranger = await signedInViewer();

    expect(await endSession(viewer, stranger.viewer.sessionId)).toBe(false);
    expect(await getViewerForSession(database.db, stranger.token)).not.toBeNull();

    expect(await endSession(viewer, otherDeviceId)).toBe(true);
    expect(await getViewerForSession(database.db, otherDevice)).toBeNull();
    expect((await listSessions(viewer)).map((s) => s.id)).toEqual([viewer.sessionId]);
    expect(await endSession(viewer, otherDeviceId)).toBe(false);
    expect((await failure(endSession(null, viewer.sessionId))).code).toBe('unauthorized');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Export                                                                                      */
/* ------------------------------------------------------------------------------------------ */

describe('exportAccountData', () => {
  it('covers every foreign key to users(id), and every table whose rows hang off an owned row', async () => {
    const coverage = accountDataCoverage();
    const covers = (table: string, column: string, via: string | null) =>
      coverage.some((c) => c.table === table && c.ownerColumns.includes(column) && c.via === via);
    const owned = new Set(coverage.filter((c) => c.owned).map((c) => c.table));
    const fks = await foreignKeys();

    const toUsers = fks.filter((f) => f.ref_table === 'users');
    expect(toUsers.length).toBeGreaterThanOrEqual(7);
    const missing = toUsers
      .filter((f) => f.ref_column === 'id' && !covers(f.table_name, f.column_name, null))
      .map((f) => `${f.table_name}.${f.column_name}`);
    expect(missing, 'tables that reference users(id) but are not in the export').toEqual([]);

    const toOwned = fks.filter((f) => f.ref_table !== 'users' && owned.has(f.ref_table));
    expect(toOwned.map((f) => f.table_name)).toEqual(
      expect.arrayContaining(['review_follow_ups', 'review_versions']),
    );
    const missingOwned = toOwned
      .filter((f) => !covers(f.table_name, f.column_name, f.ref_table))
      .map((f) => `${f.table_name}.${f.column_name} -> ${f.ref_table}`);
    expect(missingOwned, 'tables whose rows belong to a member’s row, not exported').toEqual([]);
  });

  it('exports or names as withheld every column of each table it covers', async () => {
    for (const entry of accountDataCoverage()) {
      if (entry.partial) continue;
      const accounted = [
        ...new Set([...entry.exportedColumns, ...entry.withheldColumns, ...entry.ownerColumns]),
      ].sort();
      expect(accounted, `columns of ${entry.table}`).toEqual(await columnsOf(entry.table));
    }
  });

  it('holds every row that belongs to the member, and nobody else’s', async () => {
    const rich = await richMember({ word: 'exportword' });
    const data = await exportAccountData(rich.viewer);
    const json = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;

    // Row counts per section, against direct queries built from the database's own keys.
    for (const entry of accountDataCoverage()) {
      const owner = sql.join(
        entry.ownerColumns.map((c) =>
          entry.via
            ? sql`${sql.identifier(c)} in (select id from ${sql.identifier(entry.via)} where author_id = ${rich.member.id})`
            : sql`${sql.identifier(c)} = ${rich.member.id}`,
        ),
        sql` or `,
      );
      const [row] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(entry.table)} where ${owner}`,
      );
      const section = entry.section
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], json);
      const exported = Array.isArray(section) ? section.length : section ? 1 : 0;
      expect(exported, `rows of ${entry.table} in "${entry.section}"`).toBe(row!.n);
      expect(row!.n, `the fixture has rows in ${entry.table}`).toBeGreaterThan(0);
    }

    expect(data.user).toMatchObject({ id: rich.member.id, email: rich.email, role: 'member' });
    expect(data.reviews.map((r) => r.id).sort()).toEqual([...rich.reviewIds].sort());
    expect(data.reviews.map((r) => r.id)).not.toContain(rich.othersReviewId);
    expect(data.reviews[0]).toMatchObject({
      therapistSlug: rich.reviewed.therapist.slug,
      body: expect.stringContaining('exportword') as string,
    });
    expect(data.reviewFollowUps.map((f) => f.weeksAfter)).toEqual([2, 6]);
    expect(data.reviewVersions).toHaveLength(1);
    expect(data.sessions.map((s) => s.method).sort()).toEqual(['email', 'passkey']);
    expect(data.sessions.find((s) => s.current)?.id).toBe(rich.viewer.sessionId);
    expect(data.passkeys[0]).toMatchObject({ name: 'Work laptop' });
    expect(data.linkedAccounts[0]).toMatchObject({
      provider: 'github',
      scope: 'read:user user:email',
    });
    expect(data.claimedListings).toEqual([
      {
        id: rich.claimed.therapist.id,
        slug: rich.claimed.therapist.slug,
        name: rich.claimed.therapist.name,
      },
    ]);
    expect(data.auditLog.map((a) => [a.action, a.byYou, a.aboutYou])).toEqual([
      ['user.role_set', false, true],
      ['review.reported', true, false],
    ]);
    expect(data.withheld.linkedAccounts?.columns).toEqual(
      expect.arrayContaining(['access_token', 'refresh_token', 'id_token']),
    );
    expect(data.withheld.sessions?.columns).toEqual(['session_token']);

    const text = JSON.stringify(data);
    for (const secret of [
      SECRET_ACCESS,
      SECRET_REFRESH,
      SECRET_ID_TOKEN,
      rich.token,
      rich.passkeyToken,
      'not-exported',
      'client@example.org',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(rich.other.id);
    expect(text).not.toContain(rich.other.email);

    // Votes, reports and appeals: the member's own in full; others' on their reviews without
    // who or why (a report is confidential); no moderator named anywhere.
    expect(data.reviewVotes).toEqual([
      { reviewId: rich.othersReviewId, createdAt: expect.any(Date) as Date },
    ]);
    expect(data.votesOnYourReviews).toEqual([
      { reviewId: rich.reviewIds[0], createdAt: expect.any(Date) as Date },
    ]);
    expect(data.reviewReports).toEqual([
      {
        id: expect.any(Number) as number,
        reviewId: rich.othersReviewId,
        reason: 'off_topic',
        note: 'My own note exportword',
        createdAt: expect.any(Date) as Date,
        resolvedAt: null,
      },
    ]);
    expect(data.reportsOnYourReviews).toEqual([
      {
        id: expect.any(Number) as number,
        reviewId: rich.reviewIds[0],
        createdAt: expect.any(Date) as Date,
        resolvedAt: null,
      },
    ]);
    expect(text).not.toContain(CONFIDENTIAL_NOTE);
    expect(text).not.toContain('safety_concern');
    expect(data.withheld.reportsOnYourReviews?.columns).toEqual(
      expect.arrayContaining(['reporter_id', 'reason', 'note']),
    );
    expect(data.reviewAppeals).toEqual([
      expect.objectContaining({
        reviewId: rich.reviewIds[1],
        statement: 'Please look again: it describes my own sessions.',
        outcome: null,
      }),
    ]);
    expect(Object.keys(data.reviewAppeals[0]!)).not.toContain('originalModeratorId');
    expect(Object.keys(data.reviews[0]!)).not.toContain('moderatedById');
    expect(data.withheld.reviews?.columns).toEqual(['moderated_by_id']);
    const appeals = await database.db
      .select({ id: reviewAppeals.id, reviewId: reviewAppeals.reviewId })
      .from(reviewAppeals)
      .where(inArray(reviewAppeals.reviewId, [rich.othersReviewId, rich.thirdsReviewId]));
    const [resolved] = await database.db
      .select({ id: reviewReports.id })
      .from(reviewReports)
      .where(eq(reviewReports.resolvedById, rich.member.id));
    expect(data.moderationActs).toEqual({
      reviewsDecided: [rich.othersReviewId],
      reportsResolved: [resolved!.id],
      appealsAgainstYourDecisions: appeals
        .filter((a) => a.reviewId === rich.othersReviewId)
        .map((a) => a.id),
      appealsDecided: appeals.filter((a) => a.reviewId === rich.thirdsReviewId).map((a) => a.id),
      claimsDecided: (
        await database.db
          .select({ id: listingClaims.id })
          .from(listingClaims)
          .where(eq(listingClaims.decidedById, rich.member.id))
      ).map((c) => c.id),
      repliesDecided: (
        await database.db
          .select({ id: reviewReplies.id })
          .from(reviewReplies)
          .where(eq(reviewReplies.moderatedById, rich.member.id))
      ).map((r) => r.id),
    });
    expect(data.moderationActs.claimsDecided).toHaveLength(1);
    expect(data.moderationActs.repliesDecided).toHaveLength(1);
  });

  it('is for signed-in members only', async () => {
    expect((await failure(exportAccountData(null))).code).toBe('unauthorized');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Deletion                                                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('deleteAccount', () => {
  it('refuses a wrong confirmation, a missing choice or an extra field, and changes nothing', async () => {
    const rich = await richMember({ word: 'keepword' });
    const before = await rowsReferencingUser(rich.member.id);
    const [outboxBefore] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from search_outbox`,
    );

    const wrong = await failure(
      deleteAccount(rich.viewer, { reviews: 'delete', confirmEmail: rich.other.email }),
    );
    expect(wrong.code).toBe('validation');
    expect(fieldErrors(wrong).confirmEmail).toContain('not the email address of this account');

    const empty = await failure(
      deleteAccount(rich.viewer, { reviews: 'delete', confirmEmail: '' }),
    );
    expect(fieldErrors(empty).confirmEmail).toBe('Type your email address to confirm.');

    const noChoice = await failure(deleteAccount(rich.viewer, { confirmEmail: rich.email }));
    expect(fieldErrors(noChoice).reviews).toContain('Choose what happens to your reviews');

    const oddChoice = await failure(
      deleteAccount(rich.viewer, { reviews: 'hide', confirmEmail: rich.email }),
    );
    expect(fieldErrors(oddChoice).reviews).toContain('Choose what happens to your reviews');

    const extra = await failure(
      deleteAccount(rich.viewer, {
        reviews: 'delete',
        confirmEmail: rich.email,
        userId: rich.other.id,
      }),
    );
    expect(fieldErrors(extra).userId).toBe('This field cannot be changed here.');

    expect(
      (await failure(deleteAccount(null, { reviews: 'delete', confirmEmail: rich.email }))).code,
    ).toBe('unauthorized');

    expect(await rowsReferencingUser(rich.member.id)).toEqual(before);
    expect(await getViewerForSession(database.db, rich.token)).not.toBeNull();
    const [outboxAfter] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from search_outbox`,
    );
    expect(outboxAfter!.n).toBe(outboxBefore!.n);
  });

  it('with "delete": no row of the member is left, aggregates and search follow', async () => {
    const word = 'quillfeatherwort';
    const rich = await richMember({ word });
    await drainAll();
    expect(await searchSlugs({ q: word })).toContain(rich.reviewed.therapist.slug);
    const statsBefore = await stats(rich.reviewed.therapist.id);
    expect(statsBefore.reviewCount).toBe(2);
    expect(Object.values(await rowsReferencingUser(rich.member.id)).every((n) => n > 0)).toBe(true);

    const result = await deleteAccount(rich.viewer, {
      reviews: 'delete',
      confirmEmail: `  ${rich.email.toUpperCase()} `,
    });
    expect(result).toEqual({
      reviews: 'delete',
      reviewCount: 2,
      listingsReleased: 1,
      sessionsEnded: 2,
    });

    // The listing they asked for went; the client address of the unsent invitation is forgotten.
    const requestedLeft = await database.db
      .select({ id: therapists.id })
      .from(therapists)
      .where(eq(therapists.id, rich.requested.therapist.id));
    expect(requestedLeft).toEqual([]);
    const addresses = await database.db
      .select({ email: reviewInvitations.email })
      .from(reviewInvitations)
      .where(eq(reviewInvitations.therapistId, rich.claimed.therapist.id));
    expect(addresses).toEqual([{ email: null }]);

    // Every table that references users(id): nothing points at the member any more.
    const left = await rowsReferencingUser(rich.member.id);
    expect(Object.keys(left).length).toBeGreaterThanOrEqual(8);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    // Their reviews went, with their versions and follow-ups; the other member's stayed.
    const remaining = await database.db
      .select({ id: reviews.id })
      .from(reviews)
      .where(inArray(reviews.id, [...rich.reviewIds, rich.othersReviewId]));
    expect(remaining.map((r) => r.id)).toEqual([rich.othersReviewId]);
    for (const table of [
      'review_versions',
      'review_follow_ups',
      'review_appeals',
      'review_votes',
      'review_reports',
    ]) {
      const [row] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}
            where review_id in (${sql.join(
              rich.reviewIds.map((id) => sql`${id}::int`),
              sql`, `,
            )})`,
      );
      expect(row!.n, table).toBe(0);
    }
    // Their votes and reports went (a note may describe them); what they decided as a
    // moderator stayed, without a link to them.
    const [reportsLeft] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from review_reports where note like ${`%${word}%`}`,
    );
    expect(reportsLeft!.n).toBe(0);
    const votesLeft = await database.db
      .select({ reviewId: reviewVotes.reviewId })
      .from(reviewVotes)
      .where(eq(reviewVotes.reviewId, rich.othersReviewId));
    expect(votesLeft).toEqual([]);
    const [decided] = await database.db
      .select({ status: reviews.status, moderatedById: reviews.moderatedById })
      .from(reviews)
      .where(eq(reviews.id, rich.othersReviewId));
    expect(decided).toEqual({ status: 'published', moderatedById: null });
    const keptReports = await database.db
      .select({ reason: reviewReports.reason, resolvedById: reviewReports.resolvedById })
      .from(reviewReports)
      .where(eq(reviewReports.reviewId, rich.othersReviewId));
    expect(keptReports).toEqual([{ reason: 'fake', resolvedById: null }]);
    const keptAppeals = await database.db
      .select({
        reviewId: reviewAppeals.reviewId,
        originalModeratorId: reviewAppeals.originalModeratorId,
        decidedById: reviewAppeals.decidedById,
        outcome: reviewAppeals.outcome,
      })
      .from(reviewAppeals)
      .where(inArray(reviewAppeals.reviewId, [rich.othersReviewId, rich.thirdsReviewId]))
      .orderBy(reviewAppeals.reviewId);
    expect(keptAppeals).toEqual(
      [
        {
          reviewId: rich.othersReviewId,
          originalModeratorId: null,
          decidedById: null,
          outcome: null,
        },
        {
          reviewId: rich.thirdsReviewId,
          originalModeratorId: rich.other.id,
          decidedById: null,
          outcome: 'upheld',
        },
      ].sort((a, b) => a.reviewId - b.reviewId),
    );

    // Nothing else keeps their address either.
    const [mentions] = await selectRows<{ n: number }>(
      database.db,
      sql`select (select count(*) from verification_tokens where identifier = ${rich.email})
               + (select count(*) from dev_mailbox where "to" = ${rich.email})
               + (select count(*) from audit_log where detail::text like ${`%${rich.member.id}%`})::int as n`,
    );
    expect(Number(mentions!.n)).toBe(0);

    // Sessions ended on the server: the old cookies are refused.
    expect(await getViewerForSession(database.db, rich.token)).toBeNull();
    expect(await getViewerForSession(database.db, rich.passkeyToken)).toBeNull();
    expect(await getViewerForSession(database.db, rich.otherToken)).not.toBeNull();

    // Aggregates were recomputed in the same transaction.
    const statsAfter = await stats(rich.reviewed.therapist.id);
    expect(statsAfter.reviewCount).toBe(1);
    expect(statsAfter.ratingSum).toBeLessThan(statsBefore.ratingSum);
    expect((await stats(rich.second.therapist.id)).reviewCount).toBe(0);
    const [listing] = await database.db
      .select({ claimedBy: therapists.claimedByUserId })
      .from(therapists)
      .where(eq(therapists.id, rich.claimed.therapist.id));
    expect(listing?.claimedBy).toBeNull();
    const [audit] = await database.db
      .select({
        actorId: auditLog.actorId,
        subjectUserId: auditLog.subjectUserId,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .where(eq(auditLog.action, 'account.deleted'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit).toEqual({
      actorId: null,
      subjectUserId: null,
      detail: { reviews: 'delete', reviewCount: 2, listingsReleased: 1 },
    });

    // The search index follows through the outbox.
    await drainAll();
    expect(await searchSlugs({ q: word })).not.toContain(rich.reviewed.therapist.slug);
    const [document] = await database.db
      .select({ reviewCount: searchDocuments.reviewCount, reviewText: searchDocuments.reviewText })
      .from(searchDocuments)
      .where(eq(searchDocuments.therapistId, rich.reviewed.therapist.id));
    expect(document?.reviewCount).toBe(1);
    expect(document?.reviewText).not.toContain(word);
  });

  it('with "anonymise": the reviews stay without an author, every session ends', async () => {
    const word = 'brambleworthy';
    const member = await createMember({ displayName: 'Nimble Brook 5' });
    const token = await createSessionToken(member.id);
    const laptop = await createSessionToken(member.id);
    const viewer = await viewerOf(token);
    const only = await publishedTherapist();
    const { review, followUps } = await createReview(database.db, {
      authorId: member.id,
      therapistId: only.therapist.id,
      status: 'published',
      rating: 5,
      body: `The ${word} technique fixed my shoulder.`,
      followUps: [{ weeksAfter: 6, painNow: 1 }],
    });
    await database.db.insert(reviewVersions).values({
      reviewId: review.id,
      version: 1,
      snapshot: { authorId: member.id, body: 'Earlier text.' },
    });
    await recomputeTherapistStats(database.db, [only.therapist.id]);
    await drainAll();
    const statsBefore = await stats(only.therapist.id);

    const result = await deleteAccount(viewer, {
      reviews: 'anonymise',
      confirmEmail: member.email,
    });
    expect(result).toMatchObject({ reviews: 'anonymise', reviewCount: 1, sessionsEnded: 2 });

    const [kept] = await database.db.select().from(reviews).where(eq(reviews.id, review.id));
    expect(kept).toMatchObject({
      authorId: null,
      body: review.body,
      rating: review.rating,
      painBefore: review.painBefore,
      painNow: review.painNow,
      status: 'published',
    });
    const [version] = await database.db
      .select({ snapshot: reviewVersions.snapshot })
      .from(reviewVersions)
      .where(eq(reviewVersions.reviewId, review.id));
    expect(version?.snapshot).toEqual({ body: 'Earlier text.' });
    const [followUp] = await selectRows<{ id: number }>(
      database.db,
      sql`select id from review_follow_ups where review_id = ${review.id}`,
    );
    expect(followUp?.id).toBe(followUps[0]!.id);
    expect(Object.entries(await rowsReferencingUser(member.id)).filter(([, n]) => n > 0)).toEqual(
      [],
    );
    expect(await getViewerForSession(database.db, token)).toBeNull();
    expect(await getViewerForSession(database.db, laptop)).toBeNull();
    expect(await stats(only.therapist.id)).toEqual(statsBefore);

    const page = await listTherapistReviews(only.therapist.id, { page: 1 });
    expect(page.items.map((r) => [r.id, r.authorName])).toEqual([[review.id, 'Former member']]);

    await drainAll();
    expect(await searchSlugs({ q: word })).toContain(only.therapist.slug);
    const [document] = await database.db
      .select({ topReview: searchDocuments.topReview })
      .from(searchDocuments)
      .where(eq(searchDocuments.therapistId, only.therapist.id));
    expect(document?.topReview?.authorName).toBe('Former member');
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, member.id));
    expect(user).toBeUndefined();
    const [session] = await database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, member.id));
    expect(session).toBeUndefined();
  });
});
