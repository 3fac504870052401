import 'server-only';
import { z } from 'zod';
import { INTENTS, PRESSURE_ADJUSTED, type Intent, type PressureAdjusted } from '@/db/schema/enums';
import { CONDITION_CONSENT_TEXT } from '@/db/schema/reviews';
import { cleanText } from '@/lib/input';

/**
 * The review form, for writing and for editing: one strict allowlist (TRUST 10, 12, 13). Every
 * field accepts what a browser form sends (strings; a missing radio group or an unticked box is
 * absent) as well as the parsed values themselves, so parsing twice gives the same result.
 */

/** The wording next to the consent box, stored with the review when the box is ticked. */
export { CONDITION_CONSENT_TEXT };

export const REVIEW_LIMITS = {
  bodyMin: 20,
  bodyMax: 5000,
  titleMax: 120,
  sessionsMax: 200,
  /** The earliest visit month accepted. */
  firstMonth: '2000-01',
} as const;

/** The five "finds the cause" questions, in the order the form asks them. */
export const CHECKLIST_FIELDS = [
  'assessedBefore',
  'explainedCause',
  'gaveHomeCare',
  'setExpectations',
  'referredOut',
] as const;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];

const BLANK = new Set(['', 'unanswered', 'skip']);

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && BLANK.has(value));
}

/** A whole number from a form field ("7") or a number; blank is null; anything else as is. */
function toOptionalInteger(value: unknown): unknown {
  if (isBlank(value)) return null;
  if (typeof value === 'string' && /^\s*-?\d{1,6}\s*$/.test(value)) return Number(value);
  return value;
}

function wholeNumber(min: number, max: number, message: string) {
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

function optionalWholeNumber(min: number, max: number, message: string) {
  return z.preprocess(toOptionalInteger, wholeNumber(min, max, message).nullable());
}

function optionalChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) {
  return z.preprocess(
    (value) => (isBlank(value) ? null : value),
    z.enum(values, { error: message }).nullable(),
  );
}

/** Yes, no or not answered: "yes" | "no" | "" from the form, or true | false | null. */
const yesNo = z.preprocess(
  (value) => {
    if (isBlank(value)) return null;
    if (value === 'yes') return true;
    if (value === 'no') return false;
    return value;
  },
  z.boolean({ error: 'Answer yes or no, or leave it unanswered.' }).nullable(),
);

/** A ticked box ("on", as browsers send it) or true; absent or false when not ticked. */
const tickBox = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === '' || value === 'no') return false;
    if (value === 'on' || value === 'yes' || value === 'true') return true;
    return value;
  },
  z.boolean({ error: 'Tick the box, or leave it empty.' }),
);

/** The month of `date` as YYYY-MM, in UTC. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The latest visit month accepted now: this month where the visitor may be (up to UTC+14). */
export function latestVisitMonth(now = new Date()): string {
  return monthOf(new Date(now.getTime() + 14 * 3_600_000));
}

