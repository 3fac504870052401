/**
 * Owners' replies to reviews (TRUST 18, 29): one reply per review, only by the listing's owner,
 * held when it seems to disclose a client's health or identity, decided by moderators, and
 * public only once published.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  reviewInvitations,
  reviewReplies,
  reviews,
  therapists,
  type ReviewStatus,
} from '@/db/schema';
import { decideReply, deleteReply, saveReply } from '@/lib/replies/mutations';
import {
  listHeldReplies,
  listOwnerReviews,
  OWNER_REVIEWS_PAGE_SIZE,
  parseOwnerReviewParams,
} from '@/lib/replies/queries';
import { REPLY_HOLD_REASONS } from '@/lib/replies/reasons';
import { listTherapistReviews } from '@/lib/therapists/queries';
import { createReview } from '../factories';
import {
  confirmedViewer,
  createMember,
  ownedListing,
  signedInViewer,
  type SignedInMember,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure } from '../support/errors';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  // The per-owner limit has a test of its own.
  process.env.RATE_LIMIT_REPLY_CHANGES_PER_HOUR = '0';
});

afterAll(async () => {
  delete process.env.RATE_LIMIT_REPLY_CHANGES_PER_HOUR;
  await database.dispose();
});

afterEach(() => {
  process.env.RATE_LIMIT_REPLY_CHANGES_PER_HOUR = '0';
});

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** A published listing held by a confirmed therapist (or by `holder`). */
const heldListing = (holder?: SignedInMember) =>
  ownedListing({ locations: [{ endsOn: null }] }, holder);

/** A review of a listing by a new member, published unless asked otherwise. */
async function reviewOf(
  listing: { therapistId: number },
  options: { status?: ReviewStatus; authorName?: string; publishedAt?: Date } = {},
) {
  const author = await createMember({
    displayName: options.authorName ?? `Reader ${randomBytes(3).toString('hex')}`,
  });
  const status = options.status ?? 'published';
  const { review } = await createReview(database.db, {
    authorId: author.id,
    therapistId: listing.therapistId,
    status,
    statusReason: status === 'published' ? null : 'new_account',
    ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
  });
  return { review, author };
}

async function repliesOf(reviewId: number) {
  return database.db.select().from(reviewReplies).where(eq(reviewReplies.reviewId, reviewId));
}

async function auditOf(replyOrReview: { reviewId: number }) {
  return database.db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      subjectUserId: auditLog.subjectUserId,
      therapistId: auditLog.therapistId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(
      and(
        sql`${auditLog.action} like 'reply.%'`,
        sql`${auditLog.detail}->>'reviewId' = ${String(replyOrReview.reviewId)}`,
      ),
    )
    .orderBy(auditLog.id);
}

/** The reply the public profile shows under a review (null when none is public). */
async function publicReply(listing: { therapistId: number }, reviewId: number) {
  const page = await listTherapistReviews(listing.therapistId, { page: 1, pageSize: 50 });
  const item = page.items.find((r) => r.id === reviewId);
  if (!item) throw new Error(`review ${reviewId} is not on the profile`);
  return item.reply;
}

const CLEAN = 'Thank you for your kind words, I’m glad the sessions helped.';
const DISCLOSING = 'I’m glad your sciatica is better after your surgery.';

/* ------------------------------------------------------------------------------------------ */
/* One reply per review                                                                        */
/* ------------------------------------------------------------------------------------------ */

