import 'server-only';
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { selectRows, type Executor } from '@/db';
import { authSecret } from '@/lib/auth/settings';

/**
 * The risk check that sends a suspicious review to "pending" with a reason (TRUST 16, 23).
 * Nothing here reads the rating (TRUST 17): the same text, account and timing give the same
 * decision for a 1-star and a 5-star review. Reasons are codes, stored in `reviews.status_reason`,
 * with a message for people.
 */

export const RISK_REASONS = {
  contact_details: 'Contains a phone number, an email address or a link; held for a moderator.',
  third_party_health:
    'May describe another person’s health; held so a moderator can check it protects their privacy.',
  duplicate: 'Nearly identical to another review; held for a moderator.',
  burst:
    'Many reviews of this practitioner arrived within an hour; a moderator checks them before they appear.',
  account_velocity: 'Several reviews from this account within an hour; held for a moderator.',
  network_velocity: 'Several reviews from the same network within an hour; held for a moderator.',
  new_account: 'New account: a moderator checks first reviews before they appear.',
} as const;

export type RiskReason = keyof typeof RISK_REASONS;

/** In order of precedence: when several apply, the first one is the reason given. */
export const RISK_REASON_ORDER = Object.keys(RISK_REASONS) as RiskReason[];

export function isRiskReason(value: unknown): value is RiskReason {
  return typeof value === 'string' && Object.hasOwn(RISK_REASONS, value);
}

/** The message for a stored status reason: a code's message, or older free text as it is. */
export function describeStatusReason(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return isRiskReason(reason) ? RISK_REASONS[reason] : reason;
}

/** Accounts younger than this have their reviews checked first. */
export const NEW_ACCOUNT_HOURS = 24;
/** More reviews than this from one account, or one client address, within an hour are held. */
export const MAX_REVIEWS_PER_HOUR = 3;
/** This many reviews (or more) on one profile within an hour is a burst: all of them are held. */
export const BURST_REVIEWS = 3;
/** pg_trgm similarity from which two review texts count as near-duplicates. */
export const DUPLICATE_SIMILARITY = 0.8;

/* ------------------------------------------------------------------------------------------ */
/* Text checks (pure)                                                                          */
/* ------------------------------------------------------------------------------------------ */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** "name at gmail dot com", "name (at) mail (dot) net". */
const SPELLED_EMAIL =
  /\b[\w.+-]+\s*[([]?\s*\bat\b\s*[)\]]?\s*[\w-]+\s*[([]?\s*\bdot\b\s*[)\]]?\s*(?:com|net|org|edu|io|co|us)\b/i;
const WEB_ADDRESS = /\bhttps?:\/\/\S|\bwww\.[a-z0-9-]+\.[a-z]/i;
/** A bare domain name; lower case only, so a missing space after a full stop is not one. */
const DOMAIN =
  /\b[a-z0-9][a-z0-9-]{0,62}\.(?:com|net|org|info|biz|io|co|us|me|app|site|online|health|clinic|massage|spa|ly|gl)\b/;
/** North American numbers ((555) 123-4567, 555.123.4567, +1 555 123 4567) and 555-1234. */
const PHONE =
  /(?<![\d])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?!\d)|(?<![\d.,-])\d{3}[\s.-]\d{4}(?![\d.,-])/;
/** Any other long run of digits with separators: +44 20 7946 0958. */
const LONG_NUMBER = /\+\d[\d\s().-]{7,}\d/;

export type ContactDetail = 'email' | 'url' | 'phone';

/** The kind of contact detail the text holds, if it holds one. */
export function findContactDetails(text: string): ContactDetail | null {
  if (EMAIL.test(text) || SPELLED_EMAIL.test(text)) return 'email';
  if (WEB_ADDRESS.test(text) || DOMAIN.test(text)) return 'url';
  if (PHONE.test(text) || LONG_NUMBER.test(text)) return 'phone';
  return null;
}

const RELATIONS = [
  'wife',
  'husband',
  'partner',
  'spouse',
  'fianc[ée]e?',
  'boyfriend',
  'girlfriend',
  '(?:step|grand)?sons?',
  '(?:step|grand)?daughters?',
  'child(?:ren)?',
  'kids?',
  'baby',
  'toddler',
  'teen(?:ager)?',
  'mother',
  'mom',
  'mum',
  'father',
  'dad',
  'parents?',
  'brother',
  'sister',
  'siblings?',
  'grand(?:mother|father|ma|pa|parents?)',
  'aunt',
  'uncle',
  'cousin',
  'niece',
  'nephew',
  'friends?',
  'roommate',
  'neighbou?r',
  'co-?workers?',
  'colleagues?',
  'boss',
  'clients?',
  'patients?',
].join('|');

