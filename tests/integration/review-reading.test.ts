/**
 * Reading reviews on a profile: sort orders, filters, what the address may hold, helpful votes,
 * what moderation holds back and the page of not-recommended reviews, and the JSON-LD.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeTherapistStats } from '@/db/aggregates';
import { reviewVotes, reviews, therapists } from '@/db/schema';
import type { Intent, ReviewStatus } from '@/db/schema/enums';
import { CONDITIONS } from '@/db/taxonomy';
import { AppError } from '@/lib/errors';
import { JSON_LD_MAX_REVIEWS, serializeJsonLd, toTherapistJsonLd } from '@/lib/reviews/json-ld';
import {
  GENERIC_NOT_RECOMMENDED_REASON,
  getOwnReview,
  listNotRecommendedReviews,
  listReviewConditionOptions,
  publicModerationReason,
  viewerOwnsTherapist,
} from '@/lib/reviews/queries';
import { setHelpfulVote, toggleHelpfulVote } from '@/lib/reviews/votes';
import { getTherapistProfile, listTherapistReviews } from '@/lib/therapists/queries';
import {
  DEFAULT_REVIEW_QUERY,
  parseReviewListParams,
  reviewListHref,
  type ReviewListQuery,
  type ReviewSort,
} from '@/lib/therapists/review-params';
import type { PublicReview } from '@/lib/therapists/types';
import { createReview, createTherapist } from '../factories';
import { createMember, signedInViewer } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

const DAY_MS = 86_400_000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const CONSENT = 'Show the condition I was treated for on my public review.';

interface ReviewSpec {
  rating: number;
  status?: ReviewStatus;
  /** Published this many days before NOW (also when it was written). */
  daysAgo: number;
  intent?: Intent | null;
  condition?: string | null;
  conditionPublic?: boolean;
  painBefore?: number | null;
  painNow?: number | null;
  followUps?: { weeksAfter: 2 | 6 | 12; painNow: number }[];
  statusReason?: string | null;
  authorId?: string;
  version?: number;
  title?: string;
  body?: string;
}

async function addReview(therapistId: number, spec: ReviewSpec) {
  const authorId = spec.authorId ?? (await createMember()).id;
  const status = spec.status ?? 'published';
  const at = new Date(NOW - spec.daysAgo * DAY_MS);
  const { review } = await createReview(database.db, {
    authorId,
    therapistId,
    rating: spec.rating,
    status,
    statusReason: spec.statusReason ?? (status === 'published' ? null : 'spam'),
    createdAt: at,
    updatedAt: at,
    publishedAt: status === 'published' ? at : null,
    intent: spec.intent ?? null,
    condition: spec.condition ?? null,
    conditionPublic: spec.conditionPublic ?? false,
    conditionConsentAt: spec.conditionPublic ? at : null,
    conditionConsentText: spec.conditionPublic ? CONSENT : null,
    painBefore: spec.painBefore ?? null,
    painNow: spec.painNow ?? null,
    followUps: spec.followUps ?? [],
    version: spec.version ?? 1,
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    ...(spec.body !== undefined ? { body: spec.body } : {}),
  });
  return review;
}

async function voteAs(reviewId: number, times: number) {
  for (let i = 0; i < times; i += 1) {
    const member = await createMember();
    await database.db.insert(reviewVotes).values({ reviewId, userId: member.id });
  }
}

/** The therapist whose reviews most tests read, with its reviews by name. */
let shop: { id: number; slug: string };
let named: Record<string, number>;
/** Published reviews of `shop` as the tests know them. */
let published: {
  id: number;
  rating: number;
  daysAgo: number;
  votes: number;
  intent: Intent | null;
  condition: string | null;
  conditionPublic: boolean;
}[];

