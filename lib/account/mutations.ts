import 'server-only';
import {
  and,
  asc,
  eq,
  getTableColumns,
  getTableName,
  inArray,
  isNull,
  or,
  sql,
  type Column,
} from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  accounts,
  auditLog,
  contactChanges,
  listingClaims,
  reviewInvitations,
  reviewReplies,
  devMailbox,
  passkeys,
  reviewAppeals,
  reviewFollowUps,
  reviewReports,
  reviewVersions,
  reviewVotes,
  reviews,
  sessions,
  therapists,
  users,
  verificationTokens,
  webauthnChallenges,
} from '@/db/schema';
import { cleanText, parseInput } from '@/lib/input';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';

/* ------------------------------------------------------------------------------------------ */
/* Public name                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 40;
/** What anonymised reviews show instead of a name; nobody may take it. */
export const ANONYMISED_AUTHOR_NAME = 'Former member';

const EMAIL_SPELLED_OUT = [
  /[([{]\s*at\s*[)\]}]/i,
  /\S\s+at\s+\S+\s*(?:\.|\bdot\b)\s*[a-z]{2,}\b/i,
  /\b[a-z0-9-]+(?:\.|\s*\bdot\b\s*)(?:com|net|org|edu|gov|io|co|us|uk|ca|de|fr|info|me|app|dev|mail)\b/i,
];
const ALLOWED_CHARACTERS = /^[\p{L}\p{M}\p{N} .'’_-]+$/u;

/** Letters and digits only, without accents, lower case: for comparing a name with an email. */
function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A typed public name as it is stored: cleaned, inner runs of spaces made one. */
export function cleanDisplayName(raw: string): string {
  return cleanText(raw).replace(/\s+/g, ' ');
}

/**
 * Why a (cleaned) public name cannot be used, or null. Public names are pseudonymous: no email
 * address, nothing that reads as one, and not the part of the member's own address before the @.
 */
export function displayNameProblem(name: string, email?: string): string | null {
  if (name.length < DISPLAY_NAME_MIN) return 'A public name needs at least 2 characters.';
  if (name.length > DISPLAY_NAME_MAX) return 'A public name has at most 40 characters.';
  if (name.includes('@')) {
    return 'A public name cannot contain an @: it is shown on your reviews, so keep your email address out of it.';
  }
  if (EMAIL_SPELLED_OUT.some((pattern) => pattern.test(name))) {
    return 'A public name cannot look like an email address or a web address.';
  }
  if (!ALLOWED_CHARACTERS.test(name)) {
    return 'Use letters, digits, spaces and . \u2019 - _ only.';
  }
  if (!/\p{L}/u.test(name)) return 'A public name needs at least one letter.';
  if (comparable(name) === comparable(ANONYMISED_AUTHOR_NAME)) {
    return `“${ANONYMISED_AUTHOR_NAME}” is what reviews of deleted accounts show; choose another name.`;
  }
  if (email) {
    const local = comparable((email.split('@')[0] ?? '').split('+')[0] ?? '');
    if (local.length >= 3 && comparable(name).includes(local)) {
      return 'Your public name cannot contain your email address or its first part: pick a name that does not identify you.';
    }
  }
  return null;
}

/** The display-name form: only this field (TRUST 10). */
export const displayNameInput = z.strictObject({
  displayName: z
    .string({ error: 'Enter a public name.' })
    .max(400, 'A public name has at most 40 characters.')
    .transform(cleanDisplayName)
    .superRefine((name, context) => {
      const problem = displayNameProblem(name);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
});

/** Changes the viewer's public name; their reviews and search snippets show the new one. */
export async function updateDisplayName(
  viewer: Viewer | null,
  input: unknown,
): Promise<{ displayName: string }> {
  const me = requireSignedIn(viewer);
  const { displayName } = parseInput(displayNameInput, input);
  const problem = displayNameProblem(displayName, me.email);
  if (problem) {
    throw new AppError('validation', problem, {
      issues: [{ field: 'displayName', message: problem }],
    });
  }
  const [row] = await getDb()
    .update(users)
    .set({ displayName })
    .where(eq(users.id, me.userId))
    .returning({ displayName: users.displayName });
  if (!row) throw new AppError('unauthorized', 'Sign in to continue.');
  return row;
}

/* ------------------------------------------------------------------------------------------ */
/* Export                                                                                      */
/* ------------------------------------------------------------------------------------------ */

// Tables that can hold secrets list what they export column by column, so that a new column
// is exported only once someone decided it may be; review content is the author's, all of it.
const USER_COLUMNS = {
  id: users.id,
  email: users.email,
  emailVerified: users.emailVerified,
  name: users.name,
  image: users.image,
  role: users.role,
  displayName: users.displayName,
  createdAt: users.createdAt,
  bannedAt: users.bannedAt,
};
const ACCOUNT_COLUMNS = {
  provider: accounts.provider,
  type: accounts.type,
  providerAccountId: accounts.providerAccountId,
  expiresAt: accounts.expires_at,
  tokenType: accounts.token_type,
  scope: accounts.scope,
};
const SESSION_COLUMNS = {
  id: sessions.id,
  method: sessions.method,
  device: sessions.device,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expires: sessions.expires,
  secondFactorAt: sessions.secondFactorAt,
};
const PASSKEY_COLUMNS = {
  id: passkeys.id,
  name: passkeys.name,
  credentialId: passkeys.credentialId,
  publicKey: passkeys.publicKey,
  counter: passkeys.counter,
  transports: passkeys.transports,
  backedUp: passkeys.backedUp,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
};
const {
  authorId: _authorId,
  moderatedById: _moderatedById,
  ...REVIEW_COLUMNS
} = getTableColumns(reviews);
const REVIEW_VERSION_COLUMNS = getTableColumns(reviewVersions);
const FOLLOW_UP_COLUMNS = getTableColumns(reviewFollowUps);
const VOTE_COLUMNS = { reviewId: reviewVotes.reviewId, createdAt: reviewVotes.createdAt };
const VOTE_ON_YOUR_REVIEW_COLUMNS = {
  reviewId: reviewVotes.reviewId,
  createdAt: reviewVotes.createdAt,
};
const REPORT_COLUMNS = {
  id: reviewReports.id,
  reviewId: reviewReports.reviewId,
  reason: reviewReports.reason,
  note: reviewReports.note,
  createdAt: reviewReports.createdAt,
  resolvedAt: reviewReports.resolvedAt,
};
const REPORT_ON_YOUR_REVIEW_COLUMNS = {
  id: reviewReports.id,
  reviewId: reviewReports.reviewId,
  createdAt: reviewReports.createdAt,
  resolvedAt: reviewReports.resolvedAt,
};
const APPEAL_COLUMNS = {
  id: reviewAppeals.id,
  reviewId: reviewAppeals.reviewId,
  statement: reviewAppeals.statement,
  createdAt: reviewAppeals.createdAt,
  decidedAt: reviewAppeals.decidedAt,
  outcome: reviewAppeals.outcome,
};
const WHICH_MODERATOR =
  'Which moderator decided is withheld: the decision, its reason and its date are exported.';
const MODERATION_ACTS =
  'Decisions taken as a moderator are acts of the role, not personal data: the export lists the ids of what was decided, and the records stay (without a link to the account) after a deletion.';
const AUDIT_COLUMNS = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  actorId: auditLog.actorId,
  subjectUserId: auditLog.subjectUserId,
  therapistId: auditLog.therapistId,
  detail: auditLog.detail,
};
const {
  userId: _claimUserId,
  codeHash: _codeHash,
  decidedById: _claimDecidedById,
  ...CLAIM_COLUMNS
} = getTableColumns(listingClaims);
const {
  authorId: _replyAuthorId,
  moderatedById: _replyModeratedById,
  ...REPLY_COLUMNS
} = getTableColumns(reviewReplies);
const REPLY_TO_YOUR_REVIEW_COLUMNS = {
  id: reviewReplies.id,
  reviewId: reviewReplies.reviewId,
  therapistId: reviewReplies.therapistId,
  body: reviewReplies.body,
  status: reviewReplies.status,
  createdAt: reviewReplies.createdAt,
  updatedAt: reviewReplies.updatedAt,
  moderatedAt: reviewReplies.moderatedAt,
};
const CONTACT_CHANGE_COLUMNS = {
  id: contactChanges.id,
  therapistId: contactChanges.therapistId,
  requestedAt: contactChanges.requestedAt,
  appliesAt: contactChanges.appliesAt,
  appliedAt: contactChanges.appliedAt,
  cancelledAt: contactChanges.cancelledAt,
};
const INVITATION_COLUMNS = {
  id: reviewInvitations.id,
  therapistId: reviewInvitations.therapistId,
  createdAt: reviewInvitations.createdAt,
  sentAt: reviewInvitations.sentAt,
};
const LISTING_RECORD =
  'A listing’s contact details are the practice’s, not personal data of the account: the export names the changes asked for or stopped, with their dates.';
const LISTING_COLUMNS = { id: therapists.id, slug: therapists.slug, name: therapists.name };

interface CoverageEntry {
  /** The key of the export that holds these rows (a dotted path for nested keys). */
  section: string;
  table: PgTable;
  /** The columns that say a row is the member's (equal to their id, or to an owned row's id). */
  owner: Column[];
  /** For rows owned through another table: that table. */
  via?: PgTable;
  /** Rows that belong to the member: rows of other tables that point at them belong too. */
  owned: boolean;
  exported: Record<string, Column>;
  withheld?: { columns: Column[]; reason: string };
  /** Set when only some columns are exported on purpose, with the reason. */
  partial?: string;
}

const COVERAGE: CoverageEntry[] = [
  { section: 'user', table: users, owner: [users.id], owned: true, exported: USER_COLUMNS },
  {
    section: 'linkedAccounts',
    table: accounts,
    owner: [accounts.userId],
    owned: true,
    exported: ACCOUNT_COLUMNS,
    withheld: {
      columns: [
        accounts.access_token,
        accounts.refresh_token,
        accounts.id_token,
        accounts.session_state,
      ],
      reason:
        'Access, refresh and ID tokens from the sign-in provider are withheld: they are credentials.',
    },
  },
  {
    section: 'sessions',
    table: sessions,
    owner: [sessions.userId],
    owned: true,
    exported: SESSION_COLUMNS,
    withheld: {
      columns: [sessions.sessionToken],
      reason: 'Session tokens are withheld: each one is the secret that keeps a device signed in.',
    },
  },
  {
    section: 'passkeys',
    table: passkeys,
    owner: [passkeys.userId],
    owned: true,
    exported: PASSKEY_COLUMNS,
  },
  {
    section: 'reviews',
    table: reviews,
    owner: [reviews.authorId],
    owned: true,
    exported: REVIEW_COLUMNS,
    withheld: { columns: [reviews.moderatedById], reason: WHICH_MODERATOR },
  },
  {
    section: 'reviewVersions',
    table: reviewVersions,
    owner: [reviewVersions.reviewId],
    via: reviews,
    owned: true,
    exported: REVIEW_VERSION_COLUMNS,
  },
  {
    section: 'reviewFollowUps',
    table: reviewFollowUps,
    owner: [reviewFollowUps.reviewId],
    via: reviews,
    owned: true,
    exported: FOLLOW_UP_COLUMNS,
  },
  {
    section: 'reviewAppeals',
    table: reviewAppeals,
    owner: [reviewAppeals.reviewId],
    via: reviews,
    owned: true,
    exported: APPEAL_COLUMNS,
    withheld: {
      columns: [reviewAppeals.originalModeratorId, reviewAppeals.decidedById],
      reason: WHICH_MODERATOR,
    },
  },
  {
    section: 'votesOnYourReviews',
    table: reviewVotes,
    owner: [reviewVotes.reviewId],
    via: reviews,
    owned: false,
    exported: VOTE_ON_YOUR_REVIEW_COLUMNS,
    withheld: {
      columns: [reviewVotes.userId],
      reason: 'Who found your reviews helpful is withheld: each vote is that member’s.',
    },
  },
  {
    section: 'reportsOnYourReviews',
    table: reviewReports,
    owner: [reviewReports.reviewId],
    via: reviews,
    owned: false,
    exported: REPORT_ON_YOUR_REVIEW_COLUMNS,
    withheld: {
      columns: [
        reviewReports.reporterId,
        reviewReports.reason,
        reviewReports.note,
        reviewReports.resolvedById,
      ],
      reason:
        'Who reported your reviews, why and what they wrote are withheld: reports reach the moderators in confidence.',
    },
  },
  {
    section: 'reviewVotes',
    table: reviewVotes,
    owner: [reviewVotes.userId],
    owned: true,
    exported: VOTE_COLUMNS,
  },
  {
    section: 'reviewReports',
    table: reviewReports,
    owner: [reviewReports.reporterId],
    owned: true,
    exported: REPORT_COLUMNS,
    withheld: {
      columns: [reviewReports.resolvedById],
      reason: 'Which moderator resolved your report is withheld; when it was resolved is exported.',
    },
  },
  {
    section: 'moderationActs.reviewsDecided',
    table: reviews,
    owner: [reviews.moderatedById],
    owned: false,
    exported: { id: reviews.id },
    partial: MODERATION_ACTS,
  },
  {
    section: 'moderationActs.reportsResolved',
    table: reviewReports,
    owner: [reviewReports.resolvedById],
    owned: false,
    exported: { id: reviewReports.id },
    partial: MODERATION_ACTS,
  },
  {
    section: 'moderationActs.appealsAgainstYourDecisions',
    table: reviewAppeals,
    owner: [reviewAppeals.originalModeratorId],
    owned: false,
    exported: { id: reviewAppeals.id },
    partial: MODERATION_ACTS,
  },
  {
    section: 'moderationActs.appealsDecided',
    table: reviewAppeals,
    owner: [reviewAppeals.decidedById],
    owned: false,
    exported: { id: reviewAppeals.id },
    partial: MODERATION_ACTS,
  },
  {
    section: 'auditLog',
    table: auditLog,
    owner: [auditLog.actorId, auditLog.subjectUserId],
    owned: false,
    exported: AUDIT_COLUMNS,
  },
  {
    section: 'listingClaims',
    table: listingClaims,
    owner: [listingClaims.userId],
    owned: true,
    exported: CLAIM_COLUMNS,
    withheld: {
      columns: [listingClaims.codeHash, listingClaims.decidedById],
      reason:
        'The check value of a claim code is withheld (it is a secret), and so is which moderator decided.',
    },
  },
  {
    section: 'moderationActs.claimsDecided',
    table: listingClaims,
    owner: [listingClaims.decidedById],
    owned: false,
    exported: { id: listingClaims.id },
    partial: MODERATION_ACTS,
  },
  {
    section: 'reviewReplies',
    table: reviewReplies,
    owner: [reviewReplies.authorId],
    owned: false,
    exported: REPLY_COLUMNS,
    withheld: { columns: [reviewReplies.moderatedById], reason: WHICH_MODERATOR },
  },
  {
    section: 'repliesToYourReviews',
    table: reviewReplies,
    owner: [reviewReplies.reviewId],
    via: reviews,
    owned: false,
    exported: REPLY_TO_YOUR_REVIEW_COLUMNS,
    withheld: {
      columns: [reviewReplies.authorId, reviewReplies.statusReason, reviewReplies.moderatedById],
      reason:
        'Which account of the practice replied, and the moderators’ notes on a reply, are withheld.',
    },
  },
  {
    section: 'moderationActs.repliesDecided',
    table: reviewReplies,
    owner: [reviewReplies.moderatedById],
    owned: false,
    exported: { id: reviewReplies.id },
    partial: MODERATION_ACTS,
  },
  {
    section: 'contactChangesRequested',
    table: contactChanges,
    owner: [contactChanges.requestedById],
    owned: false,
    exported: CONTACT_CHANGE_COLUMNS,
    partial: LISTING_RECORD,
  },
  {
    section: 'contactChangesStopped',
    table: contactChanges,
    owner: [contactChanges.cancelledById],
    owned: false,
    exported: CONTACT_CHANGE_COLUMNS,
    partial: LISTING_RECORD,
  },
  {
    section: 'invitationsSent',
    table: reviewInvitations,
    owner: [reviewInvitations.senderId],
    owned: false,
    exported: INVITATION_COLUMNS,
    withheld: {
      columns: [reviewInvitations.emailHash, reviewInvitations.email],
      reason:
        'The addresses of the people invited are theirs: the export lists the invitations without them.',
    },
  },
  {
    section: 'claimedListings',
    table: therapists,
    owner: [therapists.claimedByUserId],
    owned: false,
    exported: LISTING_COLUMNS,
    partial: 'A listing is public and is not the member’s data; the export names the ones claimed.',
  },
];

function columnNames(columns: Iterable<Column>, table: PgTable): string[] {
  return [...columns].filter((c) => c.table === table).map((c) => c.name);
}

/**
 * Which tables and columns the export reads, by their database names, so that a test can hold
 * them against the database's foreign keys to users(id) and its columns.
 */
export function accountDataCoverage() {
  return COVERAGE.map((entry) => ({
    section: entry.section,
    table: getTableName(entry.table),
    ownerColumns: columnNames(entry.owner, entry.table),
    via: entry.via ? getTableName(entry.via) : null,
    owned: entry.owned,
    exportedColumns: columnNames(Object.values(entry.exported), entry.table),
    withheldColumns: entry.withheld ? columnNames(entry.withheld.columns, entry.table) : [],
    partial: entry.partial ?? null,
  }));
}

function withheldNotes(): Record<string, { columns: string[]; reason: string }> {
  const notes: Record<string, { columns: string[]; reason: string }> = {};
  for (const entry of COVERAGE) {
    if (entry.withheld) {
      notes[entry.section] = {
        columns: columnNames(entry.withheld.columns, entry.table),
        reason: entry.withheld.reason,
      };
    }
  }
  return notes;
}

/**
 * Everything Unknot holds about the viewer, as one JSON-ready object: every row of every table
 * that belongs to them, without secrets (those are named as withheld). Read in one snapshot.
 */
export async function exportAccountData(viewer: Viewer | null) {
  const me = requireSignedIn(viewer);
  return getDb().transaction(
    async (tx) => {
      const [user] = await tx.select(USER_COLUMNS).from(users).where(eq(users.id, me.userId));
      if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
      const linkedAccounts = await tx
        .select(ACCOUNT_COLUMNS)
        .from(accounts)
        .where(eq(accounts.userId, me.userId))
        .orderBy(asc(accounts.provider), asc(accounts.providerAccountId));
      const sessionRows = await tx
        .select(SESSION_COLUMNS)
        .from(sessions)
        .where(eq(sessions.userId, me.userId))
        .orderBy(asc(sessions.createdAt), asc(sessions.id));
      const passkeyRows = await tx
        .select(PASSKEY_COLUMNS)
        .from(passkeys)
        .where(eq(passkeys.userId, me.userId))
        .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
      const reviewRows = await tx
        .select({
          ...REVIEW_COLUMNS,
          therapistSlug: therapists.slug,
          therapistName: therapists.name,
        })
        .from(reviews)
        .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
        .where(eq(reviews.authorId, me.userId))
        .orderBy(asc(reviews.id));
      const reviewIds = reviewRows.map((r) => r.id);
      const versionRows =
        reviewIds.length === 0
          ? []
          : await tx
              .select(REVIEW_VERSION_COLUMNS)
              .from(reviewVersions)
              .where(inArray(reviewVersions.reviewId, reviewIds))
              .orderBy(asc(reviewVersions.reviewId), asc(reviewVersions.version));
      const followUpRows =
        reviewIds.length === 0
          ? []
          : await tx
              .select(FOLLOW_UP_COLUMNS)
              .from(reviewFollowUps)
              .where(inArray(reviewFollowUps.reviewId, reviewIds))
              .orderBy(asc(reviewFollowUps.reviewId), asc(reviewFollowUps.weeksAfter));
      const appealRows =
        reviewIds.length === 0
          ? []
          : await tx
              .select(APPEAL_COLUMNS)
              .from(reviewAppeals)
              .where(inArray(reviewAppeals.reviewId, reviewIds))
              .orderBy(asc(reviewAppeals.id));
      const votesOnYourReviews =
        reviewIds.length === 0
          ? []
          : await tx
              .select(VOTE_ON_YOUR_REVIEW_COLUMNS)
              .from(reviewVotes)
              .where(inArray(reviewVotes.reviewId, reviewIds))
              .orderBy(asc(reviewVotes.reviewId), asc(reviewVotes.createdAt));
      const reportsOnYourReviews =
        reviewIds.length === 0
          ? []
          : await tx
              .select(REPORT_ON_YOUR_REVIEW_COLUMNS)
              .from(reviewReports)
              .where(inArray(reviewReports.reviewId, reviewIds))
              .orderBy(asc(reviewReports.id));
      const voteRows = await tx
        .select(VOTE_COLUMNS)
        .from(reviewVotes)
        .where(eq(reviewVotes.userId, me.userId))
        .orderBy(asc(reviewVotes.createdAt), asc(reviewVotes.reviewId));
      const reportRows = await tx
        .select(REPORT_COLUMNS)
        .from(reviewReports)
        .where(eq(reviewReports.reporterId, me.userId))
        .orderBy(asc(reviewReports.id));
      const idsWhere = async (table: PgTable, idColumn: AnyPgColumn, owner: AnyPgColumn) =>
        (
          await tx
            .select({ id: idColumn })
            .from(table)
            .where(eq(owner, me.userId))
            .orderBy(asc(idColumn))
        ).map((row) => Number(row.id));
      const moderationActs = {
        reviewsDecided: await idsWhere(reviews, reviews.id, reviews.moderatedById),
        reportsResolved: await idsWhere(
          reviewReports,
          reviewReports.id,
          reviewReports.resolvedById,
        ),
        appealsAgainstYourDecisions: await idsWhere(
          reviewAppeals,
          reviewAppeals.id,
          reviewAppeals.originalModeratorId,
        ),
        appealsDecided: await idsWhere(reviewAppeals, reviewAppeals.id, reviewAppeals.decidedById),
        claimsDecided: await idsWhere(listingClaims, listingClaims.id, listingClaims.decidedById),
        repliesDecided: await idsWhere(
          reviewReplies,
          reviewReplies.id,
          reviewReplies.moderatedById,
        ),
      };
      const claimRows = await tx
        .select(CLAIM_COLUMNS)
        .from(listingClaims)
        .where(eq(listingClaims.userId, me.userId))
        .orderBy(asc(listingClaims.id));
      const replyRows = await tx
        .select(REPLY_COLUMNS)
        .from(reviewReplies)
        .where(eq(reviewReplies.authorId, me.userId))
        .orderBy(asc(reviewReplies.id));
      const repliesToYourReviews =
        reviewIds.length === 0
          ? []
          : await tx
              .select(REPLY_TO_YOUR_REVIEW_COLUMNS)
              .from(reviewReplies)
              .where(inArray(reviewReplies.reviewId, reviewIds))
              .orderBy(asc(reviewReplies.id));
      const contactChangesBy = (owner: AnyPgColumn) =>
        tx
          .select(CONTACT_CHANGE_COLUMNS)
          .from(contactChanges)
          .where(eq(owner, me.userId))
          .orderBy(asc(contactChanges.id));
      const invitationRows = await tx
        .select(INVITATION_COLUMNS)
        .from(reviewInvitations)
        .where(eq(reviewInvitations.senderId, me.userId))
        .orderBy(asc(reviewInvitations.id));
      const auditRows = await tx
        .select(AUDIT_COLUMNS)
        .from(auditLog)
        .where(or(eq(auditLog.actorId, me.userId), eq(auditLog.subjectUserId, me.userId)))
        .orderBy(asc(auditLog.id));
      const listings = await tx
        .select(LISTING_COLUMNS)
        .from(therapists)
        .where(eq(therapists.claimedByUserId, me.userId))
        .orderBy(asc(therapists.id));

      return {
        format: 'unknot-account-export' as const,
        version: 1 as const,
        exportedAt: new Date().toISOString(),
        user,
        linkedAccounts,
        sessions: sessionRows.map((s) => ({ ...s, current: s.id === me.sessionId })),
        passkeys: passkeyRows,
        reviews: reviewRows,
        reviewVersions: versionRows,
        reviewFollowUps: followUpRows,
        reviewAppeals: appealRows,
        votesOnYourReviews,
        reportsOnYourReviews,
        reviewVotes: voteRows,
        reviewReports: reportRows,
        moderationActs,
        // Who else took part (a moderator, another member) is not shown: only whether it was you.
        auditLog: auditRows.map(({ actorId, subjectUserId, ...entry }) => ({
          ...entry,
          byYou: actorId === me.userId,
          aboutYou: subjectUserId === me.userId,
        })),
        listingClaims: claimRows,
        reviewReplies: replyRows,
        repliesToYourReviews,
        contactChangesRequested: await contactChangesBy(contactChanges.requestedById),
        contactChangesStopped: await contactChangesBy(contactChanges.cancelledById),
        invitationsSent: invitationRows,
        claimedListings: listings,
        withheld: withheldNotes(),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;

/* ------------------------------------------------------------------------------------------ */
/* Deletion                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export const REVIEW_CHOICES = ['delete', 'anonymise'] as const;
export type ReviewChoice = (typeof REVIEW_CHOICES)[number];

export const deleteAccountInput = z.strictObject({
  reviews: z.enum(REVIEW_CHOICES, {
    error: 'Choose what happens to your reviews: delete them, or keep them without your name.',
  }),
  confirmEmail: z
    .string({ error: 'Type your email address to confirm.' })
    .max(400, 'That is not the email address of this account.')
    .transform((value) => cleanText(value).toLowerCase())
    .pipe(z.string().min(1, 'Type your email address to confirm.')),
});

export interface DeletedAccount {
  reviews: ReviewChoice;
  reviewCount: number;
  listingsReleased: number;
  sessionsEnded: number;
}

function wrongConfirmation(): never {
  const message = 'That is not the email address of this account. Type it exactly to confirm.';
  throw new AppError('validation', message, { issues: [{ field: 'confirmEmail', message }] });
}

/**
 * Deletes the viewer's account in one transaction. Their reviews are deleted or kept without an
 * author (shown as "Former member"), as they chose; their helpful votes and their reports go;
 * claimed listings are released; every session ends, with outstanding sign-in links, passkey
 * challenges and rate-limit counters that name them; the user row goes (linked accounts and
 * passkeys with it; audit entries and moderation decisions keep no link to them). The affected
 * therapists' aggregates are recomputed in the same transaction, and the outbox triggers queue
 * their search documents.
 */
export async function deleteAccount(
  viewer: Viewer | null,
  input: unknown,
): Promise<DeletedAccount> {
  const me = requireSignedIn(viewer);
  const { reviews: choice, confirmEmail } = parseInput(deleteAccountInput, input);
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, me.userId))
      .for('update');
    if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
    if (confirmEmail !== user.email) wrongConfirmation();

    const written = await tx
      .select({ id: reviews.id, therapistId: reviews.therapistId })
      .from(reviews)
      .where(eq(reviews.authorId, user.id));
    const reviewIds = written.map((r) => r.id);
    if (choice === 'delete') {
      // Versions, follow-up answers, appeals, and others' votes and reports go with the review.
      await tx.delete(reviews).where(eq(reviews.authorId, user.id));
    } else if (reviewIds.length > 0) {
      await tx.update(reviews).set({ authorId: null }).where(eq(reviews.authorId, user.id));
      await tx.execute(sql`
        update review_versions set snapshot = snapshot - 'authorId' - 'author_id'
        where review_id in (${sql.join(
          reviewIds.map((id) => sql`${id}::int`),
          sql`, `,
        )}) and jsonb_typeof(snapshot) = 'object'`);
    }

    // Their votes and reports go too: a report's note may describe them. What they decided as a
    // moderator stays, without a link to them (the foreign keys set it to null).
    await tx.delete(reviewVotes).where(eq(reviewVotes.userId, user.id));
    await tx.delete(reviewReports).where(eq(reviewReports.reporterId, user.id));

    // Listings they asked for that were never published go with them (nobody else's data), and
    // client addresses of invitations not sent yet are forgotten.
    await tx.execute(sql`
      delete from therapists
      where status <> 'published' and claimed_by_user_id is null
        and id in (select therapist_id from listing_claims
                   where user_id = ${user.id} and kind = 'new_listing')`);
    await tx
      .update(reviewInvitations)
      .set({ email: null })
      .where(and(eq(reviewInvitations.senderId, user.id), isNull(reviewInvitations.sentAt)));

    const released = await tx
      .update(therapists)
      .set({ claimedByUserId: null, updatedAt: sql`now()` })
      .where(eq(therapists.claimedByUserId, user.id))
      .returning({ id: therapists.id });

    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    if (ended.length > 0) {
      await tx.delete(webauthnChallenges).where(
        inArray(
          webauthnChallenges.sessionId,
          ended.map((s) => s.id),
        ),
      );
    }
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email));
    await tx.delete(devMailbox).where(eq(devMailbox.to, user.email));
    // Rate-limit counters are keyed "<what>:<email or user id>"; they would expire within a day.
    await tx.execute(sql`
      delete from rate_limit_buckets
      where right(key, ${user.email.length + 1}::int) = ${`:${user.email}`}
         or right(key, ${user.id.length + 1}::int) = ${`:${user.id}`}`);
    await tx.delete(users).where(eq(users.id, user.id));

    await recomputeTherapistStats(tx, [...new Set(written.map((r) => r.therapistId))]);
    await tx.insert(auditLog).values({
      actorId: null,
      action: 'account.deleted',
      subjectUserId: null,
      detail: { reviews: choice, reviewCount: reviewIds.length, listingsReleased: released.length },
    });
    return {
      reviews: choice,
      reviewCount: reviewIds.length,
      listingsReleased: released.length,
      sessionsEnded: ended.length,
    };
  });
}
