import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  conditions,
  modalities,
  practiceLocations,
  reviewFollowUps,
  reviews,
  therapistConditions,
  therapistModalities,
  therapists,
  therapistStats,
  users,
} from '@/db/schema';
import {
  countExistingData,
  ensureTaxonomy,
  resetDatabase,
  seedDatabase,
  totalRows,
  type SeedResult,
} from '@/db/seed/run';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { createReview, createTherapist, createUser, freeTherapistSlug } from '../factories';
import { createTestDatabase, type TestDatabase } from '../support/database';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const OPTIONS = { therapists: 60, reviews: 600, seed: 11, now: NOW };

let database: TestDatabase;
let result: SeedResult;
const phases = new Set<string>();

async function countOf(table: PgTable): Promise<number> {
  const rows = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ${table}`,
  );
  return rows[0]?.n ?? 0;
}

/** A digest of what the seed wrote, to compare two runs. */
async function fingerprint(): Promise<string[]> {
  const rows = await selectRows<{ line: string }>(
    database.db,
    sql`select concat_ws('|', t.id, t.slug, t.license_number, md5(t.bio)) as line from therapists t
        union all
        select concat_ws('|', r.id, r.author_id, r.therapist_id, r.rating, md5(r.body), r.pain_before, r.pain_now) from reviews r
        union all
        select concat_ws('|', l.therapist_id, l.postal_code, l.latitude, l.longitude) from practice_locations l
        order by 1`,
  );
  return rows.map((r) => r.line);
}

beforeAll(async () => {
  database = await createTestDatabase();
  result = await seedDatabase(database.db, {
    ...OPTIONS,
    onProgress: (_done, _total, phase) => phases.add(phase),
  });
});

afterAll(async () => {
  await database.dispose();
});

describe('seedDatabase', () => {
  it('writes exactly the requested therapists and reviews, and reports every row', async () => {
    const { counts } = result;
    expect(counts.therapists).toBe(60);
    expect(counts.reviews).toBe(600);
    expect(counts.users).toBe(200);
    expect(await countOf(therapists)).toBe(60);
    expect(await countOf(reviews)).toBe(600);
    expect(await countOf(users)).toBe(200);
    expect(await countOf(practiceLocations)).toBe(counts.locations);
    expect(await countOf(therapistModalities)).toBe(counts.therapistModalities);
    expect(await countOf(therapistConditions)).toBe(counts.therapistConditions);
    expect(await countOf(reviewFollowUps)).toBe(counts.followUps);
    expect(await countOf(modalities)).toBe(MODALITIES.length);
    expect(await countOf(conditions)).toBe(CONDITIONS.length);
    expect(counts.followUps).toBeGreaterThan(0);
    expect(result.rows).toBe(totalRows(counts));
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect([...phases]).toEqual(['taxonomy', 'therapists', 'users', 'reviews', 'stats']);
  });

  it('gives each reviewer at most one review per therapist', async () => {
    const duplicates = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from (
            select author_id, therapist_id from reviews group by 1, 2 having count(*) > 1
          ) d`,
    );
    expect(duplicates[0]?.n).toBe(0);
  });

  it('recomputes the aggregates: review counts add up to the published reviews', async () => {
    const [totals] = await selectRows<{
      stats: number;
      published: number;
      rows: number;
      stars_ok: boolean;
    }>(
      database.db,
      sql`select
            (select coalesce(sum(review_count), 0)::int from therapist_stats) as stats,
            (select count(*)::int from reviews where status = 'published') as published,
            (select count(*)::int from therapist_stats) as rows,
            (select bool_and(star_counts[1] + star_counts[2] + star_counts[3] + star_counts[4] + star_counts[5] = review_count)
               from therapist_stats) as stars_ok`,
    );
    expect(totals?.stats).toBe(totals?.published);
    expect(totals?.rows).toBe(60);
    expect(totals?.stars_ok).toBe(true);
    const [outcomes] = await selectRows<{ lasting: number; followed: number }>(
      database.db,
      sql`select sum(lasting_relief_count)::int as lasting, sum(followed_up_count)::int as followed from therapist_stats`,
    );
    expect(outcomes?.followed).toBeGreaterThan(0);
    expect(outcomes?.lasting).toBeLessThanOrEqual(outcomes?.followed ?? 0);
  });

  it('places every practice inside the United States, each therapist with a current one', async () => {
    const [bounds] = await selectRows<{ outside: number; without_current: number }>(
      database.db,
      sql`select
            (select count(*)::int from practice_locations
              where country <> 'US' or latitude not between 18 and 72 or longitude not between -180 and -65) as outside,
            (select count(*)::int from therapists t
              where not exists (select 1 from practice_locations l where l.therapist_id = t.id and l.ends_on is null))
              as without_current`,
    );
    expect(bounds?.outside).toBe(0);
    expect(bounds?.without_current).toBe(0);
    const nearNewYork = await selectRows<{ n: number }>(
      database.db,
      sql`select count(distinct therapist_id)::int as n from practice_locations
          where ends_on is null and latitude between 40.5 and 40.95 and longitude between -74.3 and -73.7`,
    );
    expect(nearNewYork[0]?.n).toBeGreaterThan(5);
  });

  it('links therapists to taxonomy and keeps public conditions consented', async () => {
    const [links] = await selectRows<{
      min_m: number;
      max_m: number;
      min_c: number;
      max_c: number;
      bad_consent: number;
    }>(
      database.db,
      sql`select min(m)::int as min_m, max(m)::int as max_m, min(c)::int as min_c, max(c)::int as max_c,
            (select count(*)::int from reviews where condition_public and (condition_consent_at is null or condition_consent_text is null))
              as bad_consent
          from (select t.id,
                  (select count(*) from therapist_modalities tm where tm.therapist_id = t.id) as m,
                  (select count(*) from therapist_conditions tc where tc.therapist_id = t.id) as c
                from therapists t) x`,
    );
    expect(links?.min_m).toBeGreaterThanOrEqual(2);
    expect(links?.max_m).toBeLessThanOrEqual(5);
    expect(links?.min_c).toBeGreaterThanOrEqual(3);
    expect(links?.max_c).toBeLessThanOrEqual(8);
    expect(links?.bad_consent).toBe(0);
  });

  it('keeps the taxonomy idempotent', async () => {
    const first = await ensureTaxonomy(database.db);
    const second = await ensureTaxonomy(database.db);
    expect([...second.modalities]).toEqual([...first.modalities]);
    expect(await countOf(modalities)).toBe(MODALITIES.length);
    expect(await countOf(conditions)).toBe(CONDITIONS.length);
  });

  it('writes the same rows again after a reset, for the same seed', async () => {
    const before = await fingerprint();
    expect((await countExistingData(database.db)).therapists).toBe(60);
    const emptied = await resetDatabase(database.db);
    expect(emptied).toContain('therapists');
    expect(await countExistingData(database.db)).toEqual({ users: 0, therapists: 0, reviews: 0 });
    await seedDatabase(database.db, OPTIONS);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('factories', () => {
  it('create a user, a therapist and a review that fit with seeded data', async () => {
    const author = await createUser(database.db);
    expect(author.email).toMatch(/^member\d+@example\.org$/);
    expect(author.role).toBe('member');

    const created = await createTherapist(database.db, { archetype: 'clinical' });
    expect(created.therapist.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(created.therapist.pressureMin).toBeGreaterThanOrEqual(3);
    expect(created.locations.length).toBeGreaterThanOrEqual(1);
    expect(created.modalityIds.length).toBe(created.modalitySlugs.length);
    expect(created.conditionIds.length).toBeGreaterThanOrEqual(3);

    const { review, followUps } = await createReview(database.db, {
      authorId: author.id,
      therapistId: created.therapist.id,
      scenario: 'lasting',
      status: 'published',
    });
    expect(review.status).toBe('published');
    expect(review.publishedAt).not.toBeNull();
    expect(review.painBefore! - review.painNow!).toBeGreaterThanOrEqual(2);
    expect(created.therapist.intents).toContain(review.intent);
    for (const f of followUps) expect(f.reviewId).toBe(review.id);

    await expect(
      createReview(database.db, { authorId: author.id, therapistId: created.therapist.id }),
    ).rejects.toThrow();

    await recomputeTherapistStats(database.db, [created.therapist.id]);
    const [stats] = await database.db
      .select({ reviewCount: therapistStats.reviewCount })
      .from(therapistStats)
      .where(eq(therapistStats.therapistId, created.therapist.id));
    expect(stats?.reviewCount).toBe(1);
  });

  it('honour overrides and find a free slug next to taken ones', async () => {
    const first = await createTherapist(database.db, {
      name: 'Maya Rivera',
      slug: 'maya-rivera-denver',
    });
    expect(first.therapist.name).toBe('Maya Rivera');
    const second = await createTherapist(database.db, {
      slug: 'maya-rivera-denver-2',
      modalitySlugs: ['swedish', 'hot-stone'],
      locations: [{ city: 'Denver', region: 'CO' }],
    });
    expect(second.modalitySlugs).toEqual(['swedish', 'hot-stone']);
    expect(second.locations.map((l) => l.city)).toEqual(['Denver']);
    expect(await freeTherapistSlug(database.db, 'maya-rivera-denver')).toBe('maya-rivera-denver-3');
    expect(await freeTherapistSlug(database.db, 'nobody-here-yet')).toBe('nobody-here-yet');
    const [total] = await database.db.select({ n: count() }).from(therapists);
    expect(total?.n).toBe(63);
  });

  it('keep numbering across transactions, so rows never clash', async () => {
    const inside = await database.db.transaction(async (tx) => {
      const user = await createUser(tx);
      const therapist = await createTherapist(tx);
      return { user, therapist };
    });
    const outside = await createUser(database.db);
    expect(inside.user.email).not.toBe(outside.email);
    expect(inside.therapist.therapist.licenseNumber).toBeTruthy();
  });
});