const visitMonth = z.preprocess(
  (value) => (isBlank(value) ? null : typeof value === 'string' ? value.trim() : value),
  z
    .string({ error: 'Enter the month of your visit, like 2025-03.' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month of your visit, like 2025-03.')
    .refine((month) => month >= REVIEW_LIMITS.firstMonth, 'Enter a visit from 2000 or later.')
    .refine((month) => month <= latestVisitMonth(), 'The visit month cannot be in the future.')
    .nullable(),
);

const body = z
  .string({ error: 'Write a few sentences about your visit.' })
  .max(REVIEW_LIMITS.bodyMax * 2, 'Keep your review to 5,000 characters or fewer.')
  .transform(cleanText)
  .pipe(
    z
      .string()
      .min(1, 'Write a few sentences about your visit.')
      .min(
        REVIEW_LIMITS.bodyMin,
        `Write at least ${REVIEW_LIMITS.bodyMin} characters about your visit.`,
      )
      .max(REVIEW_LIMITS.bodyMax, 'Keep your review to 5,000 characters or fewer.'),
  );

const title = z.preprocess(
  (value) => (value === undefined || value === null ? '' : value),
  z
    .string({ error: 'The title must be text.' })
    .max(REVIEW_LIMITS.titleMax * 2, 'Keep the title to 120 characters or fewer.')
    .transform(cleanText)
    .pipe(z.string().max(REVIEW_LIMITS.titleMax, 'Keep the title to 120 characters or fewer.')),
);

const PAIN_MESSAGE = 'Choose a pain level from 0 (no pain) to 10 (worst imaginable).';
const PRESSURE_MESSAGE = 'Choose a pressure from 1 (light) to 5 (very firm).';

export const reviewInput = z
  .strictObject({
    rating: z.preprocess(
      (value) => (isBlank(value) ? undefined : toOptionalInteger(value)),
      wholeNumber(1, 5, 'Choose a star rating from 1 to 5.'),
    ),
    title,
    body,
    visitMonth,
    sessionsCount: optionalWholeNumber(
      1,
      REVIEW_LIMITS.sessionsMax,
      `Enter the number of sessions, from 1 to ${REVIEW_LIMITS.sessionsMax}.`,
    ),
    intent: optionalChoice(INTENTS, 'Choose one of the listed reasons for your sessions.'),
    conditionId: optionalWholeNumber(1, 32_767, 'Choose a condition from the list.'),
    conditionPublic: tickBox,
    painBefore: optionalWholeNumber(0, 10, PAIN_MESSAGE),
    painNow: optionalWholeNumber(0, 10, PAIN_MESSAGE),
    pressureWanted: optionalWholeNumber(1, 5, PRESSURE_MESSAGE),
    pressureReceived: optionalWholeNumber(1, 5, PRESSURE_MESSAGE),
    pressureAdjusted: optionalChoice(
      PRESSURE_ADJUSTED,
      'Choose yes, no or “I did not ask”, or leave it unanswered.',
    ),
    assessedBefore: yesNo,
    explainedCause: yesNo,
    gaveHomeCare: yesNo,
    setExpectations: yesNo,
    referredOut: yesNo,
    wouldRecommend: yesNo,
  })
  .superRefine(
    (input, context) => {
      // Also runs when other fields were refused, so that every problem shows at once: values
      // here may then be unparsed.
      const given = (value: unknown) => value !== null && value !== undefined;
      if (input.conditionPublic === true && !given(input.conditionId)) {
        context.addIssue({
          code: 'custom',
          path: ['conditionPublic'],
          message: 'Choose the condition first, or leave this box empty.',
        });
      }
      if (given(input.painBefore) && !given(input.painNow)) {
        context.addIssue({
          code: 'custom',
          path: ['painNow'],
          message: 'Also rate your pain now, or leave both pain questions unanswered.',
        });
      }
      if (!given(input.painBefore) && given(input.painNow)) {
        context.addIssue({
          code: 'custom',
          path: ['painBefore'],
          message: 'Also rate your pain before the first session, or leave both unanswered.',
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type ReviewInput = z.output<typeof reviewInput>;

/**
 * The invitation token that may come with a new review (a hidden field kept from the invitation
 * link). Only its shape is checked here: a token that does not work never refuses the review
 * (see createReview).
 */
export const reviewInvitationField = z.strictObject({
  invitation: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z
      .string({ error: 'The invitation link in this form is not valid.' })
      .max(1000, 'The invitation link in this form is not valid.')
      .optional(),
  ),
});

/** The review's fields as the form shows them: strings, "" for unanswered. */
export interface ReviewFormValues {
  rating: string;
  title: string;
  body: string;
  visitMonth: string;
  sessionsCount: string;
  intent: string;
  conditionId: string;
  conditionPublic: boolean;
  painBefore: string;
  painNow: string;
  pressureWanted: string;
  pressureReceived: string;
  pressureAdjusted: string;
  assessedBefore: string;
  explainedCause: string;
  gaveHomeCare: string;
  setExpectations: string;
  referredOut: string;
  wouldRecommend: string;
}

export const EMPTY_REVIEW_FORM: ReviewFormValues = {
  rating: '',
  title: '',
  body: '',
  visitMonth: '',
  sessionsCount: '',
  intent: '',
  conditionId: '',
  conditionPublic: false,
  painBefore: '',
  painNow: '',
  pressureWanted: '',
  pressureReceived: '',
  pressureAdjusted: '',
  assessedBefore: '',
  explainedCause: '',
  gaveHomeCare: '',
  setExpectations: '',
  referredOut: '',
  wouldRecommend: '',
};

/** What was typed, to show again after a refused submission (known fields only, capped). */
export function echoFormValues(fields: Record<string, string | string[]>): ReviewFormValues {
  const text = (key: keyof ReviewFormValues, cap: number): string => {
    const value = fields[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.slice(0, cap) : '';
  };
  const values = { ...EMPTY_REVIEW_FORM };
  for (const key of Object.keys(EMPTY_REVIEW_FORM) as (keyof ReviewFormValues)[]) {
    if (key === 'conditionPublic') continue;
    values[key] = text(key, key === 'body' ? REVIEW_LIMITS.bodyMax * 2 : 400);
  }
  values.conditionPublic = ['on', 'yes', 'true'].includes(text('conditionPublic', 8));
  return values;
}

function yesNoValue(value: boolean | null): string {
  return value === null ? '' : value ? 'yes' : 'no';
}

function numberValue(value: number | null): string {
  return value === null ? '' : String(value);
}

/** The stored review's fields as the form shows them. */
export function toFormValues(review: {
  rating: number;
  title: string;
  body: string;
  visitMonth: string | null;
  sessionsCount: number | null;
  intent: Intent | null;
  conditionId: number | null;
  conditionPublic: boolean;
  painBefore: number | null;
  painNow: number | null;
  pressureWanted: number | null;
  pressureReceived: number | null;
  pressureAdjusted: PressureAdjusted | null;
  assessedBefore: boolean | null;
  explainedCause: boolean | null;
  gaveHomeCare: boolean | null;
  setExpectations: boolean | null;
  referredOut: boolean | null;
  wouldRecommend: boolean | null;
}): ReviewFormValues {
  return {
    rating: String(review.rating),
    title: review.title,
    body: review.body,
    visitMonth: review.visitMonth ? review.visitMonth.slice(0, 7) : '',
    sessionsCount: numberValue(review.sessionsCount),
    intent: review.intent ?? '',
    conditionId: numberValue(review.conditionId),
    conditionPublic: review.conditionPublic,
    painBefore: numberValue(review.painBefore),
    painNow: numberValue(review.painNow),
    pressureWanted: numberValue(review.pressureWanted),
    pressureReceived: numberValue(review.pressureReceived),
    pressureAdjusted: review.pressureAdjusted ?? '',
    assessedBefore: yesNoValue(review.assessedBefore),
    explainedCause: yesNoValue(review.explainedCause),
    gaveHomeCare: yesNoValue(review.gaveHomeCare),
    setExpectations: yesNoValue(review.setExpectations),
    referredOut: yesNoValue(review.referredOut),
    wouldRecommend: yesNoValue(review.wouldRecommend),
  };
}
