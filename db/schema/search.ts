import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { therapists } from './therapists';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The review excerpt a search result shows. */
export interface TopReviewSnippet {
  rating: number;
  title: string;
  body: string;
  authorName: string;
}

/**
 * What searches filter and rank on, kept both on the document and on each of its locations, so
 * that a search around a place reads the narrow location rows alone.
 */
function rankingColumns() {
  return {
    languages: text('languages').array().notNull(),
    mobileService: boolean('mobile_service').notNull(),
    pressureMin: smallint('pressure_min').notNull(),
    pressureMax: smallint('pressure_max').notNull(),
    ratingAverage: doublePrecision('rating_average'),
    dampedRating: doublePrecision('damped_rating').notNull(),
    reviewCount: integer('review_count').notNull(),
    /** Lower bound of the lasting-relief share (Wilson); ranks "lasting relief". */
    lastingReliefScore: doublePrecision('lasting_relief_score').notNull(),
    /** Bit i set: the i-th modality / condition / intent of the taxonomy (see lib/search/bits.ts). */
    modalityMask: bigint('modality_mask', { mode: 'number' }).notNull(),
    conditionMask: bigint('condition_mask', { mode: 'number' }).notNull(),
    intentMask: integer('intent_mask').notNull(),
    /** Rating, review volume and lasting relief folded into one figure for relevance. */
    quality: doublePrecision('quality').notNull(),
  };
}

/**
 * The Postgres engine's index: one row per published therapist, projected from the source
 * tables by the indexer (never written by anything else).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    therapistId: integer('therapist_id')
      .primaryKey()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    credentials: text('credentials').notNull(),
    headline: text('headline').notNull(),
    bio: text('bio').notNull(),
    modalitySlugs: text('modality_slugs').array().notNull(),
    modalityNames: text('modality_names').array().notNull(),
    conditionSlugs: text('condition_slugs').array().notNull(),
    conditionNames: text('condition_names').array().notNull(),
    intents: text('intents').array().notNull(),
    ...rankingColumns(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCodes: text('postal_codes').array().notNull(),
    followedUpCount: integer('followed_up_count').notNull(),
    lastingReliefCount: integer('lasting_relief_count').notNull(),
    topReview: jsonb('top_review').$type<TopReviewSnippet | null>(),
    reviewText: text('review_text').notNull(),
    /** Weighted text: A name, B modalities and conditions with their synonyms, C headline, bio, city. */
    document: tsvector('document').notNull(),
    /** The reviews' words, matched but not ranked (ranking them would read every long vector). */
    reviewDocument: tsvector('review_document').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_document_idx').using('gin', t.document),
    index('search_documents_review_document_idx').using('gin', t.reviewDocument),
    index('search_documents_damped_idx').on(t.dampedRating.desc()),
    index('search_documents_lasting_idx').on(t.lastingReliefScore.desc()),
    index('search_documents_reviews_idx').on(t.reviewCount.desc()),
  ],
);

/** Current practice locations of indexed therapists, for radius filters and distance order. */
export const searchDocumentLocations = pgTable(
  'search_document_locations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => searchDocuments.therapistId, { onDelete: 'cascade' }),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    ...rankingColumns(),
  },
  (t) => [
    index('search_document_locations_therapist_idx').on(t.therapistId),
    index('search_document_locations_geo_idx').on(t.latitude, t.longitude, t.therapistId),
  ],
);

/** Words that appear in the index, for correcting misspelt query words. */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    documentCount: integer('document_count').notNull().default(1),
  },
  (t) => [index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

/**
 * Changes that affect search documents, written in the same transaction as the change and
 * drained by the indexer.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    therapistId: integer('therapist_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    availableAt: timestamp('available_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }),
    /** Set once the retries are used up; the row stays visible for an operator. */
    failedAt: timestamp('failed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('search_outbox_pending_idx')
      .on(t.availableAt, t.id)
      .where(sql`${t.processedAt} is null and ${t.failedAt} is null`),
  ],
);

/** Counters shared by every app process (fallbacks to the Postgres engine, ...). */
export const searchCounters = pgTable('search_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
