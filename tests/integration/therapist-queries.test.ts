import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import { reviews, therapists, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed/run';
import { DEFAULT_CITY } from '@/lib/config';
import { distanceKm } from '@/lib/geo';
import {
  getTherapistProfile,
  listTherapistReviews,
  listTherapistsNear,
} from '@/lib/therapists/queries';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db, { therapists: 120, reviews: 1500, seed: 7 });
});

afterAll(async () => {
  await database.dispose();
});

async function busiestTherapist() {
  const [row] = await selectRows<{ id: number; slug: string; n: number }>(
    database.db,
    sql`select t.id, t.slug, count(r.id)::int as n
        from therapists t join reviews r on r.therapist_id = t.id and r.status = 'published'
        where t.status = 'published'
        group by t.id order by n desc, t.id limit 1`,
  );
  if (!row) throw new Error('the seed made no reviews');
  return row;
}

describe('listTherapistsNear', () => {
  it('lists published therapists within the radius, each once, best rated first', async () => {
    const cards = await listTherapistsNear(DEFAULT_CITY, { radiusKm: 40, limit: 50 });
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.slug)).size).toBe(cards.length);
    for (const card of cards) {
      expect(card.distanceKm).not.toBeNull();
      expect(card.distanceKm!).toBeLessThanOrEqual(40);
      expect(card.modalities.length).toBeGreaterThan(0);
      expect(card.modalities.length).toBeLessThanOrEqual(3);
    }
    const hidden = await database.db
      .select({ slug: therapists.slug })
      .from(therapists)
      .where(eq(therapists.status, 'hidden'));
    const hiddenSlugs = new Set(hidden.map((h) => h.slug));
    expect(cards.some((c) => hiddenSlugs.has(c.slug))).toBe(false);
  });

  it('finds nobody in the middle of the ocean', async () => {
    expect(await listTherapistsNear({ latitude: 30, longitude: -40 }, { radiusKm: 50 })).toEqual(
      [],
    );
  });

  it('respects the limit', async () => {
    expect((await listTherapistsNear(DEFAULT_CITY, { limit: 3 })).length).toBeLessThanOrEqual(3);
  });

  it('computes the distance to the nearest current location', async () => {
    const [card] = await listTherapistsNear(DEFAULT_CITY, { limit: 1 });
    const profile = await getTherapistProfile(card!.slug);
    const nearest = Math.min(
      ...profile!.locations.filter((l) => l.current).map((l) => distanceKm(DEFAULT_CITY, l)),
    );
    expect(card!.distanceKm).toBeCloseTo(nearest, 6);
  });
});

describe('getTherapistProfile', () => {
  it('returns the profile with rating figures that match the reviews behind them', async () => {
    const busiest = await busiestTherapist();
    const profile = await getTherapistProfile(busiest.slug);
    expect(profile).not.toBeNull();
    expect(profile!.rating.reviewCount).toBe(busiest.n);
    expect(profile!.rating.starCounts.reduce((a, b) => a + b, 0)).toBe(busiest.n);
    const [avg] = await selectRows<{ avg: number }>(
      database.db,
      sql`select avg(rating)::float8 as avg from reviews where therapist_id = ${busiest.id} and status = 'published'`,
    );
    expect(profile!.rating.average).toBeCloseTo(avg!.avg, 9);
    expect(profile!.modalities.length).toBeGreaterThan(0);
    expect(profile!.conditions.length).toBeGreaterThan(0);
    expect(profile!.locations.some((l) => l.current)).toBe(true);
    expect(profile!.locations[0]!.current).toBe(true);
  });

  it('never exposes the contact email or user ids', async () => {
    const busiest = await busiestTherapist();
    const profile = await getTherapistProfile(busiest.slug);
    const json = JSON.stringify(profile);
    expect(json).not.toMatch(/@example\./);
    expect(json).not.toContain('claimedByUserId');
    expect(Object.keys(profile!)).not.toContain('contactEmail');
  });

  it('returns null for unknown and hidden therapists', async () => {
    expect(await getTherapistProfile('nobody-here')).toBeNull();
    const [hidden] = await database.db
      .update(therapists)
      .set({ status: 'hidden' })
      .where(eq(therapists.slug, (await busiestTherapist()).slug))
      .returning({ slug: therapists.slug, id: therapists.id });
    expect(await getTherapistProfile(hidden!.slug)).toBeNull();
    await database.db
      .update(therapists)
      .set({ status: 'published' })
      .where(eq(therapists.id, hidden!.id));
  });

  it('shows outcome figures only from five reports up', async () => {
    const busiest = await busiestTherapist();
    const profile = await getTherapistProfile(busiest.slug);
    const { outcomeReports, improvedCount } = profile!.rating;
    if (outcomeReports >= 5)
      expect(profile!.improved).toEqual({ count: improvedCount, base: outcomeReports });
    else expect(profile!.improved).toBeNull();

    const [lonely] = await selectRows<{ slug: string }>(
      database.db,
      sql`select t.slug from therapists t join therapist_stats s on s.therapist_id = t.id
          where t.status = 'published' and s.outcome_reports between 1 and 4 limit 1`,
    );
    if (lonely) expect((await getTherapistProfile(lonely.slug))!.improved).toBeNull();
  });
});

