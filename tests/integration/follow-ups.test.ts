/**
 * "Still better?" follow-ups: scheduled with the review, sent by the jobs worker through a real
 * SMTP server, answered through a signed single-purpose link without signing in, and counted in
 * the therapist's aggregates in the same transaction. Opening a link records nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import FollowUpPage from '@/app/follow-up/[token]/page';
import { selectRows } from '@/db';
import { conditions, jobs, reviewFollowUps, reviews, therapistStats, users } from '@/db/schema';
import { parseInput } from '@/lib/input';
import { AppError } from '@/lib/errors';
import { painChangeSummary } from '@/lib/follow-ups/format';
import { answerFollowUp, followUpAnswerInput } from '@/lib/follow-ups/mutations';
import { getFollowUpQuestion } from '@/lib/follow-ups/queries';
import { FOLLOW_UP_JOB, followUpWeekSeconds, scheduleFollowUps } from '@/lib/follow-ups/schedule';
import {
  checkFollowUpToken,
  createFollowUpToken,
  FOLLOW_UP_LINK_DAYS,
  signLinkClaims,
} from '@/lib/follow-ups/token';
import { runDueJobs } from '@/lib/jobs/worker';
import { createMember, type TestMember } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { setUpMail } from '../support/env';
import { failure } from '../support/errors';
import type { ReceivedMail } from '../support/smtp-sink';
import { createReview, createTherapist, type CreatedTherapist } from '../factories';

const ORIGIN = 'https://unknot.example';
const DAY_MS = 86_400_000;

let database: TestDatabase;
const sink = setUpMail({
  authUrl: `${ORIGIN}/some/path`,
  authSecret: 'test-secret-for-follow-up-tests-0123456789abcdef',
  perTest: { RATE_LIMIT_FOLLOW_UP_ANSWERS: undefined, FOLLOW_UP_WEEK_SECONDS: undefined },
});

let addressCounter = 0;
/** Request headers from a client address of its own, unless a test wants a shared one. */
function clientHeaders(address?: string): Headers {
  addressCounter += 1;
  return new Headers({ 'x-forwarded-for': address ?? `203.0.113.${addressCounter % 250}` });
}

interface Story {
  therapist: CreatedTherapist;
  author: TestMember;
  reviewId: number;
  reviewedAt: Date;
  conditionName: string;
}

/** A published review (pain 7 before, 3 after the first visits) with its follow-ups scheduled. */
async function reviewWithFollowUps(
  overrides: { status?: 'published' | 'pending' | 'removed' } = {},
): Promise<Story> {
  const therapist = await createTherapist(database.db);
  const author = await createMember();
  const condition = therapist.conditionSlugs[0] ?? 'low-back-pain';
  const { review } = await createReview(database.db, {
    authorId: author.id,
    therapistId: therapist.therapist.id,
    status: overrides.status ?? 'published',
    rating: 5,
    painBefore: 7,
    painNow: 3,
    condition,
    followUps: [],
  });
  const reviewedAt = new Date();
  await scheduleFollowUps(database.db, review.id, reviewedAt);
  const [named] = await database.db
    .select({ name: conditions.name })
    .from(conditions)
    .where(eq(conditions.slug, condition));
  return { therapist, author, reviewId: review.id, reviewedAt, conditionName: named!.name };
}

/** Moves the review's follow-up for `weeks` into the past, as if the weeks had gone by. */
async function makeDue(reviewId: number, weeks: number): Promise<void> {
  await database.db
    .update(jobs)
    .set({ runAt: sql`now() - interval '1 minute'` })
    .where(eq(jobs.dedupeKey, `${FOLLOW_UP_JOB}:${reviewId}:${weeks}`));
}

async function jobOf(reviewId: number, weeks: number) {
  const [job] = await database.db
    .select()
    .from(jobs)
    .where(eq(jobs.dedupeKey, `${FOLLOW_UP_JOB}:${reviewId}:${weeks}`));
  return job!;
}

