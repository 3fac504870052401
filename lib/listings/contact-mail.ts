import type { Mail } from '@/lib/mail';
import { plainMail } from '@/lib/mail/templates';
import { formatMoment } from './format';
import type { LocationAddress } from './input';
import { CONTACT_FIELD_LABELS, CONTACT_FIELDS, type ContactField } from './options';

export type ContactValues = Partial<Record<ContactField, string | null>>;

/** "Phone: from (212) 555-0101 to (212) 555-0199", one line per changed detail. */
export function describeContactChanges(changes: ContactValues, previous: ContactValues): string[] {
  const shown = (value: string | null | undefined) => (value ? value : 'none');
  return CONTACT_FIELDS.filter((field) => Object.hasOwn(changes, field)).map((field) => {
    const to = changes[field] ?? null;
    const label = CONTACT_FIELD_LABELS[field];
    return to === null
      ? `${label}: ${shown(previous[field])} will be removed`
      : `${label}: from ${shown(previous[field])} to ${to}`;
  });
}

export const CONTACT_CHANGE_REQUESTED_SUBJECT = 'A change to the contact details of your listing';
export const CONTACT_CHANGE_APPLIED_SUBJECT = 'The contact details of your listing have changed';

/**
 * To the listing's current (old) address, or to the account that asked: what will change and
 * when, with the link that stops it. The link's page changes nothing until its button is
 * pressed.
 */
export function contactChangeRequestedMail(input: {
  to: string;
  /** The listing's address (the default), or the email address of the account that asked. */
  recipient?: 'listing' | 'account';
  therapistName: string;
  changes: ContactValues;
  previous: ContactValues;
  appliesAt: Date;
  stopUrl: string;
}): Mail {
  const why =
    input.recipient === 'account'
      ? `Your Unknot account, which holds the listing of ${input.therapistName}, asked to change the listing’s contact details. We are letting you know at your account’s email address in case it was not you.`
      : `The account that holds the listing of ${input.therapistName} on Unknot asked to change the listing’s contact details. This email address is the one on the listing now, so we are letting you know here.`;
  return plainMail({
    to: input.to,
    subject: CONTACT_CHANGE_REQUESTED_SUBJECT,
    paragraphs: [
      'Hello,',
      why,
      'What will change:',
      ...describeContactChanges(input.changes, input.previous),
      `The change applies on ${formatMoment(input.appliesAt)} unless it is stopped before then. Until then the listing keeps showing its current details.`,
      'If you did not ask for this, open the link below: the page shows the change and a “Stop this change” button. Nothing happens until you press it. The link works until the change applies.',
    ],
    action: { label: 'Review or stop this change', url: input.stopUrl },
  });
}

/** To the old address once the change applied: a short record of it. */
export function contactChangeAppliedMail(input: {
  to: string;
  therapistName: string;
  changes: ContactValues;
  previous: ContactValues;
}): Mail {
  return plainMail({
    to: input.to,
    subject: CONTACT_CHANGE_APPLIED_SUBJECT,
    paragraphs: [
      'Hello,',
      `The contact details of ${input.therapistName}’s listing on Unknot have changed, as announced to this address when the change was asked for:`,
      ...describeContactChanges(input.changes, input.previous),
      'If you did not ask for this, claim the listing again from its page on Unknot: a moderator will look into it.',
    ],
  });
}

export const LOCATIONS_CHANGED_SUBJECT = 'The practice locations of your listing have changed';

export interface LocationLine extends LocationAddress {
  endsOn: string | null;
}

function place(location: LocationLine): string {
  return `${location.name}, ${location.address}, ${location.city}, ${location.region} ${location.postalCode}`;
}

/**
 * To the listing's email address when the account that holds it adds or ends a practice
 * location: where clients are sent matters as much as how they reach the practitioner.
 */
export function locationsChangedMail(input: {
  to: string;
  therapistName: string;
  added: LocationLine[];
  ended: LocationLine[];
}): Mail {
  return plainMail({
    to: input.to,
    subject: LOCATIONS_CHANGED_SUBJECT,
    paragraphs: [
      'Hello,',
      `The account that holds the listing of ${input.therapistName} on Unknot changed where the listing says the practitioner works. This email address is the one on the listing, so we are letting you know here.`,
      ...input.added.map((l) => `Added: ${place(l)} (since ${l.startsOn})`),
      ...input.ended.map((l) => `Ended: ${place(l)} (until ${l.endsOn ?? 'now'})`),
      'The listing shows this now. If you did not make this change, sign in to correct it, or claim the listing from its page on Unknot: a moderator will look into it.',
    ],
  });
}
