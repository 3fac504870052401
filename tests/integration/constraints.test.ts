import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db';
import {
  conditions,
  practiceLocations,
  reviewFollowUps,
  reviews,
  therapistStats,
  therapists,
  users,
} from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { expectRefused } from '../support/errors';

let database: TestDatabase;
let authorId: string;
let therapistId: number;
let conditionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const [author] = await db
    .insert(users)
    .values({ email: 'maya@example.net', displayName: 'Maya R.' })
    .returning({ id: users.id });
  const [therapist] = await db
    .insert(therapists)
    .values({
      slug: 'dana-kim-denver',
      name: 'Dana Kim',
      licenseState: 'CO',
      licenseNumber: 'MT.0001',
    })
    .returning({ id: therapists.id });
  const [condition] = await db
    .insert(conditions)
    .values({ slug: 'sciatica', name: 'Sciatica', bodyArea: 'leg', synonyms: ['pain down my leg'] })
    .returning({ id: conditions.id });
  authorId = author!.id;
  therapistId = therapist!.id;
  conditionId = condition!.id;
});

afterAll(async () => {
  await database.dispose();
});

const review = (overrides: Partial<typeof reviews.$inferInsert> = {}) => ({
  authorId,
  therapistId,
  rating: 5,
  body: 'She found the cause in my hip.',
  ...overrides,
});