async function followUpRows(reviewId: number) {
  return database.db
    .select({ weeksAfter: reviewFollowUps.weeksAfter, painNow: reviewFollowUps.painNow })
    .from(reviewFollowUps)
    .where(eq(reviewFollowUps.reviewId, reviewId))
    .orderBy(reviewFollowUps.weeksAfter);
}

async function statsOf(therapistId: number) {
  const [row] = await database.db
    .select({
      followedUp: therapistStats.followedUpCount,
      lasting: therapistStats.lastingReliefCount,
      updatedAt: therapistStats.updatedAt,
    })
    .from(therapistStats)
    .where(eq(therapistStats.therapistId, therapistId));
  return row ?? null;
}

/** The token in a follow-up link (checked to be on AUTH_URL's origin, with pain 0..10). */
function tokenOf(link: string): string {
  const url = new URL(link);
  expect(url.origin).toBe(ORIGIN);
  const match = /^\/follow-up\/([^/]+)$/.exec(url.pathname);
  expect(match, link).not.toBeNull();
  return match![1]!;
}

/** Sends the due follow-up for `weeks` and returns the mail and its token. */
async function sendFollowUp(
  story: Story,
  weeks: number,
): Promise<{ mail: ReceivedMail; token: string }> {
  const already = sink.mailsTo(story.author.email).length;
  await makeDue(story.reviewId, weeks);
  const result = await runDueJobs();
  expect(result).toMatchObject({ claimed: 1, done: 1 });
  const mail = await sink.waitForMail(story.author.email, { already });
  return { mail, token: tokenOf(mail.links[0]!) };
}

