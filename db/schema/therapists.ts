import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { intent, licenseStatus, therapistStatus } from './enums';
import { users } from './auth';

export interface OpeningHours {
  day: number;
  opens: string;
  closes: string;
}

export interface PriceItem {
  service: string;
  minutes: number;
  dollars: number;
}

export const therapists = pgTable(
  'therapists',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Letters after the name: "LMT", "LMT, NCBTMB". */
    credentials: text('credentials').notNull().default(''),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    intents: intent('intents')
      .array()
      .notNull()
      .default(sql`'{}'`),
    pressureMin: smallint('pressure_min').notNull().default(1),
    pressureMax: smallint('pressure_max').notNull().default(5),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{en}'::text[]`),
    mobileService: boolean('mobile_service').notNull().default(false),
    /** What the practitioner does not treat, in their words. */
    notTreated: text('not_treated').notNull().default(''),
    /** Whom they refer people to (physiotherapists, physicians, ...), in their words. */
    referrals: text('referrals').notNull().default(''),
    /** Opening hours: one entry per opening, day 0 = Monday, times "HH:MM" (24 h). */
    hours: jsonb('hours').$type<OpeningHours[]>().notNull().default([]),
    /** Prices: what, how long, and the price in whole US dollars. */
    prices: jsonb('prices').$type<PriceItem[]>().notNull().default([]),
    contactEmail: text('contact_email'),
    phone: text('phone'),
    website: text('website'),
    bookingUrl: text('booking_url'),
    licenseState: text('license_state'),
    licenseNumber: text('license_number'),
    licenseStatus: licenseStatus('license_status').notNull().default('unverified'),
    claimedByUserId: text('claimed_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    status: therapistStatus('status').notNull().default('published'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('therapists_slug_key').on(t.slug),
    index('therapists_claimed_by_idx').on(t.claimedByUserId),
    uniqueIndex('therapists_license_key').on(t.licenseState, t.licenseNumber),
    check('therapists_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('therapists_name_length', sql`char_length(${t.name}) between 2 and 120`),
    check(
      'therapists_pressure_range',
      sql`${t.pressureMin} between 1 and 5 and ${t.pressureMax} between 1 and 5 and ${t.pressureMin} <= ${t.pressureMax}`,
    ),
    check(
      'therapists_license_state_format',
      sql`${t.licenseState} is null or ${t.licenseState} ~ '^[A-Z]{2}$'`,
    ),
    check(
      'therapists_license_pair',
      sql`(${t.licenseState} is null) = (${t.licenseNumber} is null)`,
    ),
    check(
      'therapists_contact_email_format',
      sql`${t.contactEmail} is null or ${t.contactEmail} ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`,
    ),
    check(
      'therapists_booking_url_format',
      sql`${t.bookingUrl} is null or ${t.bookingUrl} ~ '^https://'`,
    ),
    check('therapists_not_treated_length', sql`char_length(${t.notTreated}) <= 2000`),
    check('therapists_referrals_length', sql`char_length(${t.referrals}) <= 2000`),
    check('therapists_hours_array', sql`jsonb_typeof(${t.hours}) = 'array'`),
    check('therapists_prices_array', sql`jsonb_typeof(${t.prices}) = 'array'`),
    check('therapists_website_format', sql`${t.website} is null or ${t.website} ~ '^https?://'`),
  ],
);

/**
 * Where a therapist practises. Several per therapist, with dates, so that the record (and its
 * reviews) follows the person when they move from one clinic to another.
 */
export const practiceLocations = pgTable(
  'practice_locations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull().default('US'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Null while the therapist still practises here. */
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('practice_locations_therapist_idx').on(t.therapistId),
    index('practice_locations_geo_idx').on(t.latitude, t.longitude),
    index('practice_locations_postal_idx').on(t.postalCode),
    index('practice_locations_city_idx').on(sql`lower(${t.city})`, t.region),
    check('practice_locations_latitude', sql`${t.latitude} between -90 and 90`),
    check('practice_locations_longitude', sql`${t.longitude} between -180 and 180`),
    check('practice_locations_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('practice_locations_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** Per-therapist review aggregates, kept in step with the published reviews. */
export const therapistStats = pgTable(
  'therapist_stats',
  {
    therapistId: integer('therapist_id')
      .primaryKey()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    reviewCount: integer('review_count').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingAverage: doublePrecision('rating_average'),
    /** Bayesian-damped rating used for ranking: few reviews pull towards the site mean. */
    dampedRating: doublePrecision('damped_rating'),
    /** Count of published reviews with 1..5 stars, index 0 = one star. */
    starCounts: integer('star_counts')
      .array()
      .notNull()
      .default(sql`'{0,0,0,0,0}'::int[]`),
    /** Reviews that reported pain before and now. */
    outcomeReports: integer('outcome_reports').notNull().default(0),
    /** Of those, how many improved by 2 points or more. */
    improvedCount: integer('improved_count').notNull().default(0),
    /** Reviewers followed up at about 6 weeks. */
    followedUpCount: integer('followed_up_count').notNull().default(0),
    /** Of those, how many were still better (2+ points under their starting pain). */
    lastingReliefCount: integer('lasting_relief_count').notNull().default(0),
    /** Outcomes per condition: { "<conditionId>": { reports, improved, followedUp, lasting } }. */
    conditionOutcomes: jsonb('condition_outcomes')
      .$type<
        Record<string, { reports: number; improved: number; followedUp: number; lasting: number }>
      >()
      .notNull()
      .default({}),
    pendingCount: integer('pending_count').notNull().default(0),
    notRecommendedCount: integer('not_recommended_count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('therapist_stats_damped_idx').on(t.dampedRating),
    check('therapist_stats_star_counts_len', sql`cardinality(${t.starCounts}) = 5`),
    check(
      'therapist_stats_counts',
      sql`${t.improvedCount} <= ${t.outcomeReports} and ${t.lastingReliefCount} <= ${t.followedUpCount} and ${t.reviewCount} >= 0`,
    ),
  ],
);
