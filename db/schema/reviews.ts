import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { intent, pressureAdjusted, replyStatus, reviewStatus } from './enums';
import { conditions } from './taxonomy';
import { therapists } from './therapists';

/** The consent a reviewer gives to show their condition; stored with each review that has it. */
export const CONDITION_CONSENT_TEXT = 'Show the condition I was treated for on my public review.';

/** What a reviewer writes: the fields of a review that an edit changes and a version keeps. */
export const REVIEW_CONTENT_KEYS = [
  'rating',
  'title',
  'body',
  'visitMonth',
  'sessionsCount',
  'intent',
  'conditionId',
  'conditionPublic',
  'conditionConsentAt',
  'conditionConsentText',
  'painBefore',
  'painNow',
  'pressureWanted',
  'pressureReceived',
  'pressureAdjusted',
  'assessedBefore',
  'explainedCause',
  'gaveHomeCare',
  'setExpectations',
  'referredOut',
  'wouldRecommend',
] as const;

export const reviews = pgTable(
  'reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Null once the author deleted their account and chose to keep the review anonymised. */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    /** First day of the month of the (last) visit. */
    visitMonth: date('visit_month', { mode: 'string' }),
    sessionsCount: smallint('sessions_count'),
    intent: intent('intent'),
    conditionId: smallint('condition_id').references(() => conditions.id, { onDelete: 'set null' }),
    /** The reviewer agreed to show the condition publicly (time and wording kept). */
    conditionPublic: boolean('condition_public').notNull().default(false),
    conditionConsentAt: timestamp('condition_consent_at', { withTimezone: true, mode: 'date' }),
    conditionConsentText: text('condition_consent_text'),
    painBefore: smallint('pain_before'),
    painNow: smallint('pain_now'),
    pressureWanted: smallint('pressure_wanted'),
    pressureReceived: smallint('pressure_received'),
    pressureAdjusted: pressureAdjusted('pressure_adjusted'),
    assessedBefore: boolean('assessed_before'),
    explainedCause: boolean('explained_cause'),
    gaveHomeCare: boolean('gave_home_care'),
    setExpectations: boolean('set_expectations'),
    referredOut: boolean('referred_out'),
    wouldRecommend: boolean('would_recommend'),
    status: reviewStatus('status').notNull().default('pending'),
    /** Why a review is pending or not recommended (content reasons only). */
    statusReason: text('status_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** Keyed hash of the client address the review came from (risk checks; never the address). */
    clientHash: text('client_hash'),
    /** The moderator who last decided on the review (an appeal goes to another one). */
    moderatedById: text('moderated_by_id').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true, mode: 'date' }),
    /** The practitioner's invitation this review answered (shown as "invited"). */
    invitationId: integer('invitation_id').references(() => reviewInvitations.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    uniqueIndex('reviews_invitation_key').on(t.invitationId),
    uniqueIndex('reviews_author_therapist_key').on(t.authorId, t.therapistId),
    index('reviews_therapist_published_idx')
      .on(t.therapistId, t.publishedAt.desc())
      .where(sql`${t.status} = 'published'`),
    index('reviews_therapist_status_idx').on(t.therapistId, t.status),
    index('reviews_author_idx').on(t.authorId),
    index('reviews_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index('reviews_client_hash_idx').on(t.clientHash, t.createdAt),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
    check('reviews_body_length', sql`char_length(${t.body}) between 1 and 5000`),
    check('reviews_title_length', sql`char_length(${t.title}) <= 120`),
    check(
      'reviews_pain_before_range',
      sql`${t.painBefore} is null or ${t.painBefore} between 0 and 10`,
    ),
    check('reviews_pain_now_range', sql`${t.painNow} is null or ${t.painNow} between 0 and 10`),
    check(
      'reviews_pressure_range',
      sql`(${t.pressureWanted} is null or ${t.pressureWanted} between 1 and 5) and (${t.pressureReceived} is null or ${t.pressureReceived} between 1 and 5)`,
    ),
    check(
      'reviews_sessions_range',
      sql`${t.sessionsCount} is null or ${t.sessionsCount} between 1 and 200`,
    ),
    check(
      'reviews_visit_month_first_day',
      sql`${t.visitMonth} is null or extract(day from ${t.visitMonth}) = 1`,
    ),
    check(
      'reviews_condition_consent',
      sql`not ${t.conditionPublic} or (${t.conditionId} is not null and ${t.conditionConsentAt} is not null and ${t.conditionConsentText} is not null)`,
    ),
    check('reviews_published_at', sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
  ],
);

/** Every earlier text of an edited review, kept so moderators can see what changed. */
export const reviewVersions = pgTable(
  'review_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The review's fields as they were at this version. */
    snapshot: jsonb('snapshot').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_versions_review_version_key').on(t.reviewId, t.version)],
);

/** "Still better?" answers, about 2, 6 and 12 weeks after a review. */
export const reviewFollowUps = pgTable(
  'review_follow_ups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    weeksAfter: smallint('weeks_after').notNull(),
    painNow: smallint('pain_now').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('review_follow_ups_review_weeks_key').on(t.reviewId, t.weeksAfter),
    check('review_follow_ups_weeks', sql`${t.weeksAfter} in (2, 6, 12)`),
    check('review_follow_ups_pain_range', sql`${t.painNow} between 0 and 10`),
  ],
);