/** What a browser gets for GET /follow-up/<token>?pain=N (the page component, rendered). */
async function openLink(token: string, pain?: string): Promise<string> {
  const element = await FollowUpPage({
    params: Promise.resolve({ token }),
    searchParams: Promise.resolve(pain === undefined ? {} : { pain }),
  });
  return renderToStaticMarkup(element);
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

describe('the follow-up email', () => {
  it('goes to the author when it is due, once, naming the therapist but not the condition', async () => {
    const story = await reviewWithFollowUps();
    const scheduled = await database.db
      .select({ key: jobs.dedupeKey, runAt: jobs.runAt })
      .from(jobs)
      .where(sql`${jobs.payload} ->> 'reviewId' = ${String(story.reviewId)}`)
      .orderBy(jobs.runAt);
    expect(scheduled).toEqual(
      [2, 6, 12].map((w) => ({
        key: `${FOLLOW_UP_JOB}:${story.reviewId}:${w}`,
        runAt: new Date(story.reviewedAt.getTime() + w * 7 * DAY_MS),
      })),
    );
    // Scheduling again (a retried submission) adds nothing.
    await scheduleFollowUps(database.db, story.reviewId, new Date());
    const again = await database.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(sql`${jobs.payload} ->> 'reviewId' = ${String(story.reviewId)}`)
      .orderBy(jobs.runAt);
    expect(again).toEqual(scheduled.map((j) => ({ runAt: j.runAt })));
    // Nothing is due yet.
    expect((await runDueJobs()).claimed).toBe(0);
    expect(sink.mailsTo(story.author.email)).toHaveLength(0);

    const { mail, token } = await sendFollowUp(story, 2);
    expect(mail.subject).toBe('Still better? Rate your pain now');
    expect(mail.text).toContain(story.therapist.therapist.name);
    expect(mail.text).toContain('About 2 weeks ago');
    expect(mail.text).toMatch(/nothing is recorded until you press it/);
    expect(mail.text).toContain('Your answer is added to your review as a self-reported follow-up');
    expect(mail.text).toContain('Your email address is never shown.');
    expect(mail.text.toLowerCase()).not.toContain(story.conditionName.toLowerCase());
    expect(mail.html.toLowerCase()).not.toContain(story.conditionName.toLowerCase());

    // Eleven links, pain 0 to 10, all to AUTH_URL's origin with the same single-purpose token.
    expect(mail.links).toHaveLength(11);
    mail.links.forEach((link, pain) => {
      expect(tokenOf(link)).toBe(token);
      expect(new URL(link).searchParams.get('pain')).toBe(String(pain));
      expect(mail.html).toContain(`href="${link.replace(/&/g, '&#38;')}"`);
    });
    const check = checkFollowUpToken(token);
    expect(check.ok && check.claims).toMatchObject({ reviewId: story.reviewId, weeks: 2 });
    if (check.ok) {
      const days = (check.claims.expiresAt.getTime() - Date.now()) / DAY_MS;
      expect(days).toBeGreaterThan(FOLLOW_UP_LINK_DAYS - 0.01);
      expect(days).toBeLessThanOrEqual(FOLLOW_UP_LINK_DAYS);
    }

    // Done; the other follow-ups wait for their weeks; nothing is sent twice.
    expect((await jobOf(story.reviewId, 2)).doneAt).not.toBeNull();
    expect((await jobOf(story.reviewId, 6)).doneAt).toBeNull();
    expect((await jobOf(story.reviewId, 12)).doneAt).toBeNull();
    expect((await runDueJobs()).claimed).toBe(0);
    expect(sink.mailsTo(story.author.email)).toHaveLength(1);
  });

  it('comes seconds after the review when FOLLOW_UP_WEEK_SECONDS shortens the weeks', async () => {
    process.env.FOLLOW_UP_WEEK_SECONDS = '1';
    const story = await reviewWithFollowUps();
    const rows = await database.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(sql`${jobs.payload} ->> 'reviewId' = ${String(story.reviewId)}`)
      .orderBy(jobs.runAt);
    expect(rows.map((r) => (r.runAt.getTime() - story.reviewedAt.getTime()) / 1000)).toEqual([
      2, 6, 12,
    ]);
    expect(followUpWeekSeconds({ FOLLOW_UP_WEEK_SECONDS: 'soon' })).toBe(7 * 86_400);
    expect(followUpWeekSeconds({})).toBe(7 * 86_400);
    // The worker sends the "2 weeks" email two seconds on.
    expect((await runDueJobs({ now: new Date(story.reviewedAt.getTime() + 2500) })).done).toBe(1);
    const mail = await sink.waitForMail(story.author.email, { already: 0 });
    expect(mail.links).toHaveLength(11);
    // The 6- and 12-"week" ones are due in seconds too: out of the way of the next tests.
    await database.db
      .delete(jobs)
      .where(sql`${jobs.payload} ->> 'reviewId' = ${String(story.reviewId)}`);
  });

  it('is not sent when there is nobody to ask', async () => {
    const anonymised = await reviewWithFollowUps();
    await database.db
      .update(reviews)
      .set({ authorId: null })
      .where(eq(reviews.id, anonymised.reviewId));
    const removed = await reviewWithFollowUps({ status: 'removed' });
    const banned = await reviewWithFollowUps();
    await database.db
      .update(users)
      .set({ bannedAt: new Date() })
      .where(eq(users.id, banned.author.id));
    const deleted = await reviewWithFollowUps();
    await database.db.delete(reviews).where(eq(reviews.id, deleted.reviewId));
    const answered = await reviewWithFollowUps();
    await database.db
      .insert(reviewFollowUps)
      .values({ reviewId: answered.reviewId, weeksAfter: 2, painNow: 4 });
    const stories = [anonymised, removed, banned, deleted, answered];

    const mailsBefore = sink.mails.length;
    for (const story of stories) await makeDue(story.reviewId, 2);
    expect(await runDueJobs()).toEqual({ claimed: 5, done: 5, retried: 0, failed: 0 });
    for (const story of stories) {
      const job = await jobOf(story.reviewId, 2);
      expect(job.doneAt).not.toBeNull();
      expect(job.lastError).toBeNull();
    }
    // Give a mail that should not exist the time to arrive anyway.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.mails.length).toBe(mailsBefore);
  });

  it('is retried when the mail cannot be sent', async () => {
    const story = await reviewWithFollowUps();
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    await makeDue(story.reviewId, 2);
    expect((await runDueJobs()).retried).toBe(1);
    const job = await jobOf(story.reviewId, 2);
    expect(job.lastError).toMatch(/ECONNREFUSED/);
    expect(job.lastError).not.toContain(story.author.email);
    expect(job.doneAt).toBeNull();

    process.env.SMTP_URL = sink.url;
    expect((await runDueJobs({ now: new Date(Date.now() + 3600_000) })).done).toBe(1);
    const mail = await sink.waitForMail(story.author.email, { already: 0 });
    expect(mail.links).toHaveLength(11);
  });
});

describe('opening a follow-up link', () => {
  it('shows the question with the tapped score chosen, and records nothing', async () => {
    const story = await reviewWithFollowUps();
    const { token } = await sendFollowUp(story, 2);
    const statsBefore = await statsOf(story.therapist.therapist.id);

    const html = await openLink(token, '3');
    expect(html).toContain('Still better?');
    expect(html).toContain(story.therapist.therapist.name);
    expect(html.toLowerCase()).not.toContain(story.conditionName.toLowerCase());
    const radios = html.match(/<input[^>]*type="radio"[^>]*>/g) ?? [];
    expect(radios).toHaveLength(11);
    expect(radios.filter((r) => r.includes('checked'))).toEqual([
      expect.stringContaining('value="3"'),
    ]);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Save<\/button>/);
    expect(html).toContain(`value="${token}"`);

    // No score, or a made-up one: nothing is chosen.
    for (const pain of [undefined, '11', '-1', 'abc']) {
      const page = await openLink(token, pain);
      expect(page.match(/<input[^>]*type="radio"[^>]*checked/g)).toBeNull();
    }

    // Mail scanners open every link: none of that counted.
    for (let pain = 0; pain <= 10; pain++) await openLink(token, String(pain));
    expect(await followUpRows(story.reviewId)).toEqual([]);
    expect(await statsOf(story.therapist.therapist.id)).toEqual(statsBefore);
  });

  it('explains a bad link with a 404 page, for tampered, expired and foreign tokens', async () => {
    const story = await reviewWithFollowUps();
    const { token } = await sendFollowUp(story, 2);
    const [body, sig] = token.split('.') as [string, string];
    const expired = createFollowUpToken(
      story.reviewId,
      2,
      new Date(Date.now() - (FOLLOW_UP_LINK_DAYS + 1) * DAY_MS),
    ).token;
    for (const bad of [
      `${body}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`,
      expired,
      'nonsense',
    ]) {
      const error = await openLink(bad, '3').then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as { digest?: string } | null)?.digest).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    }
    const result = await getFollowUpQuestion(expired);
    expect(result).toMatchObject({ ok: false, problem: 'expired' });
    expect(await followUpRows(story.reviewId)).toEqual([]);
  });
});

