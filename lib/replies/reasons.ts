/**
 * The words of replies: why a reply is held, why a moderator removes one, and what the composer
 * reminds owners of. Plain constants (no server code), so forms can list them.
 */

/**
 * The rule every reply keeps (TRUST 18), in the same words for owners and moderators: a reply
 * cannot prove what a reviewer chose to share, so it repeats none of it.
 */
export const REPLY_CONFIDENCE_RULE =
  'A reply says nothing about the client’s health, treatment, visits or identity, not even what they wrote in their review themselves.';

/** A reply is at most this long (TRUST 12). */
export const REPLY_MAX_LENGTH = 2000;

/** Why the automatic check holds a reply, in order of precedence (the first is stored). */
export const REPLY_HOLD_REASONS = {
  client_health:
    'It seems to mention the client’s health: a condition, an injury, a diagnosis or their care.',
  client_name: 'It seems to name the client.',
  visit_date: 'It seems to say when the client visited or will visit.',
  client_details:
    'It seems to tell something about the client: what they told you, their history, family or life.',
  contact_details: 'It contains a phone number, an email address or a link.',
} as const;

export type ReplyHoldReason = keyof typeof REPLY_HOLD_REASONS;

export const REPLY_HOLD_REASON_ORDER = Object.keys(REPLY_HOLD_REASONS) as ReplyHoldReason[];

export function isReplyHoldReason(value: unknown): value is ReplyHoldReason {
  return typeof value === 'string' && Object.hasOwn(REPLY_HOLD_REASONS, value);
}

export interface ReplyReasonOption<T extends string> {
  value: T;
  label: string;
  hint: string;
}

/** Why a moderator removes a reply: what it says, never what the review rated. */
export const REPLY_REMOVAL_REASONS = [
  'client_health',
  'client_identity',
  'contact_details',
  'pressure_on_reviewer',
  'offensive',
  'advertising',
] as const;
export type ReplyRemovalReason = (typeof REPLY_REMOVAL_REASONS)[number];

/** The one reason that publishes a held reply. */
export const REPLY_APPROVAL_REASON = 'keeps_confidence';

export const REPLY_DECISION_REASONS = [REPLY_APPROVAL_REASON, ...REPLY_REMOVAL_REASONS] as const;
export type ReplyDecisionReason = (typeof REPLY_DECISION_REASONS)[number];

export const REPLY_DECISION_REASON_OPTIONS: readonly ReplyReasonOption<ReplyDecisionReason>[] = [
  {
    value: REPLY_APPROVAL_REASON,
    label: 'Keeps the client’s confidence',
    hint: 'Nothing about the client’s health, treatment, visits or identity, not even what they wrote themselves; publish it.',
  },
  {
    value: 'client_health',
    label: 'Discloses the client’s health',
    hint: 'A condition, an injury, a diagnosis, a treatment or their care, even one the reviewer wrote themselves.',
  },
  {
    value: 'client_identity',
    label: 'Identifies the client or their life',
    hint: 'Their name, their visits or when, family, work or what they said in a session, even what the reviewer wrote themselves.',
  },
  {
    value: 'contact_details',
    label: 'Contact details or links',
    hint: 'Phone numbers, email addresses or web links.',
  },
  {
    value: 'pressure_on_reviewer',
    label: 'Pressure on the reviewer',
    hint: 'Threats, offers or demands to change or remove the review.',
  },
  { value: 'offensive', label: 'Offensive or hostile', hint: 'Insults, threats or harassment.' },
  {
    value: 'advertising',
    label: 'Advertising, not a reply',
    hint: 'Promotion that does not answer the review.',
  },
];

export const REPLY_DECISIONS = ['approve', 'remove'] as const;
export type ReplyDecision = (typeof REPLY_DECISIONS)[number];

export const REPLY_DECISION_LABELS: Record<ReplyDecision, string> = {
  approve: 'Publish the reply',
  remove: 'Remove the reply',
};

/** The reasons that fit a decision: publishing needs the approval reason, removing another. */
export function replyReasonsFor(
  decision: ReplyDecision,
): readonly ReplyReasonOption<ReplyDecisionReason>[] {
  return REPLY_DECISION_REASON_OPTIONS.filter(
    (o) => (o.value === REPLY_APPROVAL_REASON) === (decision === 'approve'),
  );
}

/**
 * A reply's stored reason code in words, for its status: a held reply's code by what the check
 * found, a removed reply's code by the moderator's reason.
 */
export function replyReasonLabel(
  status: 'published' | 'pending' | 'removed',
  reason: string | null | undefined,
): string | null {
  if (!reason) return null;
  if (status === 'pending' && isReplyHoldReason(reason)) return REPLY_HOLD_REASONS[reason];
  const option = REPLY_DECISION_REASON_OPTIONS.find((o) => o.value === reason);
  if (option) return option.label;
  return isReplyHoldReason(reason) ? REPLY_HOLD_REASONS[reason] : reason;
}

/** What the composer reminds an owner of before they write. */
export const CONFIDENTIALITY_REMINDER = {
  title: 'Keep your client’s confidence',
  points: [
    REPLY_CONFIDENCE_RULE,
    'That means no condition, injury, treatment or care; no name, visits or dates; nothing they told you, about their family, work or life.',
    'Keep it general: thank them, and answer a criticism about your practice without details of their sessions.',
    'No phone numbers, email addresses or links.',
  ],
  held: 'A reply that seems to disclose a client’s health or identity is held: a moderator reads it before it appears.',
} as const;
