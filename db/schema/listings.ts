import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { claimKind, claimStatus } from './enums';
import { therapists } from './therapists';

/**
 * A practitioner's claim of a listing: a claim of an unclaimed listing, a dispute over a claimed
 * one, or a request for a new listing. Every step is also written to the audit log.
 */
export const listingClaims = pgTable(
  'listing_claims',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: claimKind('kind').notNull(),
    status: claimStatus('status').notNull(),
    /** The licence as the claimant typed it. */
    licenseState: text('license_state'),
    licenseNumber: text('license_number'),
    licenseName: text('license_name'),
    /** Whether state, number and name matched the listing when the claim was made. */
    licenseMatched: text('license_matched', { enum: ['yes', 'no', 'not_on_listing'] }),
    /** Keyed hash of the one-time code; the code itself is never stored. */
    codeHash: text('code_hash'),
    /** The listing's address the code went to (always the one on the listing). */
    codeSentTo: text('code_sent_to'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true, mode: 'date' }),
    codeAttempts: smallint('code_attempts').notNull().default(0),
    /** Evidence for the moderators: text, and links (licence board entry, clinic page, ...). */
    evidence: text('evidence').notNull().default(''),
    evidenceLinks: text('evidence_links')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What a moderator asked for, or why they refused. */
    moderatorMessage: text('moderator_message'),
    decidedById: text('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('listing_claims_open_key')
      .on(t.therapistId, t.userId)
      .where(sql`${t.status} in ('awaiting_code', 'pending_review', 'more_info')`),
    index('listing_claims_queue_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('pending_review', 'more_info')`),
    index('listing_claims_user_idx').on(t.userId),
    index('listing_claims_decided_by_idx').on(t.decidedById),
    check('listing_claims_evidence_length', sql`char_length(${t.evidence}) <= 4000`),
    check('listing_claims_evidence_links', sql`cardinality(${t.evidenceLinks}) <= 10`),
    check(
      'listing_claims_code',
      sql`(${t.codeHash} is null) = (${t.codeExpiresAt} is null) and (${t.codeHash} is null) = (${t.codeSentTo} is null)`,
    ),
  ],
);

/**
 * Changes to a claimed listing's contact details (email, phone, website, booking link). They
 * wait before they apply, and the old address is told, so that a taken-over account cannot
 * quietly redirect a practitioner's clients.
 */
export const contactChanges = pgTable(
  'contact_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    requestedById: text('requested_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The new values: keys contactEmail, phone, website, bookingUrl; null clears one. */
    changes: jsonb('changes').$type<Record<string, string | null>>().notNull(),
    /** The values they replace, as they were when the change was asked for. */
    previous: jsonb('previous').$type<Record<string, string | null>>().notNull(),
    /** The listing's address that was told (null when the listing had none). */
    notifiedEmail: text('notified_email'),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    appliesAt: timestamp('applies_at', { withTimezone: true, mode: 'date' }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancelledById: text('cancelled_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('contact_changes_waiting_key')
      .on(t.therapistId)
      .where(sql`${t.appliedAt} is null and ${t.cancelledAt} is null`),
    index('contact_changes_requested_by_idx').on(t.requestedById),
    index('contact_changes_cancelled_by_idx').on(t.cancelledById),
    check('contact_changes_one_end', sql`${t.appliedAt} is null or ${t.cancelledAt} is null`),
  ],
);

/**
 * How often a listing appeared in search results and was opened, per day, counted in aggregate:
 * no visitor, session or address is recorded.
 */
export const listingDailyCounts = pgTable(
  'listing_daily_counts',
  {
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    searchAppearances: integer('search_appearances').notNull().default(0),
    profileViews: integer('profile_views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.therapistId, t.day] })],
);