describe('answering', () => {
  it('records the answer, updates the aggregates, and replaces it when answered again', async () => {
    const story = await reviewWithFollowUps();
    const therapistId = story.therapist.therapist.id;
    const outbox = async () => {
      const [row] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from search_outbox where therapist_id = ${therapistId}`,
      );
      return row!.n;
    };

    // The 2-week answer is an outcome on the review but not "lasting relief" (that is 6 weeks).
    const two = await sendFollowUp(story, 2);
    const answeredTwo = await answerFollowUp({ token: two.token, pain: 4 }, clientHeaders());
    expect(answeredTwo).toMatchObject({ weeks: 2, painNow: 4, replaced: false });
    expect(await followUpRows(story.reviewId)).toEqual([{ weeksAfter: 2, painNow: 4 }]);
    expect(await statsOf(therapistId)).toMatchObject({ followedUp: 0, lasting: 0 });

    const outboxBefore = await outbox();
    const six = await sendFollowUp(story, 6);
    expect(six.mail.text).toContain('About 6 weeks ago');
    const answered = await answerFollowUp({ token: six.token, pain: 2 }, clientHeaders());
    expect(answered).toEqual({
      therapistName: story.therapist.therapist.name,
      therapistSlug: story.therapist.therapist.slug,
      weeks: 6,
      painBefore: 7,
      painAfterVisits: 3,
      painNow: 2,
      replaced: false,
    });
    expect(painChangeSummary(answered)).toBe('Before: 7, after your first visits: 3, now: 2');
    expect(await followUpRows(story.reviewId)).toEqual([
      { weeksAfter: 2, painNow: 4 },
      { weeksAfter: 6, painNow: 2 },
    ]);
    expect(await statsOf(therapistId)).toMatchObject({ followedUp: 1, lasting: 1 });
    // The search document follows through the outbox.
    expect(await outbox()).toBeGreaterThan(outboxBefore);

    // The page now shows the earlier answer, chosen.
    const html = await openLink(six.token);
    expect(html).toMatch(/You answered 2 on/);
    expect(html).toMatch(/<input[^>]*checked[^>]*value="2"|<input[^>]*value="2"[^>]*checked/);

    // Answering again (another tap in the same email) updates; it never adds a row.
    const again = await answerFollowUp({ token: six.token, pain: 6 }, clientHeaders());
    expect(again).toMatchObject({ painNow: 6, replaced: true });
    expect(await followUpRows(story.reviewId)).toEqual([
      { weeksAfter: 2, painNow: 4 },
      { weeksAfter: 6, painNow: 6 },
    ]);
    // 7 -> 6 is not a meaningful drop: followed up, but no lasting relief.
    expect(await statsOf(therapistId)).toMatchObject({ followedUp: 1, lasting: 0 });

    // Once answered, the 12-week question still comes; a resent 6-week one does not.
    await database.db
      .update(jobs)
      .set({ doneAt: null, runAt: sql`now() - interval '1 minute'` })
      .where(eq(jobs.dedupeKey, `${FOLLOW_UP_JOB}:${story.reviewId}:6`));
    const mails = sink.mailsTo(story.author.email).length;
    expect((await runDueJobs()).done).toBe(1);
    expect(sink.mailsTo(story.author.email)).toHaveLength(mails);
  });

  it('works from a link whose pain was never tapped, and needs no sign-in', async () => {
    const story = await reviewWithFollowUps({ status: 'pending' });
    const { token } = await sendFollowUp(story, 12);
    const answered = await answerFollowUp({ token, pain: 0 }, clientHeaders());
    expect(answered).toMatchObject({ weeks: 12, painNow: 0 });
    expect(await followUpRows(story.reviewId)).toEqual([{ weeksAfter: 12, painNow: 0 }]);
  });

  it('refuses tampered, expired, foreign and other-review tokens, and changes nothing', async () => {
    const story = await reviewWithFollowUps();
    const other = await reviewWithFollowUps();
    const { token } = await sendFollowUp(story, 6);
    const [body, sig] = token.split('.') as [string, string];
    const decoded = Buffer.from(body, 'base64url').toString();
    const otherBody = Buffer.from(
      decoded.replace(`.${story.reviewId}.`, `.${other.reviewId}.`),
    ).toString('base64url');
    const stats = [
      await statsOf(story.therapist.therapist.id),
      await statsOf(other.therapist.therapist.id),
    ];
    const past = new Date(Date.now() - (FOLLOW_UP_LINK_DAYS + 1) * DAY_MS);

    const cases: [string, string, RegExp][] = [
      [
        'signature changed',
        `${body}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
        /not valid/,
      ],
      ['pointed at another review', `${otherBody}.${sig}`, /not valid/],
      ['cut short', token.slice(0, -5), /not valid/],
      [
        'signed with another secret',
        token.replace(sig, Buffer.alloc(32, 7).toString('base64url')),
        /not valid/,
      ],
      ['expired', createFollowUpToken(story.reviewId, 6, past).token, /expired on .*30 days/],
      [
        'made for something else',
        signLinkClaims({
          purpose: 'unsubscribe',
          reviewId: story.reviewId,
          weeks: 6,
          expiresAt: new Date(Date.now() + DAY_MS),
        }),
        /not made for answering a follow-up/,
      ],
      [
        'for a week that has no follow-up',
        signLinkClaims({
          purpose: 'follow-up',
          reviewId: story.reviewId,
          weeks: 4,
          expiresAt: new Date(Date.now() + DAY_MS),
        }),
        /not valid/,
      ],
    ];
    for (const [what, bad, message] of cases) {
      const error = await failure(answerFollowUp({ token: bad, pain: 1 }, clientHeaders()));
      expect(error.code, what).toBe('forbidden');
      expect(error.message, what).toMatch(message);
    }
    expect(await followUpRows(story.reviewId)).toEqual([]);
    expect(await followUpRows(other.reviewId)).toEqual([]);
    expect(await statsOf(story.therapist.therapist.id)).toEqual(stats[0]);
    expect(await statsOf(other.therapist.therapist.id)).toEqual(stats[1]);

    // A token signed with the old secret stops working when the secret changes.
    process.env.AUTH_SECRET = 'a-rotated-secret-for-follow-up-tests-0123456789';
    expect((await failure(answerFollowUp({ token, pain: 1 }, clientHeaders()))).code).toBe(
      'forbidden',
    );
    expect(await followUpRows(story.reviewId)).toEqual([]);
  });

  it('is closed once the review is removed, anonymised or its author banned', async () => {
    const removed = await reviewWithFollowUps();
    const anonymised = await reviewWithFollowUps();
    const banned = await reviewWithFollowUps();
    const tokens = [
      (await sendFollowUp(removed, 6)).token,
      (await sendFollowUp(anonymised, 6)).token,
      (await sendFollowUp(banned, 6)).token,
    ];
    await database.db
      .update(reviews)
      .set({ status: 'removed' })
      .where(eq(reviews.id, removed.reviewId));
    await database.db
      .update(reviews)
      .set({ authorId: null })
      .where(eq(reviews.id, anonymised.reviewId));
    await database.db
      .update(users)
      .set({ bannedAt: new Date() })
      .where(eq(users.id, banned.author.id));
    for (const token of tokens) {
      const error = await failure(answerFollowUp({ token, pain: 1 }, clientHeaders()));
      expect(error.code).toBe('not_found');
      expect(error.message).toMatch(/no longer on Unknot/);
      expect(await getFollowUpQuestion(token)).toMatchObject({ ok: false, problem: 'closed' });
    }
    const rows = await database.db
      .select()
      .from(reviewFollowUps)
      .where(
        and(
          eq(reviewFollowUps.weeksAfter, 6),
          sql`${reviewFollowUps.reviewId} in (${removed.reviewId}, ${anonymised.reviewId}, ${banned.reviewId})`,
        ),
      );
    expect(rows).toEqual([]);
  });

  it('is rate limited per client address', async () => {
    process.env.RATE_LIMIT_FOLLOW_UP_ANSWERS = '2';
    const story = await reviewWithFollowUps();
    const { token } = await sendFollowUp(story, 2);
    const address = '198.51.100.77';
    await answerFollowUp({ token, pain: 5 }, clientHeaders(address));
    await answerFollowUp({ token, pain: 4 }, clientHeaders(address));
    const error = await failure(answerFollowUp({ token, pain: 1 }, clientHeaders(address)));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(await followUpRows(story.reviewId)).toEqual([{ weeksAfter: 2, painNow: 4 }]);
    // Another address is not held back.
    await answerFollowUp({ token, pain: 3 }, clientHeaders('198.51.100.78'));
    expect(await followUpRows(story.reviewId)).toEqual([{ weeksAfter: 2, painNow: 3 }]);
  });

  it('takes only a score from 0 to 10 and the token from the form', () => {
    const token = 'abc.def';
    expect(parseInput(followUpAnswerInput, { token, pain: '10' })).toEqual({ token, pain: 10 });
    expect(parseInput(followUpAnswerInput, { token, pain: '0' })).toEqual({ token, pain: 0 });
    for (const pain of ['', '11', '-1', '2.5', ' 3', 'three', ['1', '2']]) {
      const error = (() => {
        try {
          parseInput(followUpAnswerInput, { token, pain });
          return null;
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(error?.code, JSON.stringify(pain)).toBe('validation');
      expect(error?.issues[0]).toEqual({ field: 'pain', message: 'Choose a number from 0 to 10.' });
    }
    expect(() => parseInput(followUpAnswerInput, { token, pain: '3', reviewId: '9' })).toThrow(
      AppError,
    );
    expect(() => parseInput(followUpAnswerInput, { pain: '3' })).toThrow(AppError);
  });
});
