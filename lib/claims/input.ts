import 'server-only';
import { z } from 'zod';
import { cleanText } from '@/lib/input';
import { CLAIM_DECISIONS, CLAIM_LIMITS } from './labels';
import { US_STATE_CODES } from '@/lib/us-states';

/**
 * What each claim form may send: strict allowlists (TRUST 10). There is no address field
 * anywhere: a code only ever goes to the address already on the listing.
 */

const text = (value: unknown) => (typeof value === 'string' ? cleanText(value) : value);

const licenseState = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
  z.enum(US_STATE_CODES, { error: 'Choose the state that issued the licence.' }),
);

const licenseNumber = z.preprocess(
  text,
  z
    .string({ error: 'Enter the licence number.' })
    .min(1, { error: 'Enter the licence number.', abort: true })
    .max(
      CLAIM_LIMITS.licenseNumberMax,
      `A licence number has at most ${CLAIM_LIMITS.licenseNumberMax} characters.`,
    )
    .regex(/[\p{L}\p{N}]/u, 'Enter the licence number as it is on the licence.'),
);

const licenseName = z.preprocess(
  text,
  z
    .string({ error: 'Enter your full name as it is on the licence.' })
    .min(2, { error: 'Enter your full name as it is on the licence.', abort: true })
    .max(
      CLAIM_LIMITS.licenseNameMax,
      `A name has at most ${CLAIM_LIMITS.licenseNameMax} characters.`,
    )
    .regex(/\p{L}/u, 'Enter your full name as it is on the licence.'),
);

/** Step 1 of a claim: the licence. */
export const licenceInput = z.strictObject({ licenseState, licenseNumber, licenseName });
export type LicenceInput = z.output<typeof licenceInput>;

/** Step 2: the code from the listing's email. Spaces and dashes people type are ignored. */
export const codeInput = z.strictObject({
  code: z.preprocess(
    (value) => (typeof value === 'string' ? value.normalize('NFKC').replace(/[\s-]/g, '') : value),
    z
      .string({ error: 'Enter the 6-digit code from the email.' })
      .regex(/^\d{6}$/, 'Enter the 6-digit code from the email.'),
  ),
});

const evidence = z.preprocess(
  text,
  z
    .string({ error: 'Tell the moderators why this listing is yours.' })
    .min(
      CLAIM_LIMITS.evidenceMin,
      `Tell the moderators why this listing is yours (at least ${CLAIM_LIMITS.evidenceMin} characters).`,
    )
    .max(
      CLAIM_LIMITS.evidenceMax,
      `Keep it to ${CLAIM_LIMITS.evidenceMax.toLocaleString('en-US')} characters.`,
    ),
);

function linkProblem(raw: string): string | null {
  if (raw.length > CLAIM_LIMITS.linkMax)
    return `A link has at most ${CLAIM_LIMITS.linkMax} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `“${raw.slice(0, 80)}” is not a web address. Give full links starting with https://.`;
  }
  if (url.protocol !== 'https:') return `Links start with https:// (“${raw.slice(0, 80)}”).`;
  if (url.username || url.password || !url.hostname.includes('.')) {
    return `“${raw.slice(0, 80)}” is not a web address we can accept.`;
  }
  return null;
}

/** Links, one per line in the form (or a list): https only, at most 10, duplicates dropped. */
const links = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return [];
    const lines = [value]
      .flat()
      .map((part) => (typeof part === 'string' ? part.normalize('NFKC').split(/\s+/) : [part]))
      .flat()
      .filter((part) => part !== '');
    return lines;
  },
  z
    .array(z.string({ error: 'Give links as text.' }), { error: 'Give links as text.' })
    .superRefine((list, context) => {
      for (const raw of list) {
        const problem = linkProblem(raw);
        if (problem) {
          context.addIssue({ code: 'custom', message: problem });
          return;
        }
      }
    })
    .transform((list) => [...new Set(list.map((raw) => new URL(raw).href))])
    .refine((list) => list.length <= CLAIM_LIMITS.links, {
      message: `Give at most ${CLAIM_LIMITS.links} links.`,
    }),
);

const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Evidence for the moderators: what you say, links that show it, and (optionally, all three or
 * none) your licence, recorded with whether it matches the listing.
 */
export const evidenceInput = z
  .strictObject({
    evidence,
    links,
    licenseState: z.unknown().optional(),
    licenseNumber: z.unknown().optional(),
    licenseName: z.unknown().optional(),
  })
  .transform((value, context) => {
    const given = [value.licenseState, value.licenseNumber, value.licenseName];
    if (given.every(blank)) return { evidence: value.evidence, links: value.links, licence: null };
    const licence = licenceInput.safeParse({
      licenseState: value.licenseState ?? '',
      licenseNumber: value.licenseNumber ?? '',
      licenseName: value.licenseName ?? '',
    });
    if (!licence.success) {
      for (const issue of licence.error.issues) {
        context.addIssue({
          code: 'custom',
          path: issue.path,
          message: `${issue.message} Or leave all three licence fields empty.`,
        });
      }
      return z.NEVER;
    }
    return { evidence: value.evidence, links: value.links, licence: licence.data };
  });
export type EvidenceInput = z.output<typeof evidenceInput>;

/** More evidence, after a moderator asked for it. */
export const moreEvidenceInput = z.strictObject({ evidence, links });
export type MoreEvidenceInput = z.output<typeof moreEvidenceInput>;

const STALE_FORM = 'This claim or its listing changed since you opened it: reload the page.';

/**
 * A moderator's decision on a claim; refusing and asking for more need a message. `version`
 * (when the claim last changed) and `holder` (the listing's holder's id, or empty) are what the
 * moderator's page showed, so that a decision on an outdated page is refused.
 */
export const claimDecisionInput = z
  .strictObject({
    version: z.iso.datetime({ error: STALE_FORM }),
    holder: z
      .string({ error: STALE_FORM })
      .max(100, STALE_FORM)
      .regex(/^[A-Za-z0-9_-]*$/, STALE_FORM),
    decision: z.enum(CLAIM_DECISIONS, { error: 'Choose approve, refuse or ask for more.' }),
    message: z.preprocess(
      (value) => (value === undefined || value === null ? '' : text(value)),
      z
        .string({ error: 'Write the message as text.' })
        .max(
          CLAIM_LIMITS.messageMax,
          `Keep the message to ${CLAIM_LIMITS.messageMax.toLocaleString('en-US')} characters.`,
        ),
    ),
  })
  .superRefine((value, context) => {
    if (value.decision === 'refuse' && value.message.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['message'],
        message: 'Say why the claim is refused: the claimant reads it.',
      });
    }
    if (value.decision === 'more_info' && value.message.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['message'],
        message: 'Say what the claimant should send.',
      });
    }
  });
export type ClaimDecisionInput = z.output<typeof claimDecisionInput>;