describe('saveReply', () => {
  it('publishes a clean reply, shows it on the profile, and edits it on a second save', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);

    const first = await saveReply(listing.viewer, {
      reviewId: review.id,
      body: `  ${CLEAN}  `,
    });
    expect(first.outcome).toBe('created');
    expect(first.reply).toMatchObject({
      status: 'published',
      body: CLEAN,
      edited: false,
      findings: [],
    });
    expect(await publicReply(listing, review.id)).toMatchObject({
      from: listing.name,
      body: CLEAN,
      edited: false,
    });

    const again = await saveReply(listing.viewer, {
      reviewId: String(review.id),
      body: CLEAN,
    });
    expect(again.outcome).toBe('unchanged');

    const edited = await saveReply(listing.viewer, {
      reviewId: review.id,
      body: 'Thank you for taking the time to write this.',
    });
    expect(edited.outcome).toBe('updated');
    expect(edited.reply.id).toBe(first.reply.id);
    expect(edited.reply.edited).toBe(true);
    const rows = await repliesOf(review.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      therapistId: listing.therapistId,
      authorId: listing.member.id,
      status: 'published',
      statusReason: null,
    });
    expect(await publicReply(listing, review.id)).toMatchObject({
      body: 'Thank you for taking the time to write this.',
      edited: true,
    });

    const audit = await auditOf({ reviewId: review.id });
    expect(audit.map((a) => a.action)).toEqual(['reply.saved', 'reply.saved']);
    expect(audit.every((a) => a.therapistId === listing.therapistId)).toBe(true);
    expect(audit.every((a) => a.actorId === listing.member.id)).toBe(true);
  });

  it('makes one reply of concurrent first saves', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        saveReply(listing.viewer, { reviewId: review.id, body: `Thank you (${i + 1}).` }),
      ),
    );
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'updated')).toHaveLength(9);
    expect(new Set(results.map((r) => r.reply.id)).size).toBe(1);
    expect(await repliesOf(review.id)).toHaveLength(1);
    const audit = await auditOf({ reviewId: review.id });
    expect(audit.map((a) => a.action)).toEqual(Array(10).fill('reply.saved'));
  });

  it('refuses everyone but the confirmed owner of the review’s listing', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const input = { reviewId: review.id, body: CLEAN };

    expect((await failure(saveReply(null, input))).code).toBe('unauthorized');
    const member = await signedInViewer();
    expect((await failure(saveReply(member.viewer, input))).code).toBe('forbidden');
    // A therapist account without a listing.
    const listless = await confirmedViewer('therapist');
    expect((await failure(saveReply(listless.viewer, input))).code).toBe('forbidden');
    // The owner of another listing: that review is not theirs (and not even said to exist).
    const other = await heldListing();
    expect((await failure(saveReply(other.viewer, input))).code).toBe('not_found');
    // The owner without a passkey confirmed in this session, and without any passkey.
    const unconfirmed = await signedInViewer({ role: 'therapist' }, { passkey: true });
    await database.db
      .update(therapists)
      .set({ claimedByUserId: unconfirmed.member.id })
      .where(eq(therapists.id, (await heldListing()).therapistId));
    expect((await failure(saveReply(unconfirmed.viewer, input))).code).toBe('second_factor');
    const keyless = await signedInViewer({ role: 'therapist' });
    expect((await failure(saveReply(keyless.viewer, input))).code).toBe('second_factor');
    // A moderator who holds a listing does not act as its owner.
    const moderator = await confirmedViewer('moderator');
    const moderated = await heldListing(moderator);
    const { review: theirs } = await reviewOf(moderated);
    expect(
      (await failure(saveReply(moderator.viewer, { reviewId: theirs.id, body: CLEAN }))).code,
    ).toBe('forbidden');

    expect(await repliesOf(review.id)).toEqual([]);
    expect(await repliesOf(theirs.id)).toEqual([]);
  });

  it('answers only published reviews, and refuses bad input with field errors', async () => {
    const listing = await heldListing();
    const { review: pending } = await reviewOf(listing, { status: 'pending' });
    const { review: hidden } = await reviewOf(listing, { status: 'not_recommended' });
    const { review } = await reviewOf(listing);
    const owner = listing.viewer;

    for (const target of [pending, hidden]) {
      const refused = await failure(saveReply(owner, { reviewId: target.id, body: CLEAN }));
      expect(refused.code).toBe('forbidden');
      expect(refused.message).toMatch(/published/);
    }
    expect((await failure(saveReply(owner, { reviewId: 2_000_000_000, body: CLEAN }))).code).toBe(
      'not_found',
    );

    const cases: [Record<string, unknown>, string][] = [
      [{ reviewId: review.id, body: CLEAN, status: 'published' }, 'status'],
      [{ reviewId: review.id, body: CLEAN, therapistId: listing.therapistId }, 'therapistId'],
      [{ reviewId: review.id, body: '   \u0000  ' }, 'body'],
      [{ reviewId: review.id, body: 'x'.repeat(2001) }, 'body'],
      [{ reviewId: review.id }, 'body'],
      [{ reviewId: 'abc', body: CLEAN }, 'reviewId'],
      [{ reviewId: -1, body: CLEAN }, 'reviewId'],
      [{ reviewId: review.id, body: ['a', 'b'] }, 'body'],
    ];
    for (const [input, field] of cases) {
      const refused = await failure(saveReply(owner, input));
      expect(refused.code, JSON.stringify(input)).toBe('validation');
      expect(refused.issues.map((i) => i.field)).toContain(field);
    }
    // 2,000 characters is allowed.
    const long = await saveReply(owner, {
      reviewId: review.id,
      body: 'Thank you. '.repeat(182).slice(0, 2000),
    });
    expect(long.reply.body).toHaveLength(2000);
    expect(await repliesOf(pending.id)).toEqual([]);
    expect(await repliesOf(hidden.id)).toEqual([]);
  });

  it('holds a reply that discloses a client’s health; it is never public', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const saved = await saveReply(listing.viewer, { reviewId: review.id, body: DISCLOSING });
    expect(saved.reply.status).toBe('pending');
    expect(saved.reply.reasonCode).toBe('client_health');
    expect(saved.reply.reason).toBe(REPLY_HOLD_REASONS.client_health);
    expect(saved.reply.findings[0]).toMatchObject({
      reason: 'client_health',
      excerpt: 'your sciatica',
    });
    expect(await publicReply(listing, review.id)).toBeNull();

    const audit = await auditOf({ reviewId: review.id });
    expect(audit.map((a) => a.action)).toEqual(['reply.saved', 'reply.held']);
    expect(audit[1]).toMatchObject({
      therapistId: listing.therapistId,
      detail: { reason: 'client_health', reviewId: review.id },
    });
  });

  it('holds a reply naming the reviewer', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing, { authorName: 'Maya R.' });
    const saved = await saveReply(listing.viewer, {
      reviewId: review.id,
      body: 'It was a pleasure, Maya. See you soon!',
    });
    expect(saved.reply).toMatchObject({ status: 'pending', reasonCode: 'client_name' });
  });

  it('does not take a generated public name, or the owner’s own names, for the client’s', async () => {
    const owner = await confirmedViewer('therapist', { displayName: 'Anna L.' });
    const listing = await ownedListing(
      { name: 'Jordan Price', locations: [{ endsOn: null }] },
      owner,
    );
    const cases: [string, string, 'published' | 'pending'][] = [
      ['Calm Heron 42', 'Calm is what we aim for. Thanks for the review!', 'published'],
      ['Kind Otter 12', 'Kind words like yours keep us going. Thank you!', 'published'],
      ['Hope S.', 'Hope to see you again soon!', 'published'],
      ['Maya R.', 'Thanks, Anna (owner)', 'published'],
      ['Maya R.', 'Many thanks, Jordan at the studio', 'published'],
      ['Maya R.', 'Thank you maya!', 'pending'],
    ];
    for (const [authorName, body, status] of cases) {
      const { review } = await reviewOf(listing, { authorName });
      const saved = await saveReply(owner.viewer, { reviewId: review.id, body });
      expect(saved.reply.status, body).toBe(status);
    }

    // A held reply's findings, worked out again wherever it is read, leave the owner's name out.
    const { review } = await reviewOf(listing, { authorName: 'Maya R.' });
    const body = 'Hope the new baby is sleeping! Thanks, Anna';
    const held = await saveReply(owner.viewer, { reviewId: review.id, body });
    const expected = [
      expect.objectContaining({ reason: 'client_health', excerpt: 'the new baby' }),
    ];
    expect(held.reply.findings).toEqual(expected);
    const mine = await listOwnerReviews(owner.viewer, { page: 1, unansweredOnly: false });
    expect(mine.reviews.items.find((i) => i.review.id === review.id)?.reply?.findings).toEqual(
      expected,
    );
    const moderator = await confirmedViewer('moderator');
    const queue = await listHeldReplies(moderator.viewer);
    expect(queue.items.find((i) => i.id === held.reply.id)?.findings).toEqual(expected);
  });

  it('checks every edit again: a published reply that now discloses is held, a clean edit publishes it again', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const owner = listing.viewer;
    await saveReply(owner, { reviewId: review.id, body: CLEAN });
    expect(await publicReply(listing, review.id)).not.toBeNull();

    const held = await saveReply(owner, {
      reviewId: review.id,
      body: 'See you on Tuesday for your back!',
    });
    expect(held.reply.status).toBe('pending');
    expect(held.reply.findings.map((f) => f.reason)).toEqual(['client_health', 'visit_date']);
    expect(await publicReply(listing, review.id)).toBeNull();

    const cleaned = await saveReply(owner, {
      reviewId: review.id,
      body: 'Thank you, it was a pleasure.',
    });
    expect(cleaned.reply).toMatchObject({ status: 'published', reasonCode: null, findings: [] });
    expect(await publicReply(listing, review.id)).toMatchObject({
      body: 'Thank you, it was a pleasure.',
    });
  });

  it('limits changes per owner and hour', async () => {
    process.env.RATE_LIMIT_REPLY_CHANGES_PER_HOUR = '2';
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const owner = listing.viewer;
    await saveReply(owner, { reviewId: review.id, body: 'Thank you.' });
    await saveReply(owner, { reviewId: review.id, body: 'Thank you!' });
    const refused = await failure(saveReply(owner, { reviewId: review.id, body: 'Thanks!' }));
    expect(refused.code).toBe('rate_limited');
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect((await repliesOf(review.id))[0]?.body).toBe('Thank you!');
  });
});

