/**
 * Moderation: reports, the queue, decisions, appeals and the audit log (TRUST 9, 10, 13, 17, 19).
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  auditLog,
  rateLimitBuckets,
  reviewAppeals,
  reviewReports,
  reviews,
  therapistStats,
  therapists,
  users,
  type ReviewStatus,
} from '@/db/schema';
import { exportAccountData } from '@/lib/account/mutations';
import type { Viewer } from '@/lib/auth/viewer';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { appealDecision, decideAppeal, getAppealContext } from '@/lib/moderation/appeals';
import { auditFilterInput, listAuditEntries } from '@/lib/moderation/audit';
import { decideReview, listModerationQueue, pendingBacklog } from '@/lib/moderation/queue';
import {
  MODERATION_REASON_OPTIONS,
  MODERATION_REASONS,
  REPORT_REASON_OPTIONS,
  reasonsFor,
  statusReasonLabel,
} from '@/lib/moderation/reasons';
import { reportReview } from '@/lib/moderation/reports';
import { createReview as createWrittenReview } from '@/lib/reviews/mutations';
import { REPORT_REASONS } from '@/db/schema';
import { createReview, createTherapist, type CreatedTherapist } from '../factories';
import {
  confirmedViewer,
  createMember,
  signedInViewer,
  type SignedInMember,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure, fieldErrors } from '../support/errors';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

afterEach(() => {
  delete process.env.RATE_LIMIT_REPORTS_PER_HOUR;
});

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const moderator = (name?: string) =>
  confirmedViewer('moderator', name ? { displayName: name } : {});

/** A new member's id, to write a review as. */
const newAuthor = async () => (await createMember()).id;

async function publishedTherapist(): Promise<CreatedTherapist> {
  return createTherapist(database.db, { status: 'published', locations: [{ endsOn: null }] });
}

async function review(
  therapistId: number,
  authorId: string,
  status: ReviewStatus,
  extra: Partial<Omit<typeof reviews.$inferInsert, 'authorId' | 'therapistId' | 'status'>> = {},
) {
  const created = await createReview(database.db, {
    statusReason: status === 'published' ? null : (extra.statusReason ?? 'new_account'),
    ...extra,
    authorId,
    therapistId,
    status,
  });
  await recomputeTherapistStats(database.db, [therapistId]);
  return created.review;
}

async function reviewRow(id: number) {
  const [row] = await database.db
    .select({
      status: reviews.status,
      statusReason: reviews.statusReason,
      publishedAt: reviews.publishedAt,
      moderatedById: reviews.moderatedById,
      moderatedAt: reviews.moderatedAt,
    })
    .from(reviews)
    .where(eq(reviews.id, id));
  if (!row) throw new Error(`review ${id} is gone`);
  return row;
}

async function auditRows(reviewId: number) {
  return database.db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      subjectUserId: auditLog.subjectUserId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(sql`${auditLog.detail}->>'reviewId' = ${String(reviewId)}`)
    .orderBy(auditLog.id);
}

async function auditTotal(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

async function stats(therapistId: number) {
  const [row] = await database.db
    .select({
      reviewCount: therapistStats.reviewCount,
      ratingSum: therapistStats.ratingSum,
      starCounts: therapistStats.starCounts,
      pendingCount: therapistStats.pendingCount,
      notRecommendedCount: therapistStats.notRecommendedCount,
    })
    .from(therapistStats)
    .where(eq(therapistStats.therapistId, therapistId));
  if (!row) throw new Error(`no stats for ${therapistId}`);
  return row;
}

async function openReports(reviewId: number): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(reviewReports)
    .where(and(eq(reviewReports.reviewId, reviewId), sql`${reviewReports.resolvedAt} is null`));
  return row?.n ?? 0;
}

/* ------------------------------------------------------------------------------------------ */
/* TRUST 9: role x action x owner/non-owner                                                    */
/* ------------------------------------------------------------------------------------------ */

const ACTIONS = [
  'report',
  'decide: approve',
  'decide: not recommended',
  'decide: remove',
  'appeal',
  'decide the appeal',
] as const;
type Action = (typeof ACTIONS)[number];
type Expected = 'ok' | AppErrorCode;

const ROLES = [
  'signed out',
  'member',
  'author',
  'author who is a moderator',
  'other member',
  'therapist who holds the listing',
  'moderator without passkey',
  'moderator with passkey, not confirmed',
  'original moderator',
  'moderator with passkey confirmed',
  'admin confirmed',
] as const;
type Role = (typeof ROLES)[number];

/** Rows: who; columns: what they try, on a review of the listing (written by "author"). */
const MATRIX: Record<Role, Record<Action, Expected>> = {
  'signed out': {
    report: 'unauthorized',
    'decide: approve': 'unauthorized',
    'decide: not recommended': 'unauthorized',
    'decide: remove': 'unauthorized',
    appeal: 'unauthorized',
    'decide the appeal': 'unauthorized',
  },
  member: {
    report: 'ok',
    'decide: approve': 'forbidden',
    'decide: not recommended': 'forbidden',
    'decide: remove': 'forbidden',
    appeal: 'forbidden',
    'decide the appeal': 'forbidden',
  },
  author: {
    report: 'forbidden',
    'decide: approve': 'forbidden',
    'decide: not recommended': 'forbidden',
    'decide: remove': 'forbidden',
    appeal: 'ok',
    'decide the appeal': 'forbidden',
  },
  'author who is a moderator': {
    report: 'forbidden',
    'decide: approve': 'forbidden',
    'decide: not recommended': 'forbidden',
    'decide: remove': 'forbidden',
    appeal: 'ok',
    'decide the appeal': 'forbidden',
  },
  'other member': {
    report: 'ok',
    'decide: approve': 'forbidden',
    'decide: not recommended': 'forbidden',
    'decide: remove': 'forbidden',
    appeal: 'forbidden',
    'decide the appeal': 'forbidden',
  },
  'therapist who holds the listing': {
    report: 'ok',
    'decide: approve': 'forbidden',
    'decide: not recommended': 'forbidden',
    'decide: remove': 'forbidden',
    appeal: 'forbidden',
    'decide the appeal': 'forbidden',
  },
  'moderator without passkey': {
    report: 'ok',
    'decide: approve': 'second_factor',
    'decide: not recommended': 'second_factor',
    'decide: remove': 'second_factor',
    appeal: 'forbidden',
    'decide the appeal': 'second_factor',
  },
  'moderator with passkey, not confirmed': {
    report: 'ok',
    'decide: approve': 'second_factor',
    'decide: not recommended': 'second_factor',
    'decide: remove': 'second_factor',
    appeal: 'forbidden',
    'decide the appeal': 'second_factor',
  },
  'original moderator': {
    report: 'ok',
    'decide: approve': 'ok',
    'decide: not recommended': 'ok',
    'decide: remove': 'ok',
    appeal: 'forbidden',
    'decide the appeal': 'forbidden',
  },
  'moderator with passkey confirmed': {
    report: 'ok',
    'decide: approve': 'ok',
    'decide: not recommended': 'ok',
    'decide: remove': 'ok',
    appeal: 'forbidden',
    'decide the appeal': 'ok',
  },
  'admin confirmed': {
    report: 'ok',
    'decide: approve': 'ok',
    'decide: not recommended': 'ok',
    'decide: remove': 'ok',
    appeal: 'forbidden',
    'decide the appeal': 'ok',
  },
};