beforeAll(async () => {
  database = await createTestDatabase();
  const { therapist } = await createTherapist(database.db);
  shop = { id: therapist.id, slug: therapist.slug };
  const specs: (ReviewSpec & { key: string; votes: number })[] = [
    {
      key: 'a',
      rating: 5,
      daysAgo: 1,
      votes: 0,
      intent: 'therapeutic',
      condition: 'lower-back-pain',
      conditionPublic: true,
      painBefore: 7,
      painNow: 2,
      followUps: [
        { weeksAfter: 2, painNow: 2 },
        { weeksAfter: 6, painNow: 3 },
      ],
    },
    {
      key: 'b',
      rating: 1,
      daysAgo: 2,
      votes: 3,
      intent: 'relaxation',
      condition: 'lower-back-pain',
      conditionPublic: false,
      painBefore: 6,
      painNow: 6,
    },
    {
      key: 'c',
      rating: 4,
      daysAgo: 3,
      votes: 3,
      intent: 'therapeutic',
      condition: 'neck-pain',
      conditionPublic: true,
      version: 2,
    },
    {
      key: 'd',
      rating: 3,
      daysAgo: 4,
      votes: 1,
      intent: 'sports',
      condition: 'lower-back-pain',
      conditionPublic: true,
    },
    { key: 'e', rating: 5, daysAgo: 5, votes: 5, intent: null, condition: null },
    {
      key: 'f',
      rating: 2,
      daysAgo: 6,
      votes: 0,
      intent: 'therapeutic',
      condition: 'neck-pain',
      conditionPublic: false,
    },
    {
      key: 'g',
      rating: 4,
      daysAgo: 7,
      votes: 1,
      intent: 'relaxation',
      condition: 'sciatica',
      conditionPublic: true,
    },
  ];
  named = {};
  published = [];
  for (const spec of specs) {
    const review = await addReview(shop.id, spec);
    named[spec.key] = review.id;
    await voteAs(review.id, spec.votes);
    published.push({
      id: review.id,
      rating: spec.rating,
      daysAgo: spec.daysAgo,
      votes: spec.votes,
      intent: spec.intent ?? null,
      condition: spec.condition ?? null,
      conditionPublic: spec.conditionPublic ?? false,
    });
  }
  // Held back: never listed, never counted in the rating, whatever their stars or votes.
  const held: (ReviewSpec & { key: string })[] = [
    {
      key: 'pending1',
      rating: 5,
      daysAgo: 0,
      status: 'pending',
      statusReason: 'new_account',
      intent: 'therapeutic',
      condition: 'lower-back-pain',
      conditionPublic: true,
    },
    { key: 'pending2', rating: 1, daysAgo: 0, status: 'pending', statusReason: 'reported' },
    {
      key: 'nr1',
      rating: 5,
      daysAgo: 8,
      status: 'not_recommended',
      statusReason: 'spam',
      body: 'Best massage in town, call now for a discount on your first session.',
      condition: 'neck-pain',
      conditionPublic: true,
    },
    {
      key: 'nr2',
      rating: 1,
      daysAgo: 9,
      status: 'not_recommended',
      statusReason: 'personal_information',
      body: 'The therapist told me that Jane Doe from 12 Elm St has a herniated disc.',
    },
    {
      key: 'nr3',
      rating: 3,
      daysAgo: 10,
      status: 'not_recommended',
      statusReason: 'Posted from the same network as five other reviews.',
      condition: 'sciatica',
      conditionPublic: false,
    },
    { key: 'removed', rating: 5, daysAgo: 0, status: 'removed', statusReason: 'offensive' },
  ];
  for (const spec of held) {
    const review = await addReview(shop.id, spec);
    named[spec.key] = review.id;
  }
  await voteAs(named.pending1!, 9);
  await voteAs(named.removed!, 9);
  await recomputeTherapistStats(database.db, [shop.id]);
});

afterAll(async () => {
  await database.dispose();
});