describe('listTherapistReviews', () => {
  it('pages through every published review, newest first, without repeats', async () => {
    const busiest = await busiestTherapist();
    const first = await listTherapistReviews(busiest.id, { page: 1, pageSize: 5 });
    expect(first.total).toBe(busiest.n);
    expect(first.pageCount).toBe(Math.ceil(busiest.n / 5));
    const seen: number[] = [];
    let previous = Infinity;
    for (let page = 1; page <= first.pageCount; page++) {
      const { items } = await listTherapistReviews(busiest.id, { page, pageSize: 5 });
      for (const item of items) {
        const at = Date.parse(item.publishedAt);
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
        seen.push(item.id);
      }
    }
    expect(new Set(seen).size).toBe(busiest.n);
    expect(
      (await listTherapistReviews(busiest.id, { page: first.pageCount + 1, pageSize: 5 })).items,
    ).toEqual([]);
  });

  it('shows the condition only with consent, and an anonymised author as a former member', async () => {
    const busiest = await busiestTherapist();
    const { items } = await listTherapistReviews(busiest.id, { page: 1, pageSize: 50 });
    const rows = await database.db
      .select({
        id: reviews.id,
        conditionPublic: reviews.conditionPublic,
        conditionId: reviews.conditionId,
      })
      .from(reviews)
      .where(and(eq(reviews.therapistId, busiest.id), eq(reviews.status, 'published')));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of items) {
      const row = byId.get(item.id)!;
      if (!row.conditionPublic) expect(item.condition).toBeNull();
      else expect(item.condition).not.toBeNull();
    }

    const target = items[0]!;
    const [author] = await database.db
      .select({ authorId: reviews.authorId })
      .from(reviews)
      .where(eq(reviews.id, target.id));
    await database.db.update(reviews).set({ authorId: null }).where(eq(reviews.id, target.id));
    const after = await listTherapistReviews(busiest.id, { page: 1, pageSize: 50 });
    expect(after.items.find((i) => i.id === target.id)!.authorName).toBe('Former member');
    await database.db
      .update(reviews)
      .set({ authorId: author!.authorId })
      .where(eq(reviews.id, target.id));
  });

  it('leaves pending and not-recommended reviews out, and counts them on the profile', async () => {
    const busiest = await busiestTherapist();
    const { items } = await listTherapistReviews(busiest.id, { page: 1, pageSize: 1 });
    await database.db
      .update(reviews)
      .set({ status: 'not_recommended', statusReason: 'off_topic' })
      .where(eq(reviews.id, items[0]!.id));
    await recomputeTherapistStats(database.db, [busiest.id]);
    const profile = await getTherapistProfile(busiest.slug);
    expect(profile!.rating.reviewCount).toBe(busiest.n - 1);
    expect(profile!.rating.notRecommendedCount).toBeGreaterThanOrEqual(1);
    const page = await listTherapistReviews(busiest.id, { page: 1, pageSize: 50 });
    expect(page.items.map((i) => i.id)).not.toContain(items[0]!.id);
  });

  it('carries no email addresses', async () => {
    const busiest = await busiestTherapist();
    const page = await listTherapistReviews(busiest.id, { page: 1, pageSize: 50 });
    const emails = await database.db.select({ email: users.email }).from(users).limit(5);
    const json = JSON.stringify(page);
    for (const { email } of emails) expect(json).not.toContain(email);
  });
});