/** "Helpful" votes: one per member and review. */
export const reviewVotes = pgTable(
  'review_votes',
  {
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.userId] }),
    index('review_votes_user_idx').on(t.userId),
  ],
);

export const REPORT_REASONS = [
  'fake',
  'conflict_of_interest',
  'incentivised',
  'personal_information',
  'offensive',
  'off_topic',
  'safety_concern',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Reports of a review by readers, with a reason code; moderators resolve them. */
export const reviewReports = pgTable(
  'review_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedById: text('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('review_reports_review_reporter_key').on(t.reviewId, t.reporterId),
    index('review_reports_open_idx')
      .on(t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
    check(
      'review_reports_reason_known',
      sql`${t.reason} in (${sql.raw(REPORT_REASONS.map((r) => `'${r}'`).join(', '))})`,
    ),
    check('review_reports_note_length', sql`char_length(${t.note}) <= 1000`),
  ],
);

/** One appeal per review against a moderation decision, decided by another moderator. */
export const reviewAppeals = pgTable(
  'review_appeals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    /** Who made the decision appealed against; the appeal must be decided by someone else. */
    originalModeratorId: text('original_moderator_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedById: text('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: ['upheld', 'overturned'] }),
  },
  (t) => [
    uniqueIndex('review_appeals_review_key').on(t.reviewId),
    check('review_appeals_statement_length', sql`char_length(${t.statement}) between 1 and 2000`),
    check('review_appeals_decision', sql`(${t.decidedAt} is null) = (${t.outcome} is null)`),
  ],
);

/** The listing owner's one public reply to a review. */
export const reviewReplies = pgTable(
  'review_replies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    /** Who wrote it (the owner at the time); null once that account is deleted. */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    status: replyStatus('status').notNull().default('published'),
    /** Why a reply is held or was removed (a reason code). */
    statusReason: text('status_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    moderatedById: text('moderated_by_id').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('review_replies_review_key').on(t.reviewId),
    index('review_replies_therapist_idx').on(t.therapistId),
    index('review_replies_pending_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} = 'pending'`),
    check('review_replies_body_length', sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

/**
 * Invitations to review, one per listing and client address. The address is kept only until
 * the mail is sent; the keyed hash stays so that nobody is invited twice.
 */
export const reviewInvitations = pgTable(
  'review_invitations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    senderId: text('sender_id').references(() => users.id, { onDelete: 'set null' }),
    emailHash: text('email_hash').notNull(),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('review_invitations_therapist_email_key').on(t.therapistId, t.emailHash),
    index('review_invitations_sender_idx').on(t.senderId),
  ],
);