describe('the database refuses bad rows', () => {
  it('accepts a well-formed review', async () => {
    const [row] = await database.db.insert(reviews).values(review()).returning({ id: reviews.id });
    expect(row?.id).toBeGreaterThan(0);
  });

  it('allows one review per author and therapist', async () => {
    await expectRefused(
      database.db.insert(reviews).values(review()),
      'reviews_author_therapist_key',
    );
  });

  it.each([
    ['rating above 5', { rating: 6 }, 'reviews_rating_range'],
    ['rating below 1', { rating: 0 }, 'reviews_rating_range'],
    ['pain above 10', { painBefore: 11 }, 'reviews_pain_before_range'],
    ['negative pain now', { painNow: -1 }, 'reviews_pain_now_range'],
    ['pressure above 5', { pressureWanted: 6 }, 'reviews_pressure_range'],
    ['an empty body', { body: '' }, 'reviews_body_length'],
    ['a body over 5,000 characters', { body: 'a'.repeat(5001) }, 'reviews_body_length'],
    [
      'a visit month not on the first',
      { visitMonth: '2026-03-15' },
      'reviews_visit_month_first_day',
    ],
    [
      'a public condition without consent',
      { conditionId: -1, conditionPublic: true },
      'reviews_condition_consent',
    ],
    ['published without a date', { status: 'published' as const }, 'reviews_published_at'],
  ])('refuses a review with %s', async (_label, overrides, constraint) => {
    const { db } = database;
    const [other] = await db
      .insert(users)
      .values({
        email: `other-${constraint}-${Math.random().toString(36).slice(2)}@example.net`,
        displayName: 'Sam T.',
      })
      .returning({ id: users.id });
    const values = review({ authorId: other!.id, ...overrides });
    if (values.conditionId === -1) values.conditionId = conditionId;
    await expectRefused(db.insert(reviews).values(values), constraint);
  });

  it('refuses a review of a therapist that does not exist', async () => {
    await expectRefused(
      database.db.insert(reviews).values(review({ therapistId: 999_999 })),
      'reviews_therapist_id_therapists_id_fk',
    );
  });

  it.each([
    [
      'pressure minimum above maximum',
      { pressureMin: 4, pressureMax: 2 },
      'therapists_pressure_range',
    ],
    ['pressure out of range', { pressureMax: 7 }, 'therapists_pressure_range'],
    ['a slug with spaces', { slug: 'Dana Kim' }, 'therapists_slug_format'],
    [
      'a lowercase licence state',
      { licenseState: 'co', licenseNumber: 'X1' },
      'therapists_license_state_format',
    ],
    ['a licence number without a state', { licenseNumber: 'X2' }, 'therapists_license_pair'],
    [
      'a booking link that is not https',
      { bookingUrl: 'javascript:alert(1)' },
      'therapists_booking_url_format',
    ],
    [
      'a malformed contact email',
      { contactEmail: 'not-an-email' },
      'therapists_contact_email_format',
    ],
  ])('refuses a therapist with %s', async (_label, overrides, constraint) => {
    const slug = `t-${Math.random().toString(36).slice(2, 10)}`;
    await expectRefused(
      database.db.insert(therapists).values({ slug, name: 'Alex Moreno', ...overrides }),
      constraint,
    );
  });

  it('refuses a second therapist with the same slug or licence', async () => {
    const { db } = database;
    await expectRefused(
      db.insert(therapists).values({ slug: 'dana-kim-denver', name: 'Dana Kim' }),
      'therapists_slug_key',
    );
    await expectRefused(
      db.insert(therapists).values({
        slug: 'other-dana',
        name: 'Dana Kim',
        licenseState: 'CO',
        licenseNumber: 'MT.0001',
      }),
      'therapists_license_key',
    );
  });

  it('refuses users with a duplicate or uppercase email and names out of bounds', async () => {
    const { db } = database;
    await expectRefused(
      db.insert(users).values({ email: 'maya@example.net', displayName: 'Maya Q.' }),
      'users_email_key',
    );
    await expectRefused(
      db.insert(users).values({ email: 'Maya@Example.net', displayName: 'Maya Q.' }),
      'users_email_lowercase',
    );
    await expectRefused(
      db.insert(users).values({ email: 'x@example.net', displayName: 'X' }),
      'users_display_name_length',
    );
  });

  it('refuses locations with impossible coordinates or dates', async () => {
    const location = {
      therapistId,
      name: 'Cherry Creek Clinic',
      address: '100 Main St',
      city: 'Denver',
      region: 'CO',
      postalCode: '80206',
      latitude: 39.72,
      longitude: -104.95,
      startsOn: '2022-01-01',
    };
    const { db } = database;
    await expectRefused(
      db.insert(practiceLocations).values({ ...location, latitude: 95 }),
      'practice_locations_latitude',
    );
    await expectRefused(
      db.insert(practiceLocations).values({ ...location, longitude: -190 }),
      'practice_locations_longitude',
    );
    await expectRefused(
      db.insert(practiceLocations).values({ ...location, endsOn: '2021-06-01' }),
      'practice_locations_dates',
    );
    await expectRefused(
      db.insert(practiceLocations).values({ ...location, country: 'usa' }),
      'practice_locations_country',
    );
  });

  it('refuses follow-ups outside 2, 6 and 12 weeks and duplicates', async () => {
    const { db } = database;
    const [row] = await db
      .select({ id: reviews.id })
      .from(reviews)
      .where(eq(reviews.therapistId, therapistId))
      .limit(1);
    await db.insert(reviewFollowUps).values({ reviewId: row!.id, weeksAfter: 6, painNow: 2 });
    await expectRefused(
      db.insert(reviewFollowUps).values({ reviewId: row!.id, weeksAfter: 6, painNow: 3 }),
      'review_follow_ups_review_weeks_key',
    );
    await expectRefused(
      db.insert(reviewFollowUps).values({ reviewId: row!.id, weeksAfter: 5, painNow: 3 }),
      'review_follow_ups_weeks',
    );
  });

  it('refuses aggregates that do not add up', async () => {
    await expectRefused(
      database.db.insert(therapistStats).values({ therapistId, starCounts: [1, 2, 3] }),
      'therapist_stats_star_counts_len',
    );
    await expectRefused(
      database.db
        .insert(therapistStats)
        .values({ therapistId, outcomeReports: 1, improvedCount: 2 }),
      'therapist_stats_counts',
    );
  });

  it('left nothing behind from the refused statements', async () => {
    const [counts] = await selectRows<{ reviews: number; therapists: number; locations: number }>(
      database.db,
      sql`select (select count(*)::int from reviews) as reviews,
                 (select count(*)::int from therapists) as therapists,
                 (select count(*)::int from practice_locations) as locations`,
    );
    expect(counts).toEqual({ reviews: 1, therapists: 1, locations: 0 });
  });
});