describe('deleteReply', () => {
  it('deletes the owner’s reply (audited); a new one can be written', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const owner = listing.viewer;
    await saveReply(owner, { reviewId: review.id, body: CLEAN });

    const other = await heldListing();
    expect((await failure(deleteReply(other.viewer, { reviewId: review.id }))).code).toBe(
      'not_found',
    );
    expect((await failure(deleteReply(owner, { reviewId: review.id, replyId: 1 }))).code).toBe(
      'validation',
    );

    expect(await deleteReply(owner, { reviewId: String(review.id) })).toEqual({
      reviewId: review.id,
      therapistSlug: listing.slug,
    });
    expect(await repliesOf(review.id)).toEqual([]);
    expect(await publicReply(listing, review.id)).toBeNull();
    expect((await auditOf({ reviewId: review.id })).map((a) => a.action)).toEqual([
      'reply.saved',
      'reply.deleted',
    ]);
    expect((await failure(deleteReply(owner, { reviewId: review.id }))).code).toBe('not_found');

    const again = await saveReply(owner, { reviewId: review.id, body: CLEAN });
    expect(again.outcome).toBe('created');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Moderators                                                                                  */
/* ------------------------------------------------------------------------------------------ */

describe('decideReply', () => {
  it('publishes a held reply with the approval reason (audited)', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const held = await saveReply(listing.viewer, { reviewId: review.id, body: DISCLOSING });
    const moderator = await confirmedViewer('moderator');

    const queue = await listHeldReplies(moderator.viewer);
    const item = queue.items.find((i) => i.id === held.reply.id);
    expect(item).toMatchObject({
      body: DISCLOSING,
      reasonCode: 'client_health',
      yours: false,
      review: { id: review.id },
      listing: { slug: listing.slug, name: listing.name },
    });

    const outcome = await decideReply(moderator.viewer, {
      replyId: String(held.reply.id),
      decision: 'approve',
      reason: 'keeps_confidence',
      seen: item?.updatedAt,
    });
    expect(outcome).toMatchObject({ status: 'published', reviewId: review.id });
    expect(await publicReply(listing, review.id)).toMatchObject({ body: DISCLOSING });
    const [row] = await repliesOf(review.id);
    expect(row).toMatchObject({
      status: 'published',
      statusReason: null,
      moderatedById: moderator.member.id,
    });
    const audit = await auditOf({ reviewId: review.id });
    expect(audit.at(-1)).toMatchObject({
      action: 'reply.approved',
      actorId: moderator.member.id,
      subjectUserId: listing.member.id,
      therapistId: listing.therapistId,
      detail: { replyId: held.reply.id, reason: 'keeps_confidence', previousStatus: 'pending' },
    });
    expect((await listHeldReplies(moderator.viewer)).items.map((i) => i.id)).not.toContain(
      held.reply.id,
    );

    // Decided once: not again.
    expect(
      (
        await failure(
          decideReply(moderator.viewer, {
            replyId: held.reply.id,
            decision: 'remove',
            reason: 'client_health',
          }),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('removes a held reply; the owner sees why and cannot edit, replace or delete it', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const owner = listing.viewer;
    const held = await saveReply(owner, { reviewId: review.id, body: DISCLOSING });
    const moderator = await confirmedViewer('moderator');
    const outcome = await decideReply(moderator.viewer, {
      replyId: held.reply.id,
      decision: 'remove',
      reason: 'client_health',
    });
    expect(outcome.status).toBe('removed');
    expect(await publicReply(listing, review.id)).toBeNull();
    expect((await auditOf({ reviewId: review.id })).at(-1)).toMatchObject({
      action: 'reply.removed',
      therapistId: listing.therapistId,
      detail: { reason: 'client_health' },
    });

    const edit = await failure(saveReply(owner, { reviewId: review.id, body: CLEAN }));
    expect(edit.code).toBe('forbidden');
    expect(edit.message).toMatch(/removed/);
    expect((await failure(deleteReply(owner, { reviewId: review.id }))).code).toBe('forbidden');
    const [row] = await repliesOf(review.id);
    expect(row).toMatchObject({
      status: 'removed',
      body: DISCLOSING,
      statusReason: 'client_health',
    });

    const list = await listOwnerReviews(owner, { page: 1, unansweredOnly: false });
    const mine = list.reviews.items.find((i) => i.review.id === review.id);
    expect(mine?.reply).toMatchObject({
      status: 'removed',
      reasonCode: 'client_health',
      reason: 'Discloses the client’s health',
      editable: false,
    });
  });

  it('refuses non-moderators, moderators of their own listing, bad pairs and stale reads', async () => {
    const listing = await heldListing();
    const { review } = await reviewOf(listing);
    const held = await saveReply(listing.viewer, { reviewId: review.id, body: DISCLOSING });
    const approve = { replyId: held.reply.id, decision: 'approve', reason: 'keeps_confidence' };

    expect((await failure(decideReply(null, approve))).code).toBe('unauthorized');
    expect((await failure(decideReply((await signedInViewer()).viewer, approve))).code).toBe(
      'forbidden',
    );
    // The owner cannot decide on their own reply.
    expect((await failure(decideReply(listing.viewer, approve))).code).toBe('forbidden');
    const unconfirmed = await signedInViewer({ role: 'moderator' }, { passkey: true });
    expect((await failure(decideReply(unconfirmed.viewer, approve))).code).toBe('second_factor');
    expect((await failure(listHeldReplies(unconfirmed.viewer))).code).toBe('second_factor');
    expect((await failure(listHeldReplies((await signedInViewer()).viewer))).code).toBe(
      'forbidden',
    );

    const moderator = await confirmedViewer('moderator');
    for (const input of [
      { ...approve, reason: 'client_health' },
      { ...approve, decision: 'remove', reason: 'keeps_confidence' },
      { ...approve, decision: 'hide' },
      { ...approve, reason: 'because' },
      { ...approve, status: 'published' },
    ]) {
      expect(
        (await failure(decideReply(moderator.viewer, input))).code,
        JSON.stringify(input),
      ).toBe('validation');
    }
    const stale = await failure(
      decideReply(moderator.viewer, { ...approve, seen: new Date(0).toISOString() }),
    );
    expect(stale.code).toBe('validation');
    expect(stale.message).toMatch(/changed this reply/);
    expect(
      (await failure(decideReply(moderator.viewer, { ...approve, replyId: 2_000_000_000 }))).code,
    ).toBe('not_found');

    // A moderator who holds a listing: another moderator decides on replies to its reviews.
    const holder = await confirmedViewer('moderator');
    const theirs = await heldListing(holder);
    const { review: theirReview } = await reviewOf(theirs);
    const [inserted] = await database.db
      .insert(reviewReplies)
      .values({
        reviewId: theirReview.id,
        therapistId: theirs.therapistId,
        authorId: null,
        body: DISCLOSING,
        status: 'pending',
        statusReason: 'client_health',
      })
      .returning({ id: reviewReplies.id });
    if (!inserted) throw new Error('reply not inserted');
    const own = await failure(decideReply(holder.viewer, { ...approve, replyId: inserted.id }));
    expect(own.code).toBe('forbidden');
    expect(
      (await listHeldReplies(holder.viewer)).items.find((i) => i.id === inserted.id)?.yours,
    ).toBe(true);

    const [still] = await repliesOf(review.id);
    expect(still?.status).toBe('pending');
    const [theirsStill] = await repliesOf(theirReview.id);
    expect(theirsStill?.status).toBe('pending');
    expect(
      (await auditOf({ reviewId: review.id })).filter(
        (a) => a.action !== 'reply.saved' && a.action !== 'reply.held',
      ),
    ).toEqual([]);
  });

  it('refuses a moderator who wrote the review the reply answers', async () => {
    const listing = await heldListing();
    const reviewer = await confirmedViewer('moderator');
    const { review } = await createReview(database.db, {
      authorId: reviewer.member.id,
      therapistId: listing.therapistId,
      status: 'published',
      statusReason: null,
    });
    const held = await saveReply(listing.viewer, { reviewId: review.id, body: DISCLOSING });
    expect(held.reply.status).toBe('pending');
    const approve = { replyId: held.reply.id, decision: 'approve', reason: 'keeps_confidence' };

    const own = await failure(decideReply(reviewer.viewer, approve));
    expect(own.code).toBe('forbidden');
    expect(own.message).toBe(
      'Another moderator decides on replies to reviews of your own listing or to your own reviews.',
    );
    expect(
      (await listHeldReplies(reviewer.viewer)).items.find((i) => i.id === held.reply.id),
    ).toMatchObject({ yours: true });
    const [still] = await repliesOf(review.id);
    expect(still?.status).toBe('pending');

    // Any other moderator decides.
    const other = await confirmedViewer('moderator');
    expect(
      (await listHeldReplies(other.viewer)).items.find((i) => i.id === held.reply.id)?.yours,
    ).toBe(false);
    expect((await decideReply(other.viewer, approve)).status).toBe('published');
  });

  it('lists held replies oldest first', async () => {
    const listing = await heldListing();
    const owner = listing.viewer;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { review } = await reviewOf(listing);
      ids.push((await saveReply(owner, { reviewId: review.id, body: DISCLOSING })).reply.id);
    }
    // The first one was edited last: it waits from its last change.
    await database.db
      .update(reviewReplies)
      .set({ updatedAt: sql`now() + interval '1 minute'` })
      .where(eq(reviewReplies.id, ids[0] ?? 0));
    const moderator = await confirmedViewer('moderator');
    const queue = await listHeldReplies(moderator.viewer);
    const order = queue.items.map((i) => i.id).filter((id) => ids.includes(id));
    expect(order).toEqual([ids[1], ids[2], ids[0]]);
    const [n] = await database.db
      .select({ n: count() })
      .from(reviewReplies)
      .where(eq(reviewReplies.status, 'pending'));
    expect(queue.total).toBe(n?.n);
    expect(queue.oldestHours).not.toBeNull();
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The owner's list and the profile                                                            */
/* ------------------------------------------------------------------------------------------ */

describe('listOwnerReviews', () => {
  it('lists the published reviews newest first, 20 a page, with each reply’s state', async () => {
    const listing = await heldListing();
    const owner = listing.viewer;
    const base = Date.UTC(2025, 0, 1);
    const created = [];
    for (let i = 0; i < 23; i++) {
      created.push(
        (await reviewOf(listing, { publishedAt: new Date(base + i * 86_400_000) })).review,
      );
    }
    await reviewOf(listing, { status: 'pending' });
    const newest = created.at(-1);
    const second = created.at(-2);
    if (!newest || !second) throw new Error('no reviews');
    await saveReply(owner, { reviewId: newest.id, body: CLEAN });
    await saveReply(owner, { reviewId: second.id, body: DISCLOSING });

    const first = await listOwnerReviews(owner, { page: 1, unansweredOnly: false });
    expect(first.listing).toEqual({ name: listing.name, slug: listing.slug });
    expect(first.counts).toEqual({ published: 23, unanswered: 21, held: 1 });
    expect(first.reviews).toMatchObject({
      total: 23,
      pageCount: 2,
      pageSize: OWNER_REVIEWS_PAGE_SIZE,
    });
    expect(first.reviews.items).toHaveLength(20);
    expect(first.reviews.items.map((i) => i.review.id)).toEqual(
      created
        .slice(3)
        .reverse()
        .map((r) => r.id),
    );
    expect(first.reviews.items[0]?.reply).toMatchObject({
      status: 'published',
      body: CLEAN,
      editable: true,
    });
    expect(first.reviews.items[1]?.reply).toMatchObject({
      status: 'pending',
      reasonCode: 'client_health',
      findings: [expect.objectContaining({ reason: 'client_health' })],
    });
    expect(first.reviews.items[2]?.reply).toBeNull();

    const next = await listOwnerReviews(owner, { page: 2, unansweredOnly: false });
    expect(next.reviews.items.map((i) => i.review.id)).toEqual(
      created
        .slice(0, 3)
        .reverse()
        .map((r) => r.id),
    );

    const unanswered = await listOwnerReviews(owner, { page: 1, unansweredOnly: true });
    expect(unanswered.reviews.total).toBe(21);
    expect(unanswered.reviews.items.every((i) => i.reply === null)).toBe(true);
    expect(unanswered.reviews.items.map((i) => i.review.id)).not.toContain(newest.id);

    // Other listings' owners and members see nothing of it.
    expect(
      (
        await failure(
          listOwnerReviews((await signedInViewer()).viewer, { page: 1, unansweredOnly: false }),
        )
      ).code,
    ).toBe('forbidden');
    const other = await heldListing();
    const theirs = await listOwnerReviews(other.viewer, { page: 1, unansweredOnly: false });
    expect(theirs.reviews.total).toBe(0);
  });

  it('reads its address leniently', () => {
    expect(parseOwnerReviewParams({})).toEqual({ page: 1, unansweredOnly: false });
    expect(parseOwnerReviewParams({ page: '3', unanswered: '1' })).toEqual({
      page: 3,
      unansweredOnly: true,
    });
    expect(parseOwnerReviewParams({ page: '-2', unanswered: 'yes' })).toEqual({
      page: 1,
      unansweredOnly: false,
    });
    expect(parseOwnerReviewParams({ page: ['2', '3'] })).toEqual({
      page: 1,
      unansweredOnly: false,
    });
  });
});

describe('the profile', () => {
  it('marks reviews that answered an invitation, and loads replies for a page at once', async () => {
    const listing = await heldListing();
    const { review: invited } = await reviewOf(listing);
    const { review: plain } = await reviewOf(listing);
    const [invitation] = await database.db
      .insert(reviewInvitations)
      .values({
        therapistId: listing.therapistId,
        senderId: listing.member.id,
        emailHash: randomBytes(16).toString('hex'),
      })
      .returning({ id: reviewInvitations.id });
    await database.db
      .update(reviews)
      .set({ invitationId: invitation?.id })
      .where(eq(reviews.id, invited.id));
    await saveReply(listing.viewer, { reviewId: plain.id, body: CLEAN });

    const page = await listTherapistReviews(listing.therapistId, { page: 1, pageSize: 50 });
    const byId = new Map(page.items.map((r) => [r.id, r]));
    expect(byId.get(invited.id)).toMatchObject({ invited: true, reply: null });
    expect(byId.get(plain.id)).toMatchObject({
      invited: false,
      reply: { from: listing.name, body: CLEAN },
    });
  });

  it('never offers owners a way to change or hide a review', async () => {
    const mutations = await import('@/lib/replies/mutations');
    expect(
      Object.keys(mutations)
        .filter((name) => typeof (mutations as Record<string, unknown>)[name] === 'function')
        .sort(),
    ).toEqual(['decideReply', 'deleteReply', 'replyChangeLimit', 'saveReply']);
  });
});