const HEALTH = [
  'diagnos\\w*',
  'cancer',
  'tumou?rs?',
  'chemo\\w*',
  'radiation',
  'surgery',
  'surgeries',
  'operation',
  'pregnan\\w*',
  'miscarriage',
  'depress\\w*',
  'anxiety',
  'panic attacks?',
  'ptsd',
  'bipolar',
  'schizo\\w*',
  'adhd',
  'autis\\w*',
  'dementia',
  'alzheimer\\w*',
  'parkinson\\w*',
  'ms',
  '(?:multiple )?sclerosis',
  'scoliosis',
  'diabet\\w*',
  'arthritis',
  'fibromyalgia',
  'lupus',
  'hiv',
  'aids',
  'hepatitis',
  'diseases?',
  'disorders?',
  'syndrome',
  'illness',
  'sick',
  'injur\\w*',
  'fractur\\w*',
  'broken',
  'stroke',
  'heart attack',
  'concussion',
  'hernia',
  'sciatica',
  'migraines?',
  'medications?',
  'meds',
  'prescri\\w*',
  'conditions?',
  'pain',
  'aches?',
  'therapy',
  'rehab',
  'addict\\w*',
  'eating disorder',
].join('|');

/** "my wife's chronic back pain", "her client's diagnosis". */
const POSSESSIVE_HEALTH = new RegExp(
  `\\b(?:my|our|his|her|their|a|another|other)\\s+(?:${RELATIONS})(?:'s|’s|s'|s’|')\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${HEALTH})\\b`,
  'iu',
);
/** "my husband has MS", "my daughter was diagnosed with scoliosis", "a client suffers from ...". */
const STATED_HEALTH = new RegExp(
  `\\b(?:my|our|his|her|their|a|another|other)\\s+(?:${RELATIONS})\\s+(?:who\\s+)?(?:has|had|have|is|was|were|got|gets|suffers?|suffered|struggles?|struggled|lives?|lived|deals?|dealt|battles?|battled|been|went|goes|needs?|needed|takes?|took)\\b(?:\\s+[\\p{L}-]+){0,5}?\\s+(?:${HEALTH})\\b`,
  'iu',
);
/** A diagnosis mentioned close to another person, in either order. */
const NEAR_DIAGNOSIS = new RegExp(
  `\\b(?:${RELATIONS})\\b[^.!?]{0,60}\\bdiagnos\\w*|\\bdiagnos\\w*[^.!?]{0,60}\\b(?:my|our|his|her|their)\\s+(?:${RELATIONS})\\b`,
  'iu',
);

/**
 * Whether the text seems to describe someone else's health (a partner's diagnosis, a client's
 * condition). Deliberately broad: a hold costs a moderator a minute, a leak costs a stranger
 * their privacy.
 */
export function mentionsOtherPersonsHealth(text: string): boolean {
  const normalised = text.replace(/\s+/g, ' ');
  return (
    POSSESSIVE_HEALTH.test(normalised) ||
    STATED_HEALTH.test(normalised) ||
    NEAR_DIAGNOSIS.test(normalised)
  );
}

/* ------------------------------------------------------------------------------------------ */
/* The decision (pure)                                                                         */
/* ------------------------------------------------------------------------------------------ */

/** What the risk check looks at. There is deliberately no rating here. */
export interface RiskSignals {
  /** The review's title and text. */
  text: string;
  /** Hours since the author's account was made. */
  accountAgeHours: number;
  /** The author's other reviews in the last hour. */
  accountReviewsLastHour: number;
  /** Other reviews from the same client address in the last hour. */
  clientReviewsLastHour: number;
  /** Other reviews of the same practitioner in the last hour (removed ones not counted). */
  profileReviewsLastHour: number;
  /** The highest similarity of the text to another review, or null when there is none. */
  duplicateSimilarity: number | null;
  /** An edit of an existing review: the submission-rate checks do not apply. */
  edit: boolean;
}

/** Every reason that applies, in order of precedence. */
export function riskReasons(signals: RiskSignals): RiskReason[] {
  const found = new Set<RiskReason>();
  if (findContactDetails(signals.text)) found.add('contact_details');
  if (mentionsOtherPersonsHealth(signals.text)) found.add('third_party_health');
  if (signals.duplicateSimilarity !== null && signals.duplicateSimilarity >= DUPLICATE_SIMILARITY) {
    found.add('duplicate');
  }
  if (!signals.edit) {
    if (signals.profileReviewsLastHour + 1 >= BURST_REVIEWS) found.add('burst');
    if (signals.accountReviewsLastHour + 1 > MAX_REVIEWS_PER_HOUR) found.add('account_velocity');
    if (signals.clientReviewsLastHour + 1 > MAX_REVIEWS_PER_HOUR) found.add('network_velocity');
  }
  if (signals.accountAgeHours < NEW_ACCOUNT_HOURS) found.add('new_account');
  return RISK_REASON_ORDER.filter((reason) => found.has(reason));
}

