/**
 * The words of moderation: why a reader reports a review, and why a moderator decides what they
 * decide. Plain constants (no server code), so forms can list them.
 *
 * Every moderation reason is about the content of a review, never about its rating: a 1-star and
 * a 5-star review that say the same kind of thing get the same decision (TRUST 17).
 */
import type { ReviewStatus } from '@/db/schema/enums';
import type { ReportReason } from '@/db/schema/reviews';

export interface ReasonOption<T extends string> {
  value: T;
  label: string;
  hint: string;
}

/** Why a reader reports a review, in the order the report form lists them. */
export const REPORT_REASON_OPTIONS: readonly ReasonOption<ReportReason>[] = [
  {
    value: 'fake',
    label: 'Not a real experience',
    hint: 'It looks invented, or written by someone who was never a client.',
  },
  {
    value: 'conflict_of_interest',
    label: 'Written by someone connected to the practice',
    hint: 'The owner, staff, family or a competitor, without saying so.',
  },
  {
    value: 'incentivised',
    label: 'Paid for or rewarded',
    hint: 'A discount, gift or payment was offered for it.',
  },
  {
    value: 'personal_information',
    label: 'Personal information',
    hint: 'Someone’s name, health details, phone number or address.',
  },
  {
    value: 'offensive',
    label: 'Offensive or hateful',
    hint: 'Insults, threats, harassment or hateful language.',
  },
  {
    value: 'off_topic',
    label: 'Not about the sessions',
    hint: 'About something else than the care this practitioner gave.',
  },
  {
    value: 'safety_concern',
    label: 'A safety concern',
    hint: 'Confidential: only moderators read what you write here. For boundary violations or anything unsafe.',
  },
];

/** The report reason that is a confidential channel for moderators. */
export const CONFIDENTIAL_REPORT_REASON: ReportReason = 'safety_concern';

/** Notes that come with a report are at most this long. */
export const REPORT_NOTE_MAX = 1000;
/** An appeal's statement is at most this long. */
export const APPEAL_STATEMENT_MAX = 2000;

/** Why a moderator decided what they decided: content reasons only, none about the rating. */
export const MODERATION_REASONS = [
  'meets_guidelines',
  'conflict_of_interest',
  'incentivised',
  'personal_information',
  'contact_details',
  'offensive',
  'off_topic',
  'not_first_hand',
  'duplicate',
  'spam',
] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** The one reason that lets a review be published (or an appeal overturn a decision). */
export const APPROVAL_REASON: ModerationReason = 'meets_guidelines';

export const MODERATION_REASON_OPTIONS: readonly ReasonOption<ModerationReason>[] = [
  {
    value: 'meets_guidelines',
    label: 'Meets the guidelines',
    hint: 'A first-hand account of the sessions, whatever it concludes.',
  },
  {
    value: 'conflict_of_interest',
    label: 'Undisclosed connection to the practice',
    hint: 'Written by the owner, staff, family or a competitor.',
  },
  {
    value: 'incentivised',
    label: 'Paid for or rewarded',
    hint: 'A discount, gift or payment was given for it.',
  },
  {
    value: 'personal_information',
    label: 'Personal or health information about someone',
    hint: 'Names, health details or other facts that identify a person.',
  },
  {
    value: 'contact_details',
    label: 'Contact details or links',
    hint: 'Phone numbers, email addresses or web links.',
  },
  { value: 'offensive', label: 'Offensive or hateful', hint: 'Insults, threats or harassment.' },
  {
    value: 'off_topic',
    label: 'Not about the sessions',
    hint: 'About something else than the care given.',
  },
  {
    value: 'not_first_hand',
    label: 'Not a first-hand experience',
    hint: 'Hearsay, or written for someone else.',
  },
  {
    value: 'duplicate',
    label: 'Duplicate',
    hint: 'The same text as another review.',
  },
  { value: 'spam', label: 'Spam or advertising', hint: 'Promotion rather than an experience.' },
];

export const MODERATION_DECISIONS = ['approve', 'not_recommended', 'remove'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export const DECISION_LABELS: Record<ModerationDecision, string> = {
  approve: 'Publish',
  not_recommended: 'Not recommended',
  remove: 'Remove',
};

export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  upheld: 'Keep the decision',
  overturned: 'Overturn: publish the review',
};

/** The reasons that fit a decision: publishing needs "meets the guidelines", the rest another. */
export function reasonsFor(
  decision: ModerationDecision | AppealOutcome,
): readonly ReasonOption<ModerationReason>[] {
  const publishes = decision === 'approve' || decision === 'overturned';
  return MODERATION_REASON_OPTIONS.filter((o) => (o.value === APPROVAL_REASON) === publishes);
}

/** Why a review is held when readers reported it. */
export const REPORTED_HOLD_REASON = 'reported';

/** Open reports from this many different members move a published review back to pending. */
export const REPORTS_TO_HOLD = 3;

const STATUS_REASON_LABELS: Record<string, string> = {
  [REPORTED_HOLD_REASON]: 'Reported by several readers; a moderator is checking it.',
  ...Object.fromEntries(MODERATION_REASON_OPTIONS.map((o) => [o.value, o.label])),
};

/**
 * A review's status reason as words: the known codes by their label, a code nobody labelled
 * made readable ("new_account" -> "New account"), and a sentence as it is.
 */
export function statusReasonLabel(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const known = STATUS_REASON_LABELS[reason];
  if (known) return known;
  if (/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(reason)) {
    const words = reason.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return reason;
}

/** A report reason as words (an unknown code made readable). */
export function reportReasonLabel(reason: string): string {
  return (
    REPORT_REASON_OPTIONS.find((o) => o.value === reason)?.label ??
    statusReasonLabel(reason) ??
    reason
  );
}

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: 'Waiting for a moderator',
  published: 'Published',
  not_recommended: 'Not recommended',
  removed: 'Removed',
};

/** How long something has waited, in words: "under an hour", "5 hours", "3 days". */
export function waitingLabel(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours) || hours < 1) {
    return 'under an hour';
  }
  if (hours < 48) {
    const whole = Math.floor(hours);
    return `${whole} ${whole === 1 ? 'hour' : 'hours'}`;
  }
  return `${Math.floor(hours / 24)} days`;
}