/** The published reviews, filtered and ordered the way the page promises, computed here. */
function expected(query: Partial<ReviewListQuery>) {
  const newest = (a: (typeof published)[number], b: (typeof published)[number]) =>
    a.daysAgo - b.daysAgo || b.id - a.id;
  const order: Record<
    ReviewSort,
    (a: (typeof published)[number], b: (typeof published)[number]) => number
  > = {
    helpful: (a, b) => b.votes - a.votes || newest(a, b),
    newest,
    highest: (a, b) => b.rating - a.rating || newest(a, b),
    lowest: (a, b) => a.rating - b.rating || newest(a, b),
  };
  return published
    .filter((r) => !query.condition || (r.conditionPublic && r.condition === query.condition))
    .filter((r) => !query.intent || r.intent === query.intent)
    .filter((r) => !query.stars || r.rating === query.stars)
    .sort(order[query.sort ?? 'newest'])
    .map((r) => r.id);
}

async function listed(query: Partial<ReviewListQuery>, pageSize = 50) {
  const page = await listTherapistReviews(shop.id, { ...query, page: query.page ?? 1, pageSize });
  return page;
}

const heldBack = () =>
  [named.pending1, named.pending2, named.nr1, named.nr2, named.nr3, named.removed] as number[];

describe('sort orders', () => {
  it.each(['helpful', 'newest', 'highest', 'lowest'] as const)('%s', async (sort) => {
    const page = await listed({ sort });
    expect(page.items.map((r) => r.id)).toEqual(expected({ sort }));
    expect(page.total).toBe(published.length);
  });

  it('most helpful: more votes first, newest first among equals', async () => {
    const ids = (await listed({ sort: 'helpful' })).items.map((r) => r.id);
    // e has 5 votes; b and c have 3 each (b is newer); d and g one each (d newer); a and f none.
    expect(ids).toEqual([named.e, named.b, named.c, named.d, named.g, named.a, named.f]);
  });

  it('pages through a sort without repeats or gaps', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const result = await listTherapistReviews(shop.id, { sort: 'highest', page, pageSize: 3 });
      expect(result.pageCount).toBe(3);
      seen.push(...result.items.map((r) => r.id));
    }
    expect(seen).toEqual(expected({ sort: 'highest' }));
  });

  it('never lists pending, not recommended or removed reviews, even with the most votes', async () => {
    for (const sort of ['helpful', 'newest', 'highest', 'lowest'] as const) {
      const ids = (await listed({ sort })).items.map((r) => r.id);
      for (const id of heldBack()) expect(ids).not.toContain(id);
    }
  });
});

