import { z } from 'zod';
import { normalizeEmail } from '@/lib/auth/email';
import { AppError } from '@/lib/errors';

/** Limits of one batch of invitations. */
export const INVITATION_LIMITS = {
  /**
   * New addresses a batch must hold at least: an "invited" review in reply to a batch of one
   * would tell the practitioner who wrote it (DOMAIN "Privacy").
   */
  minNew: 5,
  /** Different addresses in one batch. */
  perBatch: 200,
  /** Entries looked at before giving up (repeats and blanks included). */
  maxEntries: 1000,
  /** Characters of the address box, far above 200 addresses of the longest valid length. */
  maxLength: 60_000,
  /** Invalid addresses named in the message; the rest are counted. */
  namedInvalid: 10,
} as const;

/** Why a batch needs several new addresses, in the form's hint and in the refusal. */
export const INVITATION_MIN_NEW_REASON = `So that no review can be traced back to one person, send at least ${INVITATION_LIMITS.minNew} new addresses at a time.`;

/** The box the owner ticks: it is part of the form and of the record of what they agreed to. */
export const INVITATION_CONFIRM_TEXT =
  'These people were my clients and I am inviting all of them, whatever their experience.';

const EMAILS_FIELD = 'emails';

/**
 * The form: the address list and the confirmation, nothing else. Only the shape is checked here;
 * the addresses themselves are checked one by one by `parseAddressList`.
 */
export const sendInvitationsInput = z.strictObject({
  emails: z
    .string({ error: 'Enter the email addresses of your clients, one per line.' })
    .max(
      INVITATION_LIMITS.maxLength,
      `That is too much text: send at most ${INVITATION_LIMITS.perBatch} addresses at a time.`,
    ),
  confirm: z.literal('yes', {
    error: 'Tick the box to confirm that you are inviting all of these clients.',
  }),
});

export type SendInvitationsInput = z.output<typeof sendInvitationsInput>;

/** Addresses split on line breaks, commas, semicolons and spaces; blanks dropped. */
export function splitAddressList(text: string): string[] {
  return text
    .split(/[\s,;]+/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** How an invalid entry is named back to the person who typed it (short, printable). */
function shown(entry: string): string {
  const printable = entry.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return printable.length > 60 ? `${printable.slice(0, 59)}…` : printable;
}

/** A refusal of the address list, shown at the address box. */
export function addressListError(message: string): AppError {
  return new AppError('validation', message, { issues: [{ field: EMAILS_FIELD, message }] });
}

function refuse(message: string): never {
  throw addressListError(message);
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * The refusal of a batch with fewer than INVITATION_LIMITS.minNew new addresses (after leaving
 * out those invited before and the owner's own), or null when it has enough. Counts only.
 */
export function tooFewNewAddresses(counts: {
  fresh: number;
  alreadyInvited: number;
  ownAddresses: number;
}): string | null {
  if (counts.fresh >= INVITATION_LIMITS.minNew) return null;
  const left: string[] = [];
  if (counts.alreadyInvited > 0) left.push(`${counts.alreadyInvited} invited before`);
  if (counts.ownAddresses > 0) {
    left.push(`${counts.ownAddresses} your own or your listing’s`);
  }
  const found =
    counts.fresh === 0
      ? 'None of these addresses is new'
      : `Only ${count(counts.fresh, 'of these addresses is', 'of these addresses are')} new`;
  const why = left.length > 0 ? ` (${left.join(', ')})` : '';
  return `${found}${why}. ${INVITATION_MIN_NEW_REASON} No invitation was sent.`;
}

/**
 * The different, normalised addresses of the list (in the order typed), and how many entries
 * repeated one already in it. Any invalid entry refuses the whole list, naming the entries at
 * fault, so that a batch is sent as typed or not at all.
 */
export function parseAddressList(text: string): { addresses: string[]; repeated: number } {
  const entries = splitAddressList(text);
  if (entries.length === 0) refuse('Enter the email addresses of your clients, one per line.');
  if (entries.length > INVITATION_LIMITS.maxEntries) {
    refuse(`Send at most ${INVITATION_LIMITS.perBatch} addresses at a time.`);
  }
  const invalid: string[] = [];
  const seen = new Set<string>();
  const addresses: string[] = [];
  let repeated = 0;
  for (const entry of entries) {
    let email: string;
    try {
      email = normalizeEmail(entry);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      invalid.push(shown(entry));
      continue;
    }
    if (seen.has(email)) {
      repeated += 1;
      continue;
    }
    seen.add(email);
    addresses.push(email);
  }
  if (invalid.length > 0) {
    const named = invalid.slice(0, INVITATION_LIMITS.namedInvalid).map((e) => `“${e}”`);
    const more = invalid.length - named.length;
    const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
    refuse(
      invalid.length === 1
        ? `This is not a valid email address: ${list}. Correct or remove it; no invitation was sent.`
        : `These are not valid email addresses: ${list}. Correct or remove them; no invitation was sent.`,
    );
  }
  if (addresses.length < INVITATION_LIMITS.minNew) {
    refuse(
      `That is ${count(addresses.length, 'address', 'different addresses')}. ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
  }
  if (addresses.length > INVITATION_LIMITS.perBatch) {
    refuse(
      `That is ${addresses.length} addresses: send at most ${INVITATION_LIMITS.perBatch} at a time. No invitation was sent.`,
    );
  }
  return { addresses, repeated };
}