describe('who may do what (TRUST 9)', () => {
  let listing: CreatedTherapist;
  const people = {} as Record<
    Exclude<Role, 'signed out' | 'author' | 'author who is a moderator'>,
    SignedInMember
  >;

  beforeAll(async () => {
    listing = await publishedTherapist();
    people.member = await signedInViewer();
    people['other member'] = await signedInViewer();
    await review(listing.therapist.id, people['other member'].member.id, 'published');
    people['therapist who holds the listing'] = await confirmedViewer('therapist');
    await database.db
      .update(therapists)
      .set({ claimedByUserId: people['therapist who holds the listing'].member.id })
      .where(eq(therapists.id, listing.therapist.id));
    people['moderator without passkey'] = await signedInViewer(
      { role: 'moderator' },
      { method: 'passkey', secondFactor: true },
    );
    people['moderator with passkey, not confirmed'] = await signedInViewer(
      { role: 'moderator' },
      { passkey: true },
    );
    people['original moderator'] = await moderator();
    people['moderator with passkey confirmed'] = await moderator();
    people['admin confirmed'] = await confirmedViewer('admin');
  });

  /** A fresh review for one cell, in the state the action needs, by a fresh author. */
  async function scene(action: Action, role: Role) {
    const author =
      role === 'author who is a moderator' ? await moderator() : await signedInViewer();
    const original = people['original moderator'].member.id;
    const status: ReviewStatus =
      action === 'report' ? 'published' : action.startsWith('decide:') ? 'pending' : 'removed';
    const written = await review(listing.therapist.id, author.member.id, status, {
      ...(status === 'removed'
        ? { statusReason: 'spam', moderatedById: original, moderatedAt: new Date() }
        : {}),
    });
    let appealId = 0;
    if (action === 'decide the appeal') {
      const [appeal] = await database.db
        .insert(reviewAppeals)
        .values({
          reviewId: written.id,
          statement: 'It was my own experience.',
          originalModeratorId: original,
        })
        .returning({ id: reviewAppeals.id });
      appealId = appeal!.id;
    }
    const viewer: Viewer | null =
      role === 'signed out'
        ? null
        : role === 'author' || role === 'author who is a moderator'
          ? author.viewer
          : people[role].viewer;
    return { author, review: written, appealId, viewer };
  }

  function attempt(action: Action, viewer: Viewer | null, reviewId: number, appealId: number) {
    switch (action) {
      case 'report':
        return reportReview(viewer, reviewId, { reason: 'off_topic', note: '' });
      case 'decide: approve':
        return decideReview(viewer, reviewId, { decision: 'approve', reason: 'meets_guidelines' });
      case 'decide: not recommended':
        return decideReview(viewer, reviewId, { decision: 'not_recommended', reason: 'off_topic' });
      case 'decide: remove':
        return decideReview(viewer, reviewId, { decision: 'remove', reason: 'spam' });
      case 'appeal':
        return appealDecision(viewer, reviewId, { statement: 'Please look again.' });
      case 'decide the appeal':
        return decideAppeal(viewer, appealId, {
          outcome: 'overturned',
          reason: 'meets_guidelines',
        });
    }
  }

  const STATUS_AFTER: Partial<Record<Action, ReviewStatus>> = {
    'decide: approve': 'published',
    'decide: not recommended': 'not_recommended',
    'decide: remove': 'removed',
    'decide the appeal': 'published',
  };

  const cases = ROLES.flatMap((role) =>
    ACTIONS.map((action) => [role, action, MATRIX[role][action]] as const),
  );

  it('covers every role and action', () => {
    expect(cases).toHaveLength(ROLES.length * ACTIONS.length);
  });

  it.each(cases)('%s, %s: %s', async (role, action, expected) => {
    const { review: target, appealId, viewer } = await scene(action, role);
    const before = await reviewRow(target.id);
    const auditBefore = await auditTotal();

    if (expected !== 'ok') {
      const error = await failure(attempt(action, viewer, target.id, appealId));
      expect(error.code).toBe(expected);
      // Nothing changed: the review, its reports and appeals, the audit log.
      expect(await reviewRow(target.id)).toEqual(before);
      expect(await auditTotal()).toBe(auditBefore);
      const reports = await database.db
        .select({ id: reviewReports.id })
        .from(reviewReports)
        .where(eq(reviewReports.reviewId, target.id));
      expect(reports).toEqual([]);
      const appeals = await database.db
        .select({ decidedAt: reviewAppeals.decidedAt })
        .from(reviewAppeals)
        .where(eq(reviewAppeals.reviewId, target.id));
      expect(appeals.every((a) => a.decidedAt === null)).toBe(true);
      expect(appeals.length).toBe(action === 'decide the appeal' ? 1 : 0);
      return;
    }

    await attempt(action, viewer, target.id, appealId);
    expect(viewer).not.toBeNull();
    const actorId = viewer!.userId;
    const after = await reviewRow(target.id);
    if (action === 'report') {
      const [report] = await database.db
        .select({ reporterId: reviewReports.reporterId, reason: reviewReports.reason })
        .from(reviewReports)
        .where(eq(reviewReports.reviewId, target.id));
      expect(report).toEqual({ reporterId: actorId, reason: 'off_topic' });
      expect(after).toEqual(before);
    } else if (action === 'appeal') {
      const [appeal] = await database.db
        .select({
          statement: reviewAppeals.statement,
          originalModeratorId: reviewAppeals.originalModeratorId,
        })
        .from(reviewAppeals)
        .where(eq(reviewAppeals.reviewId, target.id));
      expect(appeal).toEqual({
        statement: 'Please look again.',
        originalModeratorId: people['original moderator'].member.id,
      });
      expect(after).toEqual(before);
    } else {
      expect(after.status).toBe(STATUS_AFTER[action]);
      expect(after.moderatedById).toBe(actorId);
    }
    expect(await auditTotal()).toBe(auditBefore + 1);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Ids and input from forms                                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('ids and fields from forms are never trusted (TRUST 9, 10, 13)', () => {
  let listing: CreatedTherapist;
  let mod: SignedInMember;
  let author: SignedInMember;
  let stranger: SignedInMember;

  beforeAll(async () => {
    listing = await publishedTherapist();
    mod = await moderator();
    author = await signedInViewer();
    stranger = await signedInViewer();
  });

  it('refuses ids that do not exist', async () => {
    const missing = 2_000_000_000;
    expect(
      (await failure(decideReview(mod.viewer, missing, { decision: 'remove', reason: 'spam' })))
        .code,
    ).toBe('not_found');
    expect(
      (await failure(decideAppeal(mod.viewer, missing, { outcome: 'upheld', reason: 'spam' })))
        .code,
    ).toBe('not_found');
    expect((await failure(reportReview(stranger.viewer, missing, { reason: 'fake' }))).code).toBe(
      'not_found',
    );
    expect(
      (await failure(appealDecision(author.viewer, missing, { statement: 'Why?' }))).code,
    ).toBe('not_found');
    expect((await failure(getAppealContext(author.viewer, missing))).code).toBe('not_found');
  });

  it('refuses an appeal for, or a look at, someone else’s review', async () => {
    const removed = await review(listing.therapist.id, author.member.id, 'removed', {
      statusReason: 'spam',
      moderatedById: mod.member.id,
    });
    const error = await failure(
      appealDecision(stranger.viewer, removed.id, { statement: 'Let it back.' }),
    );
    expect(error.code).toBe('forbidden');
    expect((await failure(getAppealContext(stranger.viewer, removed.id))).code).toBe('forbidden');
    expect((await failure(getAppealContext(null, removed.id))).code).toBe('unauthorized');
    const appeals = await database.db
      .select({ id: reviewAppeals.id })
      .from(reviewAppeals)
      .where(eq(reviewAppeals.reviewId, removed.id));
    expect(appeals).toEqual([]);
  });

  it('refuses extra fields, unknown reasons and reasons that do not fit the decision', async () => {
    const pending = await review(listing.therapist.id, await newAuthor(), 'pending');
    const before = await reviewRow(pending.id);
    const auditBefore = await auditTotal();
    const cases: [unknown, string, string][] = [
      [
        { decision: 'approve', reason: 'meets_guidelines', status: 'published' },
        'status',
        'This field cannot be changed here.',
      ],
      [
        { decision: 'remove', reason: 'spam', moderatedById: stranger.member.id },
        'moderatedById',
        'This field cannot be changed here.',
      ],
      [{ decision: 'approve', reason: 'off_topic' }, 'reason', 'Meets the guidelines'],
      [{ decision: 'remove', reason: 'meets_guidelines' }, 'reason', 'does not meet'],
      [{ decision: 'remove', reason: 'low_rating' }, 'reason', 'from the list'],
      [{ decision: 'hide', reason: 'spam' }, 'decision', 'Choose publish'],
      [{ reason: 'spam' }, 'decision', 'Choose publish'],
    ];
    for (const [input, field, message] of cases) {
      const error = await failure(decideReview(mod.viewer, pending.id, input));
      expect(error.code, JSON.stringify(input)).toBe('validation');
      expect(fieldErrors(error)[field], JSON.stringify(input)).toContain(message);
    }
    expect(await reviewRow(pending.id)).toEqual(before);
    expect(await auditTotal()).toBe(auditBefore);
  });

  it('checks reports, appeals and appeal decisions the same way', async () => {
    const published = await review(listing.therapist.id, await newAuthor(), 'published');
    const reporter = await signedInViewer();
    const tooLong = 'x'.repeat(1001);
    for (const [input, field] of [
      [{ reason: 'fake', note: tooLong }, 'note'],
      [{ reason: 'bad_rating' }, 'reason'],
      [{}, 'reason'],
      [{ reason: 'fake', reporterId: stranger.member.id }, 'reporterId'],
    ] as const) {
      const error = await failure(reportReview(reporter.viewer, published.id, input));
      expect(error.code).toBe('validation');
      expect(Object.keys(fieldErrors(error))).toContain(field);
    }
    expect(await openReports(published.id)).toBe(0);

    const writer = await signedInViewer();
    const removed = await review(listing.therapist.id, writer.member.id, 'not_recommended', {
      statusReason: 'off_topic',
      moderatedById: mod.member.id,
    });
    for (const statement of ['', '   \u0007 ', 'y'.repeat(2001)]) {
      const error = await failure(appealDecision(writer.viewer, removed.id, { statement }));
      expect(error.code).toBe('validation');
      expect(Object.keys(fieldErrors(error))).toEqual(['statement']);
    }
    const extra = await failure(
      appealDecision(writer.viewer, removed.id, { statement: 'Fine.', reviewId: 1 }),
    );
    expect(fieldErrors(extra).reviewId).toBe('This field cannot be changed here.');
    const [appeal] = await database.db
      .insert(reviewAppeals)
      .values({ reviewId: removed.id, statement: 'Mine.', originalModeratorId: mod.member.id })
      .returning({ id: reviewAppeals.id });
    const other = await moderator();
    for (const input of [
      { outcome: 'upheld', reason: 'meets_guidelines' },
      { outcome: 'overturned', reason: 'spam' },
      { outcome: 'maybe', reason: 'spam' },
      { outcome: 'upheld', reason: 'spam', decidedById: other.member.id },
    ]) {
      const error = await failure(decideAppeal(other.viewer, appeal!.id, input));
      expect(error.code, JSON.stringify(input)).toBe('validation');
    }
    expect((await reviewRow(removed.id)).status).toBe('not_recommended');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Reports                                                                                     */
/* ------------------------------------------------------------------------------------------ */

describe('reportReview', () => {
  let listing: CreatedTherapist;

  beforeAll(async () => {
    listing = await publishedTherapist();
  });

  it('takes one report per member and review; a second one changes nothing and says so', async () => {
    const target = await review(listing.therapist.id, await newAuthor(), 'published');
    const reporter = await signedInViewer();
    expect(
      await reportReview(reporter.viewer, target.id, { reason: 'fake', note: '  Odd.\u0000 ' }),
    ).toEqual({ reported: true, held: false });
    expect(
      await reportReview(reporter.viewer, target.id, { reason: 'offensive', note: 'Again' }),
    ).toEqual({ reported: false, held: false });
    const rows = await database.db
      .select({ reason: reviewReports.reason, note: reviewReports.note })
      .from(reviewReports)
      .where(eq(reviewReports.reviewId, target.id));
    expect(rows).toEqual([{ reason: 'fake', note: 'Odd.' }]);
    const logged = (await auditRows(target.id)).map((r) => [r.action, r.actorId, r.detail.reason]);
    expect(logged).toEqual([['review.reported', reporter.member.id, 'fake']]);
  });

  it('takes reports on published and not recommended reviews only', async () => {
    const reporter = await signedInViewer();
    for (const status of ['pending', 'removed'] as const) {
      const target = await review(listing.therapist.id, await newAuthor(), status);
      const error = await failure(reportReview(reporter.viewer, target.id, { reason: 'fake' }));
      expect(error.code).toBe('not_found');
    }
    const hidden = await review(listing.therapist.id, await newAuthor(), 'not_recommended');
    expect(await reportReview(reporter.viewer, hidden.id, { reason: 'fake' })).toEqual({
      reported: true,
      held: false,
    });
  });

  it('is rate limited per account, with the time to wait', async () => {
    process.env.RATE_LIMIT_REPORTS_PER_HOUR = '2';
    const reporter = await signedInViewer();
    const targets = await Promise.all(
      [0, 1, 2].map(async () => review(listing.therapist.id, await newAuthor(), 'published')),
    );
    await reportReview(reporter.viewer, targets[0]!.id, { reason: 'fake' });
    await reportReview(reporter.viewer, targets[1]!.id, { reason: 'fake' });
    const error = await failure(reportReview(reporter.viewer, targets[2]!.id, { reason: 'fake' }));
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.retryAfter).toBeLessThanOrEqual(3600);
    expect(await openReports(targets[2]!.id)).toBe(0);
    // Another account is not held back.
    await reportReview((await signedInViewer()).viewer, targets[2]!.id, { reason: 'fake' });
    const [bucket] = await database.db
      .select({ hits: rateLimitBuckets.hits })
      .from(rateLimitBuckets)
      .where(eq(rateLimitBuckets.key, `reports:${reporter.member.id}`));
    expect(bucket?.hits).toBe(3);
  });

  it('does not hide a review by itself: three open reports from different members hold it', async () => {
    const author = await signedInViewer();
    const target = await review(listing.therapist.id, author.member.id, 'published');
    const statsBefore = await stats(listing.therapist.id);
    const [first, second, third] = [
      await signedInViewer(),
      await signedInViewer(),
      await signedInViewer(),
    ];

    expect(await reportReview(first.viewer, target.id, { reason: 'fake' })).toEqual({
      reported: true,
      held: false,
    });
    // The same member again counts once.
    await reportReview(first.viewer, target.id, { reason: 'offensive' });
    expect(await reportReview(second.viewer, target.id, { reason: 'incentivised' })).toEqual({
      reported: true,
      held: false,
    });
    expect((await reviewRow(target.id)).status).toBe('published');
    expect(await stats(listing.therapist.id)).toEqual(statsBefore);

    expect(await reportReview(third.viewer, target.id, { reason: 'off_topic' })).toEqual({
      reported: true,
      held: true,
    });
    const held = await reviewRow(target.id);
    expect(held).toMatchObject({ status: 'pending', statusReason: 'reported' });
    expect(held.publishedAt).not.toBeNull();
    const after = await stats(listing.therapist.id);
    expect(after.reviewCount).toBe(statsBefore.reviewCount - 1);
    expect(after.ratingSum).toBe(statsBefore.ratingSum - target.rating);
    expect(after.pendingCount).toBe(statsBefore.pendingCount + 1);
    const holds = (await auditRows(target.id)).filter((r) => r.action === 'review.held');
    expect(holds).toEqual([
      {
        action: 'review.held',
        actorId: null,
        subjectUserId: author.member.id,
        detail: {
          reviewId: target.id,
          reason: 'reported',
          previousStatus: 'published',
          openReports: 3,
        },
      },
    ]);
    expect(statusReasonLabel('reported')).toContain('Reported by several readers');
  });

  it('holds a review once when reports arrive at the same moment, and a double submit makes one report', async () => {
    const target = await review(listing.therapist.id, await newAuthor(), 'published');
    const reporters = await Promise.all([1, 2, 3, 4].map(() => signedInViewer()));
    const outcomes = await Promise.allSettled(
      reporters.map((r) => reportReview(r.viewer, target.id, { reason: 'fake' })),
    );
    const taken = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(taken).toHaveLength(3);
    expect(taken.filter((o) => o.held)).toHaveLength(1);
    // The fourth comes after the hold: the review is no longer shown, so there is nothing to report.
    const refused = outcomes.flatMap((o): unknown[] => (o.status === 'rejected' ? [o.reason] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    expect((refused[0] as AppError).code).toBe('not_found');
    expect((refused[0] as AppError).message).toContain('already with a moderator');
    expect((await reviewRow(target.id)).status).toBe('pending');
    expect(await openReports(target.id)).toBe(3);
    const holds = (await auditRows(target.id)).filter((r) => r.action === 'review.held');
    expect(holds).toHaveLength(1);

    const other = await review(listing.therapist.id, await newAuthor(), 'published');
    const twice = await signedInViewer();
    const both = await Promise.all([
      reportReview(twice.viewer, other.id, { reason: 'fake' }),
      reportReview(twice.viewer, other.id, { reason: 'fake' }),
    ]);
    expect(both.map((o) => o.reported).sort()).toEqual([false, true]);
    expect(await openReports(other.id)).toBe(1);
  });

  it('leaves a not recommended review as it is, whatever the number of reports', async () => {
    const target = await review(listing.therapist.id, await newAuthor(), 'not_recommended', {
      statusReason: 'off_topic',
    });
    for (let i = 0; i < 4; i += 1) {
      expect(
        (await reportReview((await signedInViewer()).viewer, target.id, { reason: 'fake' })).held,
      ).toBe(false);
    }
    expect((await reviewRow(target.id)).status).toBe('not_recommended');
  });

  it('counts only open reports towards a hold', async () => {
    const target = await review(listing.therapist.id, await newAuthor(), 'published');
    const mod = await moderator();
    await reportReview((await signedInViewer()).viewer, target.id, { reason: 'fake' });
    await reportReview((await signedInViewer()).viewer, target.id, { reason: 'fake' });
    await decideReview(mod.viewer, target.id, { decision: 'approve', reason: 'meets_guidelines' });
    expect(await openReports(target.id)).toBe(0);
    const outcome = await reportReview((await signedInViewer()).viewer, target.id, {
      reason: 'fake',
    });
    expect(outcome.held).toBe(false);
    expect((await reviewRow(target.id)).status).toBe('published');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The queue                                                                                   */
/* ------------------------------------------------------------------------------------------ */

describe('listModerationQueue', () => {
  it('needs a moderator with a passkey confirmed in this session', async () => {
    expect((await failure(listModerationQueue(null))).code).toBe('unauthorized');
    expect((await failure(listModerationQueue((await signedInViewer()).viewer))).code).toBe(
      'forbidden',
    );
    const noKey = await failure(
      listModerationQueue((await signedInViewer({ role: 'moderator' })).viewer),
    );
    expect(noKey.code).toBe('second_factor');
    expect(noKey.message).toContain('Add a passkey');
    const unconfirmed = await failure(
      listModerationQueue((await signedInViewer({ role: 'moderator' }, { passkey: true })).viewer),
    );
    expect(unconfirmed.code).toBe('second_factor');
    expect(unconfirmed.message).toContain('Confirm it is you');
    const admin = await confirmedViewer('admin');
    expect((await listModerationQueue(admin.viewer)).counts).toBeDefined();
  });

  it('lists safety concerns first, then pending reviews oldest first with their age and reason, then reported ones, then appeals', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator();
    const hour = 3_600_000;
    const now = Date.now();
    const oldest = await review(listing.therapist.id, await newAuthor(), 'pending', {
      statusReason: 'contact_details',
      createdAt: new Date(now - 400 * hour),
    });
    const newer = await review(listing.therapist.id, await newAuthor(), 'pending', {
      statusReason: 'new_account',
      createdAt: new Date(now - 30 * hour),
    });
    const reportedAuthor = await signedInViewer();
    const reported = await review(listing.therapist.id, reportedAuthor.member.id, 'published');
    const unsafe = await review(listing.therapist.id, await newAuthor(), 'published');
    const [reporterA, reporterB] = [
      await signedInViewer({ displayName: 'Distinctive Reporter Name' }),
      await signedInViewer(),
    ];
    await reportReview(reporterA.viewer, reported.id, { reason: 'offensive', note: 'Rude words.' });
    await reportReview(reporterB.viewer, reported.id, { reason: 'offensive' });
    await reportReview(reporterA.viewer, unsafe.id, {
      reason: 'safety_concern',
      note: 'Confidential: touched without consent.',
    });
    const removed = await review(listing.therapist.id, await newAuthor(), 'removed', {
      statusReason: 'spam',
      moderatedById: mod.member.id,
    });
    const [appeal] = await database.db
      .insert(reviewAppeals)
      .values({ reviewId: removed.id, statement: 'Not spam.', originalModeratorId: mod.member.id })
      .returning({ id: reviewAppeals.id });

    const queue = await listModerationQueue(mod.viewer);
    expect(queue.safety[0]).toMatchObject({
      id: unsafe.id,
      reports: {
        open: 1,
        safetyConcern: true,
        reasons: [{ reason: 'safety_concern', count: 1 }],
        notes: [{ reason: 'safety_concern', note: 'Confidential: touched without consent.' }],
      },
    });
    const pendingIds = queue.pending.map((p) => p.id);
    expect(pendingIds.indexOf(oldest.id)).toBeLessThan(pendingIds.indexOf(newer.id));
    const ages = queue.pending.map((p) => p.waitingHours);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    const first = queue.pending.find((p) => p.id === oldest.id)!;
    expect(first.statusReason).toBe('contact_details');
    // A pending review's reason reads as the risk check wrote it.
    expect(first.statusReasonText).toMatch(/phone number/);
    expect(first.waitingHours).toBeGreaterThanOrEqual(399.9);
    expect(first.waitingHours).toBeLessThan(401);
    expect(first.therapist).toEqual({ slug: listing.therapist.slug, name: listing.therapist.name });
    expect(queue.oldestPendingHours).toBeGreaterThanOrEqual(399.9);
    expect(queue.oldestPendingHours).toBe((await pendingBacklog()).oldestPendingHours);
    expect(queue.counts.pending).toBe((await pendingBacklog()).pending);

    expect(queue.reported.find((r) => r.id === reported.id)).toMatchObject({
      status: 'published',
      reports: {
        open: 2,
        safetyConcern: false,
        reasons: [{ reason: 'offensive', count: 2 }],
        notes: [{ reason: 'offensive', note: 'Rude words.' }],
      },
    });
    expect(queue.pending.map((p) => p.id)).not.toContain(unsafe.id);
    expect(queue.appeals.find((a) => a.id === appeal!.id)).toMatchObject({
      reviewId: removed.id,
      statement: 'Not spam.',
      originalDecisionIsYours: true,
      review: { status: 'removed', statusReason: 'spam', statusReasonText: 'Spam or advertising' },
    });
    const another = await moderator();
    expect(
      (await listModerationQueue(another.viewer)).appeals.find((a) => a.id === appeal!.id)
        ?.originalDecisionIsYours,
    ).toBe(false);

    // Reporters are never named: not their id, address or public name.
    const text = JSON.stringify(queue);
    for (const reporter of [reporterA, reporterB]) {
      expect(text).not.toContain(reporter.member.id);
      expect(text).not.toContain(reporter.member.email);
    }
    expect(text).not.toContain('Distinctive Reporter Name');
    expect(text).not.toMatch(/"rating"/);
  });

  it('keeps a safety concern and its note out of the author’s export', async () => {
    const listing = await publishedTherapist();
    const author = await signedInViewer();
    const target = await review(listing.therapist.id, author.member.id, 'published');
    const note = `Confidential ${randomBytes(6).toString('hex')}`;
    await reportReview((await signedInViewer()).viewer, target.id, {
      reason: 'safety_concern',
      note,
    });
    const data = JSON.stringify(await exportAccountData(author.viewer));
    expect(data).toContain(String(target.id));
    expect(data).not.toContain(note);
    expect(data).not.toContain('safety_concern');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Decisions                                                                                   */
/* ------------------------------------------------------------------------------------------ */

describe('decideReview', () => {
  it('writes status, reason, dates and decider, resolves reports, recomputes aggregates and logs once, in one go', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator();
    const author = await signedInViewer();
    const target = await review(listing.therapist.id, author.member.id, 'pending', {
      statusReason: 'new_account',
      rating: 4,
    });
    const before = await stats(listing.therapist.id);
    expect(before.pendingCount).toBe(1);

    const approved = await decideReview(mod.viewer, target.id, {
      decision: 'approve',
      reason: 'meets_guidelines',
    });
    expect(approved).toEqual({
      reviewId: target.id,
      status: 'published',
      previousStatus: 'pending',
      reason: 'meets_guidelines',
      reportsResolved: 0,
    });
    const published = await reviewRow(target.id);
    expect(published).toMatchObject({
      status: 'published',
      statusReason: null,
      moderatedById: mod.member.id,
    });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(published.moderatedAt).toBeInstanceOf(Date);
    expect(await stats(listing.therapist.id)).toMatchObject({
      reviewCount: before.reviewCount + 1,
      ratingSum: before.ratingSum + 4,
      pendingCount: 0,
    });

    // Reported, then not recommended: the reports are resolved, the aggregates follow.
    const reporters = [await signedInViewer(), await signedInViewer()];
    for (const r of reporters) await reportReview(r.viewer, target.id, { reason: 'incentivised' });
    const second = await moderator();
    const outcome = await decideReview(second.viewer, target.id, {
      decision: 'not_recommended',
      reason: 'incentivised',
    });
    expect(outcome.reportsResolved).toBe(2);
    const hidden = await reviewRow(target.id);
    expect(hidden).toMatchObject({
      status: 'not_recommended',
      statusReason: 'incentivised',
      moderatedById: second.member.id,
    });
    expect(hidden.publishedAt).toEqual(published.publishedAt);
    const resolved = await database.db
      .select({ resolvedById: reviewReports.resolvedById })
      .from(reviewReports)
      .where(eq(reviewReports.reviewId, target.id));
    expect(resolved).toEqual([
      { resolvedById: second.member.id },
      { resolvedById: second.member.id },
    ]);
    expect(await stats(listing.therapist.id)).toMatchObject({
      reviewCount: before.reviewCount,
      notRecommendedCount: 1,
    });

    // Published again: the first publication date stays.
    await decideReview(mod.viewer, target.id, { decision: 'approve', reason: 'meets_guidelines' });
    expect((await reviewRow(target.id)).publishedAt).toEqual(published.publishedAt);
    await decideReview(mod.viewer, target.id, {
      decision: 'remove',
      reason: 'personal_information',
    });
    expect(await reviewRow(target.id)).toMatchObject({
      status: 'removed',
      statusReason: 'personal_information',
    });
    expect((await stats(listing.therapist.id)).reviewCount).toBe(before.reviewCount);

    const decisions = (await auditRows(target.id)).filter((r) => r.action !== 'review.reported');
    expect(decisions).toEqual([
      {
        action: 'review.approved',
        actorId: mod.member.id,
        subjectUserId: author.member.id,
        detail: { reviewId: target.id, reason: 'meets_guidelines', previousStatus: 'pending' },
      },
      {
        action: 'review.not_recommended',
        actorId: second.member.id,
        subjectUserId: author.member.id,
        detail: { reviewId: target.id, reason: 'incentivised', previousStatus: 'published' },
      },
      {
        action: 'review.approved',
        actorId: mod.member.id,
        subjectUserId: author.member.id,
        detail: {
          reviewId: target.id,
          reason: 'meets_guidelines',
          previousStatus: 'not_recommended',
        },
      },
      {
        action: 'review.removed',
        actorId: mod.member.id,
        subjectUserId: author.member.id,
        detail: {
          reviewId: target.id,
          reason: 'personal_information',
          previousStatus: 'published',
        },
      },
    ]);
  });

  it('writes exactly one audit row per decision', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator();
    for (const [decision, reason] of [
      ['approve', 'meets_guidelines'],
      ['not_recommended', 'not_first_hand'],
      ['remove', 'offensive'],
    ] as const) {
      const target = await review(listing.therapist.id, await newAuthor(), 'pending');
      const before = await auditTotal();
      await decideReview(mod.viewer, target.id, { decision, reason });
      expect(await auditTotal()).toBe(before + 1);
      expect((await auditRows(target.id)).map((r) => r.action)).toEqual([
        {
          approve: 'review.approved',
          not_recommended: 'review.not_recommended',
          remove: 'review.removed',
        }[decision],
      ]);
    }
  });

  it('refuses a decision while the author’s appeal is open, or on a listing the moderator holds', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator();
    const target = await review(listing.therapist.id, await newAuthor(), 'removed', {
      statusReason: 'spam',
      moderatedById: mod.member.id,
    });
    await database.db
      .insert(reviewAppeals)
      .values({ reviewId: target.id, statement: 'Please.', originalModeratorId: mod.member.id });
    const error = await failure(
      decideReview(mod.viewer, target.id, { decision: 'approve', reason: 'meets_guidelines' }),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('appeal');
    expect((await reviewRow(target.id)).status).toBe('removed');

    const admin = await confirmedViewer('admin');
    await database.db
      .update(therapists)
      .set({ claimedByUserId: admin.member.id })
      .where(eq(therapists.id, listing.therapist.id));
    const other = await review(listing.therapist.id, await newAuthor(), 'pending');
    expect(
      (await failure(decideReview(admin.viewer, other.id, { decision: 'remove', reason: 'spam' })))
        .code,
    ).toBe('forbidden');
    expect((await reviewRow(other.id)).status).toBe('pending');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 17: no suppression by rating                                                          */
/* ------------------------------------------------------------------------------------------ */

describe('a clean 1-star and a clean 5-star review are treated alike (TRUST 17)', () => {
  it('both publish, both count, and reports hold both the same way', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator();
    const body =
      'Three sessions for my lower back. She assessed my hips first and gave me two stretches.';
    const fields = {
      title: 'Three sessions for my back',
      body,
      painBefore: 7,
      painNow: 4,
      statusReason: 'new_account',
    };
    const low = await review(listing.therapist.id, await newAuthor(), 'pending', {
      ...fields,
      rating: 1,
      wouldRecommend: false,
    });
    const high = await review(listing.therapist.id, await newAuthor(), 'pending', {
      ...fields,
      rating: 5,
      wouldRecommend: true,
    });

    // The queue shows both the same way, and shows no rating to decide on.
    const queue = await listModerationQueue(mod.viewer);
    const shown = queue.pending.filter((p) => p.id === low.id || p.id === high.id);
    expect(shown).toHaveLength(2);
    const strip = ({
      id: _id,
      createdAt: _c,
      waitingHours: _w,
      authorName: _a,
      ...rest
    }: (typeof shown)[number]) => rest;
    expect(strip(shown[0]!)).toEqual(strip(shown[1]!));
    expect(Object.keys(shown[0]!)).not.toContain('rating');

    for (const target of [low, high]) {
      await decideReview(mod.viewer, target.id, {
        decision: 'approve',
        reason: 'meets_guidelines',
      });
      expect(await reviewRow(target.id)).toMatchObject({ status: 'published', statusReason: null });
    }
    expect(await stats(listing.therapist.id)).toMatchObject({
      reviewCount: 2,
      ratingSum: 6,
      starCounts: [1, 0, 0, 0, 1],
      pendingCount: 0,
    });

    // Two reports hold neither; a third holds each.
    for (const target of [low, high]) {
      for (let i = 0; i < 2; i += 1) {
        const outcome = await reportReview((await signedInViewer()).viewer, target.id, {
          reason: 'fake',
        });
        expect(outcome.held).toBe(false);
      }
      expect((await reviewRow(target.id)).status).toBe('published');
    }
    for (const target of [low, high]) {
      const outcome = await reportReview((await signedInViewer()).viewer, target.id, {
        reason: 'fake',
      });
      expect(outcome.held).toBe(true);
      expect(await reviewRow(target.id)).toMatchObject({
        status: 'pending',
        statusReason: 'reported',
      });
    }
  });

  it('written through the review form’s path, both publish; moderation then treats them alike', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator();
    const written = [];
    for (const [rating, body] of [
      [
        '1',
        'Four visits for a stiff neck; the knots came back each evening and the pressure stayed too light for me.',
      ],
      [
        '5',
        'Two visits for tight shoulders after long desk weeks; she showed me a doorway stretch that keeps them loose.',
      ],
    ] as const) {
      const writer = await signedInViewer();
      await database.db
        .update(users)
        .set({ createdAt: new Date(Date.now() - 60 * 86_400_000) })
        .where(eq(users.id, writer.member.id));
      const result = await createWrittenReview(
        writer.viewer,
        listing.therapist.slug,
        { rating, body },
        {
          clientAddress: `198.51.100.${written.length + 10}`,
        },
      );
      expect(result.review).toMatchObject({ status: 'published', statusReason: null });
      written.push(result.review.id);
    }
    const auditBefore = await auditTotal();
    for (const id of written) {
      for (let i = 0; i < 3; i += 1) {
        await reportReview((await signedInViewer()).viewer, id, { reason: 'off_topic' });
      }
      expect(await reviewRow(id)).toMatchObject({ status: 'pending', statusReason: 'reported' });
      await decideReview(mod.viewer, id, { decision: 'approve', reason: 'meets_guidelines' });
      expect((await reviewRow(id)).status).toBe('published');
    }
    // Per review: three reports, one hold, one decision.
    expect(await auditTotal()).toBe(auditBefore + 2 * 5);
    expect((await stats(listing.therapist.id)).starCounts).toEqual([1, 0, 0, 0, 1]);
  });

  it('has content-only reasons: none refers to the rating', () => {
    const words = /\b(rating|rated|stars?|score|negative|positive|low|high|bad review)\b/i;
    for (const option of [...MODERATION_REASON_OPTIONS, ...REPORT_REASON_OPTIONS]) {
      expect(`${option.value} ${option.label} ${option.hint}`).not.toMatch(words);
    }
    expect(MODERATION_REASON_OPTIONS.map((o) => o.value)).toEqual([...MODERATION_REASONS]);
    expect(REPORT_REASON_OPTIONS.map((o) => o.value)).toEqual([...REPORT_REASONS]);
    expect(reasonsFor('approve').map((o) => o.value)).toEqual(['meets_guidelines']);
    expect(reasonsFor('remove').map((o) => o.value)).not.toContain('meets_guidelines');
    expect(reasonsFor('overturned').map((o) => o.value)).toEqual(['meets_guidelines']);
  });

  it('reads no rating in any moderation rule', async () => {
    const folder = path.join(process.cwd(), 'lib', 'moderation');
    for (const file of await readdir(folder)) {
      if (file === 'reasons.ts') continue;
      const source = await readFile(path.join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/reviews\.rating|\brating\b/);
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Appeals (TRUST 19)                                                                          */
/* ------------------------------------------------------------------------------------------ */

describe('appeals', () => {
  let listing: CreatedTherapist;
  let original: SignedInMember;
  let second: SignedInMember;

  beforeAll(async () => {
    listing = await publishedTherapist();
    original = await moderator();
    second = await moderator();
  });

  async function decided(decision: 'not_recommended' | 'remove') {
    const author = await signedInViewer();
    const target = await review(listing.therapist.id, author.member.id, 'pending');
    await decideReview(original.viewer, target.id, {
      decision,
      reason: decision === 'remove' ? 'contact_details' : 'not_first_hand',
    });
    return { author, target };
  }

  it('runs report -> decision -> one appeal -> a decision by another moderator, overturned', async () => {
    const { author, target } = await decided('remove');
    const before = await stats(listing.therapist.id);
    const context = await getAppealContext(author.viewer, target.id);
    expect(context).toMatchObject({
      review: { id: target.id, status: 'removed', statusReason: 'contact_details' },
      canAppeal: true,
      appeal: null,
    });

    const { appealId } = await appealDecision(author.viewer, target.id, {
      statement: '  The number was the clinic’s public line.\u0007 ',
    });
    const [stored] = await database.db
      .select({
        statement: reviewAppeals.statement,
        originalModeratorId: reviewAppeals.originalModeratorId,
      })
      .from(reviewAppeals)
      .where(eq(reviewAppeals.id, appealId));
    expect(stored).toEqual({
      statement: 'The number was the clinic’s public line.',
      originalModeratorId: original.member.id,
    });

    // Once only.
    const again = await failure(appealDecision(author.viewer, target.id, { statement: 'Again.' }));
    expect(again.code).toBe('forbidden');
    expect(again.message).toContain('once');
    const [rows] = await database.db
      .select({ n: count() })
      .from(reviewAppeals)
      .where(eq(reviewAppeals.reviewId, target.id));
    expect(rows?.n).toBe(1);
    expect((await getAppealContext(author.viewer, target.id)).canAppeal).toBe(false);

    // Not by the moderator who decided.
    const self = await failure(
      decideAppeal(original.viewer, appealId, {
        outcome: 'overturned',
        reason: 'meets_guidelines',
      }),
    );
    expect(self.code).toBe('forbidden');
    expect(self.message).toContain('another moderator');
    expect((await reviewRow(target.id)).status).toBe('removed');

    const auditBefore = await auditTotal();
    expect(
      await decideAppeal(second.viewer, appealId, {
        outcome: 'overturned',
        reason: 'meets_guidelines',
      }),
    ).toEqual({ appealId, reviewId: target.id, outcome: 'overturned', status: 'published' });
    expect(await auditTotal()).toBe(auditBefore + 1);
    expect(await reviewRow(target.id)).toMatchObject({
      status: 'published',
      statusReason: null,
      moderatedById: second.member.id,
    });
    const after = await stats(listing.therapist.id);
    expect(after.reviewCount).toBe(before.reviewCount + 1);
    expect(after.ratingSum).toBe(before.ratingSum + target.rating);
    const log = await auditRows(target.id);
    expect(log.map((r) => r.action)).toEqual([
      'review.removed',
      'appeal.opened',
      'appeal.overturned',
    ]);
    expect(log.at(-1)).toEqual({
      action: 'appeal.overturned',
      actorId: second.member.id,
      subjectUserId: author.member.id,
      detail: {
        reviewId: target.id,
        appealId,
        reason: 'meets_guidelines',
        previousStatus: 'removed',
      },
    });
    expect(await getAppealContext(author.viewer, target.id)).toMatchObject({
      review: { status: 'published' },
      canAppeal: false,
      appeal: { outcome: 'overturned', reason: 'meets_guidelines' },
    });

    // Decided once.
    const twice = await failure(
      decideAppeal(second.viewer, appealId, { outcome: 'upheld', reason: 'spam' }),
    );
    expect(twice.code).toBe('forbidden');
  });

  it('upheld: the decision stays, with the reason given', async () => {
    const { author, target } = await decided('not_recommended');
    const { appealId } = await appealDecision(author.viewer, target.id, {
      statement: 'It is mine.',
    });
    const before = await stats(listing.therapist.id);
    await decideAppeal(second.viewer, appealId, {
      outcome: 'upheld',
      reason: 'conflict_of_interest',
    });
    expect(await reviewRow(target.id)).toMatchObject({
      status: 'not_recommended',
      statusReason: 'conflict_of_interest',
      moderatedById: second.member.id,
    });
    expect(await stats(listing.therapist.id)).toEqual(before);
    const [appeal] = await database.db
      .select({ outcome: reviewAppeals.outcome, decidedById: reviewAppeals.decidedById })
      .from(reviewAppeals)
      .where(eq(reviewAppeals.id, appealId));
    expect(appeal).toEqual({ outcome: 'upheld', decidedById: second.member.id });
    expect((await getAppealContext(author.viewer, target.id)).appeal).toMatchObject({
      outcome: 'upheld',
      reason: 'conflict_of_interest',
    });
  });

  it('is only for reviews that were not recommended or removed', async () => {
    const author = await signedInViewer();
    for (const status of ['published', 'pending'] as const) {
      const target = await review(listing.therapist.id, author.member.id, status);
      const error = await failure(appealDecision(author.viewer, target.id, { statement: 'Hm.' }));
      expect(error.code).toBe('forbidden');
      expect((await getAppealContext(author.viewer, target.id)).canAppeal).toBe(false);
      await database.db.delete(reviews).where(eq(reviews.id, target.id));
    }
  });

  it('without a recorded moderator (an older decision), any moderator may decide it', async () => {
    const author = await signedInViewer();
    const target = await review(listing.therapist.id, author.member.id, 'not_recommended', {
      statusReason: 'Reads like an advertisement rather than a first-hand experience.',
    });
    const { appealId } = await appealDecision(author.viewer, target.id, {
      statement: 'Not an ad.',
    });
    await decideAppeal(original.viewer, appealId, {
      outcome: 'overturned',
      reason: 'meets_guidelines',
    });
    expect((await reviewRow(target.id)).status).toBe('published');
    expect(statusReasonLabel('Reads like an advertisement.')).toBe('Reads like an advertisement.');
    expect(statusReasonLabel('new_account')).toBe('New account');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The audit log                                                                               */
/* ------------------------------------------------------------------------------------------ */

describe('the audit log', () => {
  it('shows moderators the latest moderation entries, naming staff and never a reporter', async () => {
    const listing = await publishedTherapist();
    const mod = await moderator('Moderator Quill');
    const reporter = await signedInViewer({ displayName: 'Reporter Wren' });
    const target = await review(listing.therapist.id, await newAuthor(), 'published');
    await reportReview(reporter.viewer, target.id, { reason: 'offensive', note: 'Secret note' });
    await decideReview(mod.viewer, target.id, { decision: 'remove', reason: 'offensive' });
    await database.db.insert(auditLog).values({
      actorId: mod.member.id,
      action: 'passkey.added',
      subjectUserId: mod.member.id,
      detail: { passkeyId: 'x' },
    });

    const entries = await listAuditEntries(mod.viewer);
    expect(entries.length).toBeLessThanOrEqual(100);
    expect(entries.map((e) => e.action)).not.toContain('passkey.added');
    const mine = entries.filter((e) => e.detail.reviewId === target.id);
    expect(mine.map((e) => [e.action, e.actor])).toEqual([
      ['review.removed', { kind: 'staff', name: 'Moderator Quill' }],
      ['review.reported', { kind: 'member' }],
    ]);
    expect(mine[0]!.detail).toEqual({
      reviewId: target.id,
      reason: 'offensive',
      previousStatus: 'published',
    });
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Reporter Wren');
    expect(text).not.toContain(reporter.member.id);
    expect(text).not.toContain('Secret note');
    expect(text).not.toMatch(/@example\.org/);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));

    const admin = await confirmedViewer('admin');
    expect((await listAuditEntries(admin.viewer)).map((e) => e.action)).toContain('passkey.added');
    expect((await failure(listAuditEntries(reporter.viewer))).code).toBe('forbidden');
    expect(
      (await failure(listAuditEntries((await signedInViewer({ role: 'moderator' })).viewer))).code,
    ).toBe('second_factor');
  });

  it('narrows to an area, to one listing, and pages back through older entries', async () => {
    const listing = await publishedTherapist();
    const other = await publishedTherapist();
    const mod = await moderator('Moderator Lark');
    await database.db.insert(auditLog).values([
      { actorId: null, action: 'claim.code_sent', therapistId: listing.therapist.id },
      { actorId: null, action: 'claim.granted', therapistId: listing.therapist.id },
      { actorId: null, action: 'listing.updated', therapistId: listing.therapist.id },
      { actorId: null, action: 'claim.dispute_opened', therapistId: other.therapist.id },
    ]);

    const claims = await listAuditEntries(mod.viewer, { area: 'claims' });
    expect(claims.length).toBeGreaterThanOrEqual(3);
    expect(claims.every((e) => e.action.startsWith('claim.'))).toBe(true);

    const one = await listAuditEntries(mod.viewer, { listing: listing.therapist.id });
    expect(one.map((e) => e.action)).toEqual([
      'listing.updated',
      'claim.granted',
      'claim.code_sent',
    ]);
    expect(one[0]!.listing).toEqual({
      id: listing.therapist.id,
      slug: listing.therapist.slug,
      name: listing.therapist.name,
    });

    const older = await listAuditEntries(mod.viewer, {
      listing: listing.therapist.id,
      before: one[0]!.id,
    });
    expect(older.map((e) => e.action)).toEqual(['claim.granted', 'claim.code_sent']);
    expect(auditFilterInput.safeParse({ area: 'accounts' }).success).toBe(false);
    expect(auditFilterInput.safeParse({ listing: '1', extra: 'x' }).success).toBe(false);
  });

  it('is append-only: no code changes or deletes an audit entry', async () => {
    const offenders: string[] = [];
    async function walk(folder: string): Promise<void> {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) await walk(file);
        else if (/\.tsx?$/.test(entry.name)) {
          const source = await readFile(file, 'utf8');
          if (
            /\.(update|delete)\(\s*auditLog\b/.test(source) ||
            /\b(update|delete\s+from)\s+audit_log\b/i.test(source)
          ) {
            offenders.push(path.relative(process.cwd(), file));
          }
        }
      }
    }
    for (const folder of ['lib', 'app', 'db/seed']) await walk(path.join(process.cwd(), folder));
    expect(offenders).toEqual([]);
  });
});