describe('filters', () => {
  it('by condition: only reviewers who chose to show it', async () => {
    const page = await listed({ condition: 'lower-back-pain', sort: 'newest' });
    // b names lower back pain privately: it must not be found by it.
    expect(page.items.map((r) => r.id)).toEqual([named.a, named.d]);
    expect(page.items.map((r) => r.id)).toEqual(
      expected({ condition: 'lower-back-pain', sort: 'newest' }),
    );
    for (const item of page.items) expect(item.condition?.slug).toBe('lower-back-pain');
    const neck = await listed({ condition: 'neck-pain', sort: 'newest' });
    expect(neck.items.map((r) => r.id)).toEqual([named.c]);
  });

  it('by intent', async () => {
    const page = await listed({ intent: 'therapeutic', sort: 'newest' });
    expect(page.items.map((r) => r.id)).toEqual(
      expected({ intent: 'therapeutic', sort: 'newest' }),
    );
    expect(page.items.map((r) => r.id)).toEqual([named.a, named.c, named.f]);
    expect(page.total).toBe(3);
  });

  it('by stars', async () => {
    for (const stars of [1, 2, 3, 4, 5]) {
      const page = await listed({ stars, sort: 'newest' });
      expect(page.items.map((r) => r.id)).toEqual(expected({ stars, sort: 'newest' }));
      expect(page.items.every((r) => r.rating === stars)).toBe(true);
    }
    expect((await listed({ stars: 5 })).items.map((r) => r.id)).toEqual([named.a, named.e]);
  });

  it('combined, with a sort', async () => {
    const query = {
      condition: 'lower-back-pain',
      intent: 'sports',
      stars: 3,
      sort: 'helpful',
    } as const;
    expect((await listed(query)).items.map((r) => r.id)).toEqual([named.d]);
    expect((await listed({ ...query, stars: 5 })).total).toBe(0);
  });

  it('offers only the conditions reviewers showed on published reviews, with counts', async () => {
    const options = await listReviewConditionOptions(shop.id);
    const names = new Map(CONDITIONS.map((c) => [c.slug, c.name]));
    expect(options).toEqual(
      [
        { slug: 'lower-back-pain', count: 2 },
        { slug: 'neck-pain', count: 1 },
        { slug: 'sciatica', count: 1 },
      ]
        .map((o) => ({ ...o, name: names.get(o.slug)! }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });
});

describe('what each listed review shows', () => {
  it('the condition only with consent, "edited" after a change, the pain and follow-ups', async () => {
    const items = new Map((await listed({ sort: 'newest' })).items.map((r) => [r.id, r]));
    const a = items.get(named.a!)!;
    expect(a.condition?.slug).toBe('lower-back-pain');
    expect([a.painBefore, a.painNow]).toEqual([7, 2]);
    expect(a.followUps).toEqual([
      { weeksAfter: 2, painNow: 2 },
      { weeksAfter: 6, painNow: 3 },
    ]);
    expect(items.get(named.b!)!.condition).toBeNull();
    expect(items.get(named.f!)!.condition).toBeNull();
    expect(items.get(named.c!)!.edited).toBe(true);
    expect(a.edited).toBe(false);
  });

  it('carries no author id, email or moderation note', async () => {
    const json = JSON.stringify(await listed({ sort: 'newest' }));
    expect(json).not.toMatch(/@example\.org/);
    expect(json).not.toMatch(/authorId|statusReason|clientHash/);
  });
});

describe('the address', () => {
  it('parses a full, valid address', () => {
    expect(
      parseReviewListParams({
        sort: 'lowest',
        condition: 'neck-pain',
        intent: 'sports',
        stars: '2',
        page: '3',
      }),
    ).toEqual({
      query: { sort: 'lowest', condition: 'neck-pain', intent: 'sports', stars: 2, page: 3 },
      notices: [],
    });
  });

  it('uses the defaults for an empty address and for blank fields from the form', () => {
    expect(parseReviewListParams({})).toEqual({ query: DEFAULT_REVIEW_QUERY, notices: [] });
    expect(
      parseReviewListParams({ sort: 'helpful', condition: '', intent: '  ', stars: '' }),
    ).toEqual({ query: DEFAULT_REVIEW_QUERY, notices: [] });
  });

  it('ignores each bad value with a notice and keeps the good ones', () => {
    const { query, notices } = parseReviewListParams({
      sort: 'cheapest',
      condition: 'broken-heart',
      intent: 'sports',
      stars: '7',
      page: '-1',
    });
    expect(query).toEqual({ ...DEFAULT_REVIEW_QUERY, intent: 'sports' });
    expect(notices.map((n) => n.parameter).sort()).toEqual(['condition', 'page', 'sort', 'stars']);
    for (const notice of notices) {
      expect(notice.label.length).toBeGreaterThan(0);
      expect(notice.message.length).toBeGreaterThan(0);
    }
  });

  it('refuses settings this page does not have, with a notice', () => {
    const { query, notices } = parseReviewListParams({ stars: '4', role: 'admin' });
    expect(query.stars).toBe(4);
    expect(notices).toEqual([
      { parameter: 'role', label: 'role', message: 'This is not a setting of this page' },
    ]);
  });

  it('treats a parameter named __proto__ like any unknown one', () => {
    const raw = JSON.parse('{"__proto__": "x", "stars": "2"}') as Record<string, string>;
    const { query, notices } = parseReviewListParams(raw);
    expect(query.stars).toBe(2);
    expect(notices.map((n) => n.parameter)).toEqual(['__proto__']);
  });

  it('takes the last of repeated values', () => {
    expect(
      parseReviewListParams({ stars: ['1', '5'], sort: ['lowest', 'newest'] }).query,
    ).toMatchObject({
      stars: 5,
      sort: 'newest',
    });
  });

  it('never throws, whatever the address holds', () => {
    const nasty = [
      '0',
      '1.5',
      '1e3',
      '٣',
      '99999999999',
      '<script>',
      '__proto__',
      'constructor',
      '\u0000',
      'x'.repeat(5000),
      'NaN',
      '-0',
    ];
    for (const value of nasty) {
      for (const name of ['sort', 'condition', 'intent', 'stars', 'page', '__proto__', value]) {
        const { query } = parseReviewListParams({ [name]: value });
        expect(query.page).toBeGreaterThanOrEqual(1);
        expect(['helpful', 'newest', 'highest', 'lowest']).toContain(query.sort);
      }
    }
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`junk${i}`, 'x']));
    expect(parseReviewListParams(many).notices.length).toBeLessThanOrEqual(6);
  });

  it('a page past the end is empty, not an error', async () => {
    const page = await listTherapistReviews(shop.id, { sort: 'newest', page: 9999, pageSize: 10 });
    expect(page.items).toEqual([]);
    expect(page.total).toBe(published.length);
  });

  it('writes short addresses: defaults left out, filters kept across pages', () => {
    const base = '/therapists/x';
    expect(reviewListHref(base, DEFAULT_REVIEW_QUERY)).toBe('/therapists/x#reviews');
    expect(
      reviewListHref(base, { ...DEFAULT_REVIEW_QUERY, stars: 4, sort: 'newest' }, { page: 2 }),
    ).toBe('/therapists/x?sort=newest&stars=4&page=2#reviews');
    const back = parseReviewListParams(
      Object.fromEntries(new URLSearchParams('sort=newest&stars=4&page=2')),
    );
    expect(back.query).toEqual({ ...DEFAULT_REVIEW_QUERY, sort: 'newest', stars: 4, page: 2 });
  });
});