/* ------------------------------------------------------------------------------------------ */
/* Client address                                                                              */
/* ------------------------------------------------------------------------------------------ */

/**
 * A keyed hash of the client address (HMAC-SHA256 with AUTH_SECRET): enough to count reviews
 * from one network, never the address itself. Null when the address is unknown.
 */
export function hashClientAddress(address: string, secret = authSecret()): string | null {
  const trimmed = address.trim().toLowerCase();
  if (!trimmed || trimmed === 'unknown') return null;
  if (!secret) throw new Error('AUTH_SECRET must be set to hash client addresses');
  return createHmac('sha256', secret).update(`review-client:${trimmed}`).digest('hex');
}

/* ------------------------------------------------------------------------------------------ */
/* The check against the database                                                              */
/* ------------------------------------------------------------------------------------------ */

export interface RiskSubject {
  authorId: string;
  therapistId: number;
  title: string;
  body: string;
  clientHash: string | null;
  /** The review being edited, left out of every comparison. Absent for a new review. */
  reviewId?: number;
}

export interface RiskFinding {
  reason: RiskReason;
  message: string;
}

export interface RiskAssessment {
  /** Why the review is held, or null when it can be published. */
  finding: RiskFinding | null;
  /**
   * Published reviews of the same burst that no moderator has decided on yet: they are held
   * too, so that a burst ends all pending, whichever review tipped it.
   */
  burstReviewIds: number[];
}

interface SignalRow extends Record<string, unknown> {
  account_age_hours: number | string | null;
  account_recent: number | string;
  client_recent: number | string;
  duplicate_score: number | string | null;
}

/** How many of the practitioner's latest reviews the near-duplicate check compares with. */
const DUPLICATE_CANDIDATES = 500;

/** Runs the risk check for a new or edited review, in the caller's transaction. */
export async function assessReviewRisk(
  executor: Executor,
  subject: RiskSubject,
): Promise<RiskAssessment> {
  const self = subject.reviewId ?? 0;
  const hash = subject.clientHash;
  // Near-duplicates are looked for where fake reviews cluster (the same profile, the same
  // account, the same network), which the indexes on reviews make cheap at any size.
  const [signals] = await selectRows<SignalRow>(
    executor,
    sql`select
      (select extract(epoch from now() - u.created_at) / 3600 from users u where u.id = ${subject.authorId})::float8
        as account_age_hours,
      (select count(*) from reviews
        where author_id = ${subject.authorId} and created_at > now() - interval '1 hour' and id <> ${self})::int
        as account_recent,
      (select count(*) from reviews
        where ${hash}::text is not null and client_hash = ${hash}::text
          and created_at > now() - interval '1 hour' and id <> ${self})::int
        as client_recent,
      (select max(similarity(c.body, ${subject.body}::text)) from (
        (select body from reviews where therapist_id = ${subject.therapistId} and id <> ${self}
          order by created_at desc limit ${DUPLICATE_CANDIDATES})
        union all
        (select body from reviews where author_id = ${subject.authorId} and id <> ${self}
          limit ${DUPLICATE_CANDIDATES})
        union all
        (select body from reviews
          where ${hash}::text is not null and client_hash = ${hash}::text
            and created_at > now() - interval '30 days' and id <> ${self}
          limit ${DUPLICATE_CANDIDATES})
      ) c)::float8 as duplicate_score`,
  );
  const edit = subject.reviewId !== undefined;
  const recentOnProfile = edit
    ? []
    : await selectRows<{ id: number; undecided: boolean }>(
        executor,
        sql`select id, (status = 'published' and moderated_at is null) as undecided
            from reviews
            where therapist_id = ${subject.therapistId} and status <> 'removed'
              and created_at > now() - interval '1 hour' and id <> ${self}`,
      );
  const reasons = riskReasons({
    text: `${subject.title}\n${subject.body}`,
    accountAgeHours:
      signals?.account_age_hours === null || signals?.account_age_hours === undefined
        ? 0
        : Number(signals.account_age_hours),
    accountReviewsLastHour: Number(signals?.account_recent ?? 0),
    clientReviewsLastHour: Number(signals?.client_recent ?? 0),
    profileReviewsLastHour: recentOnProfile.length,
    duplicateSimilarity:
      signals?.duplicate_score === null || signals?.duplicate_score === undefined
        ? null
        : Number(signals.duplicate_score),
    edit,
  });
  const [reason] = reasons;
  return {
    finding: reason ? { reason, message: RISK_REASONS[reason] } : null,
    burstReviewIds: reasons.includes('burst')
      ? recentOnProfile.filter((r) => r.undecided).map((r) => Number(r.id))
      : [],
  };
}