describe('helpful votes', () => {
  async function votes(reviewId: number) {
    return (await database.db.select().from(reviewVotes).where(eq(reviewVotes.reviewId, reviewId)))
      .length;
  }

  it('one per member: voting twice counts once, and the list shows it', async () => {
    const { viewer } = await signedInViewer();
    const before = await votes(named.g!);
    const first = await setHelpfulVote(viewer, named.g!, true);
    const again = await setHelpfulVote(viewer, named.g!, true);
    expect(first).toMatchObject({ voted: true, count: before + 1, therapistSlug: shop.slug });
    expect(again).toMatchObject({ voted: true, count: before + 1 });
    expect(await votes(named.g!)).toBe(before + 1);
    const item = (
      await listTherapistReviews(shop.id, { sort: 'newest', page: 1, pageSize: 50, viewer })
    ).items.find((r) => r.id === named.g)!;
    expect(item.helpful).toEqual({ count: before + 1, voted: true, viewer: 'member' });
    await setHelpfulVote(viewer, named.g!, false);
    expect(await votes(named.g!)).toBe(before);
  });

  it('toggles on and off', async () => {
    const { viewer } = await signedInViewer();
    const before = await votes(named.f!);
    expect(await toggleHelpfulVote(viewer, named.f!)).toMatchObject({
      voted: true,
      count: before + 1,
    });
    expect(await toggleHelpfulVote(viewer, named.f!)).toMatchObject({
      voted: false,
      count: before,
    });
    expect(await toggleHelpfulVote(viewer, named.f!)).toMatchObject({
      voted: true,
      count: before + 1,
    });
    await setHelpfulVote(viewer, named.f!, false);
  });

  it('concurrent votes of one member make one vote', async () => {
    const { viewer } = await signedInViewer();
    const before = await votes(named.d!);
    await Promise.all(Array.from({ length: 8 }, () => setHelpfulVote(viewer, named.d!, true)));
    expect(await votes(named.d!)).toBe(before + 1);
    await setHelpfulVote(viewer, named.d!, false);
  });

  it('never on your own review', async () => {
    const { viewer } = await signedInViewer();
    const own = await addReview(shop.id, { rating: 4, daysAgo: 30, authorId: viewer.userId });
    const attempt = setHelpfulVote(viewer, own.id, true);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(setHelpfulVote(viewer, own.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(toggleHelpfulVote(viewer, own.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await votes(own.id)).toBe(0);
    const item = (
      await listTherapistReviews(shop.id, { sort: 'newest', page: 1, pageSize: 50, viewer })
    ).items.find((r) => r.id === own.id)!;
    expect(item.helpful).toEqual({ count: 0, voted: false, viewer: 'author' });
    await database.db.delete(reviews).where(eq(reviews.id, own.id));
  });

  it('never by the owner of the profile on its reviews', async () => {
    const { viewer } = await signedInViewer();
    const { therapist } = await createTherapist(database.db, { claimedByUserId: viewer.userId });
    const review = await addReview(therapist.id, { rating: 5, daysAgo: 3 });
    await expect(setHelpfulVote(viewer, review.id, true)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await votes(review.id)).toBe(0);
  });

  it('only on published reviews', async () => {
    const { viewer } = await signedInViewer();
    for (const key of ['pending1', 'pending2', 'nr1', 'removed']) {
      const id = named[key]!;
      const before = await votes(id);
      await expect(setHelpfulVote(viewer, id, true)).rejects.toMatchObject({ code: 'not_found' });
      await expect(toggleHelpfulVote(viewer, id)).rejects.toMatchObject({ code: 'not_found' });
      expect(await votes(id)).toBe(before);
    }
    await expect(setHelpfulVote(viewer, 2_000_000_000, true)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('not when signed out; the list then shows the count alone', async () => {
    await expect(setHelpfulVote(null, named.a!, true)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(toggleHelpfulVote(null, named.a!)).rejects.toMatchObject({ code: 'unauthorized' });
    const item = (await listed({ sort: 'newest' })).items.find((r) => r.id === named.e)!;
    expect(item.helpful).toEqual({ count: 5, voted: false, viewer: 'signed_out' });
  });

  it('a vote moves a review up the "most helpful" order', async () => {
    const voters = await Promise.all(Array.from({ length: 3 }, () => signedInViewer()));
    for (const { viewer } of voters) await setHelpfulVote(viewer, named.a!, true);
    const ids = (await listed({ sort: 'helpful' })).items.map((r) => r.id);
    // a (3 votes, newest) now comes before b and c (3 votes each, older).
    expect(ids.slice(0, 4)).toEqual([named.e, named.a, named.b, named.c]);
    for (const { viewer } of voters) await setHelpfulVote(viewer, named.a!, false);
  });
});

describe('what moderation holds back', () => {
  it('the profile counts pending and not-recommended reviews, and leaves them out of the rating', async () => {
    const profile = (await getTherapistProfile(shop.slug))!;
    expect(profile.rating.pendingCount).toBe(2);
    expect(profile.rating.notRecommendedCount).toBe(3);
    expect(profile.rating.reviewCount).toBe(published.length);
    const mean = published.reduce((sum, r) => sum + r.rating, 0) / published.length;
    expect(profile.rating.average).toBeCloseTo(mean, 9);
  });

  it('the counts follow a moderation decision', async () => {
    await database.db
      .update(reviews)
      .set({ status: 'published', statusReason: 'meets_guidelines', publishedAt: new Date(NOW) })
      .where(eq(reviews.id, named.pending2!));
    await recomputeTherapistStats(database.db, [shop.id]);
    const profile = (await getTherapistProfile(shop.slug))!;
    expect(profile.rating.pendingCount).toBe(1);
    expect(profile.rating.reviewCount).toBe(published.length + 1);
    await database.db
      .update(reviews)
      .set({ status: 'pending', statusReason: 'reported', publishedAt: null })
      .where(eq(reviews.id, named.pending2!));
    await recomputeTherapistStats(database.db, [shop.id]);
    expect((await getTherapistProfile(shop.slug))!.rating.pendingCount).toBe(2);
  });

  it('lists the not-recommended reviews with a content reason, never pending or removed ones', async () => {
    const page = await listNotRecommendedReviews(shop.id, { page: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.id)).toEqual([named.nr1, named.nr2, named.nr3]);
    const [spam, personal, network] = page.items;
    expect(spam!.reason).toMatch(/^Spam or advertising/);
    expect(spam!.body).toContain('discount');
    expect(spam!.condition?.slug).toBe('neck-pain');
    // Someone's personal details: listed and counted, but the text is withheld.
    expect(personal!.reason).toMatch(/^Personal or health information/);
    expect(personal!.textWithheld).toBe(true);
    expect(personal!.body).toBe('');
    expect(JSON.stringify(page)).not.toContain('Jane Doe');
    // A reason that is not a content reason is never shown as such.
    expect(network!.reason).toBe(GENERIC_NOT_RECOMMENDED_REASON);
    expect(JSON.stringify(page)).not.toContain('same network');
    expect(network!.condition).toBeNull();
    expect(page.items.every((r) => r.writtenAt.length > 0)).toBe(true);
  });

  it('pages the not-recommended reviews', async () => {
    const first = await listNotRecommendedReviews(shop.id, { page: 1, pageSize: 2 });
    const second = await listNotRecommendedReviews(shop.id, { page: 2, pageSize: 2 });
    expect(first.pageCount).toBe(2);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual([
      named.nr1,
      named.nr2,
      named.nr3,
    ]);
  });

  it('names only content reasons', () => {
    expect(publicModerationReason('off_topic')).toMatch(/^Not about the sessions/);
    expect(publicModerationReason('meets_guidelines')).toBe(GENERIC_NOT_RECOMMENDED_REASON);
    expect(publicModerationReason('new_account')).toBe(GENERIC_NOT_RECOMMENDED_REASON);
    expect(publicModerationReason(null)).toBe(GENERIC_NOT_RECOMMENDED_REASON);
  });
});

describe('"Write a review" or "Edit your review"', () => {
  it('finds the viewer’s own review of this therapist, whatever its status', async () => {
    const { viewer } = await signedInViewer();
    expect(await getOwnReview(viewer, shop.id)).toBeNull();
    expect(await getOwnReview(null, shop.id)).toBeNull();
    const review = await addReview(shop.id, {
      rating: 2,
      daysAgo: 40,
      authorId: viewer.userId,
      status: 'pending',
      statusReason: 'new_account',
    });
    expect(await getOwnReview(viewer, shop.id)).toEqual({ id: review.id, status: 'pending' });
    const { therapist: other } = await createTherapist(database.db);
    expect(await getOwnReview(viewer, other.id)).toBeNull();
    const { viewer: someoneElse } = await signedInViewer();
    expect(await getOwnReview(someoneElse, shop.id)).toBeNull();
    await database.db.delete(reviews).where(eq(reviews.id, review.id));
  });

  it('knows the owner of a profile', async () => {
    const { viewer } = await signedInViewer();
    const { therapist } = await createTherapist(database.db, { claimedByUserId: viewer.userId });
    expect(await viewerOwnsTherapist(viewer, therapist.id)).toBe(true);
    expect(await viewerOwnsTherapist(viewer, shop.id)).toBe(false);
    expect(await viewerOwnsTherapist(null, therapist.id)).toBe(false);
  });
});

describe('JSON-LD', () => {
  async function jsonLdOf(slug: string, items?: PublicReview[]) {
    const profile = (await getTherapistProfile(slug))!;
    const list = items ?? (await listed({ sort: 'helpful' })).items;
    return toTherapistJsonLd({
      url: `https://unknot.example/therapists/${slug}`,
      profile,
      reviews: list,
    });
  }

  it('describes the practice, its current addresses, the plain average and five reviews', async () => {
    const data = await jsonLdOf(shop.slug);
    const profile = (await getTherapistProfile(shop.slug))!;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('HealthAndBeautyBusiness');
    expect(data.name).toBe(profile.name);
    expect(data.url).toBe(`https://unknot.example/therapists/${shop.slug}`);
    const current = profile.locations.filter((l) => l.current);
    const addresses = ([] as unknown[]).concat(data.address ?? []);
    expect(addresses).toHaveLength(current.length);
    expect(addresses[0]).toMatchObject({
      '@type': 'PostalAddress',
      streetAddress: current[0]!.address,
      addressLocality: current[0]!.city,
      postalCode: current[0]!.postalCode,
    });
    const [row] = await database.db
      .select({ avg: sql<number>`avg(${reviews.rating})::float8`, n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(and(eq(reviews.therapistId, shop.id), eq(reviews.status, 'published')));
    expect(data.aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: Math.round(row!.avg * 100) / 100,
      reviewCount: row!.n,
      bestRating: 5,
      worstRating: 1,
    });
    const items = data.review as Record<string, unknown>[];
    expect(items).toHaveLength(JSON_LD_MAX_REVIEWS);
    const shown = (await listed({ sort: 'helpful' })).items;
    expect(items[0]).toEqual({
      '@type': 'Review',
      author: { '@type': 'Person', name: shown[0]!.authorName },
      datePublished: shown[0]!.publishedAt.slice(0, 10),
      ...(shown[0]!.title ? { name: shown[0]!.title } : {}),
      reviewBody: shown[0]!.body,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: shown[0]!.rating,
        bestRating: 5,
        worstRating: 1,
      },
    });
    expect(JSON.stringify(data)).not.toMatch(/@example\.org/);
  });

  it('has no rating or reviews without published reviews', async () => {
    const { therapist } = await createTherapist(database.db);
    await addReview(therapist.id, {
      rating: 1,
      daysAgo: 2,
      status: 'pending',
      statusReason: 'new_account',
    });
    await recomputeTherapistStats(database.db, [therapist.id]);
    const data = await jsonLdOf(therapist.slug, []);
    expect(data).not.toHaveProperty('aggregateRating');
    expect(data).not.toHaveProperty('review');
    expect(data.name).toBe(therapist.name);
  });

  it('cannot be broken out of by a review’s text', async () => {
    const { therapist } = await createTherapist(database.db);
    const body = 'Great</script><script>alert(1)</script> <!-- & done \u2028 next line';
    await addReview(therapist.id, { rating: 5, daysAgo: 1, body, title: '</SCRIPT>' });
    await recomputeTherapistStats(database.db, [therapist.id]);
    const { items } = await listTherapistReviews(therapist.id, { page: 1 });
    const data = await jsonLdOf(therapist.slug, items);
    const text = serializeJsonLd(data);
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('\u2028');
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(data);
    expect((JSON.parse(text) as { review: { reviewBody: string }[] }).review[0]!.reviewBody).toBe(
      body,
    );
  });
});

describe('hidden therapists', () => {
  it('show no reviews of any kind', async () => {
    const { therapist } = await createTherapist(database.db);
    await addReview(therapist.id, { rating: 4, daysAgo: 1 });
    await database.db
      .update(therapists)
      .set({ status: 'hidden' })
      .where(eq(therapists.id, therapist.id));
    expect(await getTherapistProfile(therapist.slug)).toBeNull();
    const { viewer } = await signedInViewer();
    const [review] = await database.db
      .select({ id: reviews.id })
      .from(reviews)
      .where(eq(reviews.therapistId, therapist.id));
    await expect(setHelpfulVote(viewer, review!.id, true)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
