import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { contactChanges, therapists } from '@/db/schema';
import { cleanText } from '@/lib/actions';
import { normalizeEmail } from '@/lib/auth/email';
import type { Viewer } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit';
import { AppError, validationError } from '@/lib/errors';
import { siteOrigin } from '@/lib/follow-ups/token';
import { enqueueJobs } from '@/lib/jobs/queue';
import { PermanentJobError, type ClaimedJob } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sendMail } from '@/lib/mail';
import {
  contactChangeAppliedMail,
  contactChangeRequestedMail,
  type ContactValues,
} from './contact-mail';
import { checkContactChangeToken, createContactChangeToken } from './contact-token';
import { parseListingInput } from './input';
import {
  CONTACT_CHANGE_DELAY_HOURS,
  CONTACT_FIELD_LABELS,
  CONTACT_FIELDS,
  type ContactField,
} from './options';
import { requireListingOwner } from './owner';

/**
 * Contact details of a claimed listing change only after a wait, and the address on the listing
 * is told first, with a link that stops the change (TRUST 22): a taken-over account cannot
 * quietly send a practitioner's clients elsewhere. While a change waits, the profile and search
 * keep the current details (the therapists row changes only when it applies).
 */

/** Applies a waiting change when it is due. Payload: { changeId }. */
export const CONTACT_CHANGE_APPLY_JOB = 'listing-contact-change-apply';
/** Tells the old address about a change. Payload: { changeId, notice: requested | applied }. */
export const CONTACT_CHANGE_NOTICE_JOB = 'listing-contact-change-notice';

const HOUR_MS = 3_600_000;

/* ------------------------------------------------------------------------------------------ */
/* Input                                                                                        */
/* ------------------------------------------------------------------------------------------ */

function blankToNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && cleanText(value) === '') return null;
  return value;
}

const URL_MAX = 500;

/** A web address typed by a person: "example.com/book" becomes "https://example.com/book". */
function webAddress(text: string, httpsOnly: boolean): { ok: true; value: string } | { ok: false } {
  const trimmed = cleanText(text);
  if (/\s/.test(trimmed)) return { ok: false };
  const value = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false };
  }
  const protocols = httpsOnly ? ['https:'] : ['http:', 'https:'];
  if (!protocols.includes(url.protocol)) return { ok: false };
  if (!url.hostname.includes('.') || url.username || url.password) return { ok: false };
  if (!/^https?:\/\//i.test(value)) return { ok: false };
  return { ok: true, value };
}

const contactEmailField = z.preprocess(
  blankToNull,
  z
    .string({ error: 'Enter an email address, or leave it empty.' })
    .max(1000, 'That email address is too long (254 characters at most).')
    .transform((text, context) => {
      try {
        return normalizeEmail(text);
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: error instanceof AppError ? error.message : 'Enter a valid email address.',
        });
        return z.NEVER;
      }
    })
    .nullable(),
);

const PHONE_MESSAGE =
  'Enter a phone number with 7 to 15 digits; only spaces, + ( ) - and . may go between them.';
const phoneField = z.preprocess(
  blankToNull,
  z
    .string({ error: PHONE_MESSAGE })
    .max(40, PHONE_MESSAGE)
    .transform((text) => cleanText(text).replace(/\s+/g, ' '))
    .refine((text) => /^\+?[\d ().-]+$/.test(text), PHONE_MESSAGE)
    .refine((text) => {
      const digits = text.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15;
    }, PHONE_MESSAGE)
    .nullable(),
);

function urlField(httpsOnly: boolean, message: string) {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: message })
      .max(URL_MAX, `Keep the address to ${URL_MAX} characters or fewer.`)
      .transform((text, context) => {
        const parsed = webAddress(text, httpsOnly);
        if (parsed.ok) return parsed.value;
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      })
      .nullable(),
  );
}

export const contactInput = z.strictObject({
  contactEmail: contactEmailField,
  phone: phoneField,
  website: urlField(false, 'Enter a web address starting with https:// or http://.'),
  bookingUrl: urlField(
    true,
    'Enter a booking link starting with https:// (booking pages must be secure).',
  ),
});

export type ContactInput = z.output<typeof contactInput>;

/** Two values of a detail mean the same (emails compare without case). */
function sameValue(field: ContactField, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return field === 'contactEmail' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/* ------------------------------------------------------------------------------------------ */
/* What pages see                                                                               */
/* ------------------------------------------------------------------------------------------ */

export interface ContactChangeLine {
  field: ContactField;
  label: string;
  from: string | null;
  to: string | null;
}

export interface WaitingContactChange {
  id: number;
  requestedAt: string;
  appliesAt: string;
  lines: ContactChangeLine[];
  /** The listing had an email address, and it was told. */
  notified: boolean;
}

export interface ContactDetailsView {
  listing: { name: string; slug: string };
  current: Record<ContactField, string | null>;
  waiting: WaitingContactChange | null;
  delayHours: number;
}

function toLines(changes: ContactValues, previous: ContactValues): ContactChangeLine[] {
  return CONTACT_FIELDS.filter((field) => Object.hasOwn(changes, field)).map((field) => ({
    field,
    label: CONTACT_FIELD_LABELS[field],
    from: previous[field] ?? null,
    to: changes[field] ?? null,
  }));
}

const WAITING = and(isNull(contactChanges.appliedAt), isNull(contactChanges.cancelledAt));

async function waitingChange(
  executor: Executor,
  therapistId: number,
): Promise<WaitingContactChange | null> {
  const [row] = await executor
    .select()
    .from(contactChanges)
    .where(and(eq(contactChanges.therapistId, therapistId), WAITING))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    requestedAt: row.requestedAt.toISOString(),
    appliesAt: row.appliesAt.toISOString(),
    lines: toLines(row.changes, row.previous),
    notified: row.notifiedEmail !== null,
  };
}

/** The owner's waiting change, if any (for the dashboard overview). */
export async function getWaitingContactChange(
  viewer: Viewer | null,
): Promise<WaitingContactChange | null> {
  const owned = await requireListingOwner(viewer);
  return waitingChange(getDb(), owned.therapistId);
}

/** The owner's contact details and their waiting change. */
export async function getContactDetails(viewer: Viewer | null): Promise<ContactDetailsView> {
  const owned = await requireListingOwner(viewer);
  const db = getDb();
  const [[row], waiting] = await Promise.all([
    db
      .select({
        contactEmail: therapists.contactEmail,
        phone: therapists.phone,
        website: therapists.website,
        bookingUrl: therapists.bookingUrl,
      })
      .from(therapists)
      .where(eq(therapists.id, owned.therapistId)),
    waitingChange(db, owned.therapistId),
  ]);
  if (!row) throw new AppError('not_found', 'We could not find your listing.');
  return {
    listing: { name: owned.name, slug: owned.slug },
    current: row,
    waiting,
    delayHours: CONTACT_CHANGE_DELAY_HOURS,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Asking for a change, and stopping one                                                        */
/* ------------------------------------------------------------------------------------------ */

export interface ContactChangeRequested {
  changeId: number;
  appliesAt: string;
  fields: ContactField[];
  notified: boolean;
}

/**
 * Asks for a change of the listing's contact details. It waits CONTACT_CHANGE_DELAY_HOURS
 * (a new request replaces a waiting one, which is cancelled); the address on the listing now is
 * told at once, with a link that stops it. Values that do not change are refused.
 */
export async function requestContactChange(
  viewer: Viewer | null,
  raw: unknown,
  now: Date = new Date(),
): Promise<ContactChangeRequested> {
  await requireListingOwner(viewer);
  const input = parseListingInput(contactInput, raw);

  return getDb().transaction(async (tx) => {
    const owned = await requireListingOwner(viewer, tx);
    const [current] = await tx
      .select({
        name: therapists.name,
        contactEmail: therapists.contactEmail,
        phone: therapists.phone,
        website: therapists.website,
        bookingUrl: therapists.bookingUrl,
      })
      .from(therapists)
      .where(eq(therapists.id, owned.therapistId))
      .for('update');
    if (!current) throw new AppError('not_found', 'We could not find your listing.');

    const changes: ContactValues = {};
    const previous: ContactValues = {};
    for (const field of CONTACT_FIELDS) {
      if (sameValue(field, current[field], input[field])) continue;
      changes[field] = input[field];
      previous[field] = current[field];
    }
    const fields = CONTACT_FIELDS.filter((field) => Object.hasOwn(changes, field));
    if (fields.length === 0) {
      throw validationError([
        {
          field: 'form',
          message: 'Nothing to change: these are the details the listing shows now.',
        },
      ]);
    }

    const replaced = await tx
      .update(contactChanges)
      .set({ cancelledAt: now, cancelledById: owned.owner.userId })
      .where(and(eq(contactChanges.therapistId, owned.therapistId), WAITING))
      .returning({ id: contactChanges.id });
    for (const old of replaced) {
      await recordAudit(tx, {
        actorId: owned.owner.userId,
        action: 'listing.contact_change_cancelled',
        therapistId: owned.therapistId,
        detail: { changeId: old.id, by: 'replaced' },
      });
    }

    const appliesAt = new Date(now.getTime() + CONTACT_CHANGE_DELAY_HOURS * HOUR_MS);
    const notifiedEmail = current.contactEmail;
    const [created] = await tx
      .insert(contactChanges)
      .values({
        therapistId: owned.therapistId,
        requestedById: owned.owner.userId,
        changes,
        previous,
        notifiedEmail,
        requestedAt: now,
        appliesAt,
      })
      .returning({ id: contactChanges.id });
    if (!created) throw new Error('The contact change was not saved.');

    await enqueueJobs(tx, [
      {
        kind: CONTACT_CHANGE_APPLY_JOB,
        payload: { changeId: created.id },
        dedupeKey: `${CONTACT_CHANGE_APPLY_JOB}:${created.id}`,
        runAt: appliesAt,
      },
      ...(notifiedEmail
        ? [
            {
              kind: CONTACT_CHANGE_NOTICE_JOB,
              payload: { changeId: created.id, notice: 'requested' },
              dedupeKey: `${CONTACT_CHANGE_NOTICE_JOB}:${created.id}:requested`,
            },
          ]
        : []),
    ]);
    await recordAudit(tx, {
      actorId: owned.owner.userId,
      action: 'listing.contact_change_requested',
      therapistId: owned.therapistId,
      detail: { changeId: created.id, fields, appliesAt: appliesAt.toISOString() },
    });
    return {
      changeId: created.id,
      appliesAt: appliesAt.toISOString(),
      fields,
      notified: notifiedEmail !== null,
    };
  });
}

/** The owner stops their waiting change (the button sends no fields). */
export async function cancelContactChange(
  viewer: Viewer | null,
  raw: unknown = {},
  now: Date = new Date(),
): Promise<{ changeId: number }> {
  await requireListingOwner(viewer);
  parseListingInput(z.strictObject({}), raw);
  return getDb().transaction(async (tx) => {
    const owned = await requireListingOwner(viewer, tx);
    const [cancelled] = await tx
      .update(contactChanges)
      .set({ cancelledAt: now, cancelledById: owned.owner.userId })
      .where(and(eq(contactChanges.therapistId, owned.therapistId), WAITING))
      .returning({ id: contactChanges.id });
    if (!cancelled) {
      throw new AppError('not_found', 'There is no waiting change to stop: it may have applied.');
    }
    await recordAudit(tx, {
      actorId: owned.owner.userId,
      action: 'listing.contact_change_cancelled',
      therapistId: owned.therapistId,
      detail: { changeId: cancelled.id, by: 'owner' },
    });
    return { changeId: cancelled.id };
  });
}

export interface ContactChangeLinkView {
  therapistName: string;
  therapistSlug: string;
  status: 'waiting' | 'applied' | 'cancelled';
  requestedAt: string;
  appliesAt: string;
  lines: ContactChangeLine[];
}

export type ContactChangeLinkResult =
  { ok: true; change: ContactChangeLinkView } | { ok: false; message: string };

async function changeForLink(executor: Executor, changeId: number) {
  const [row] = await executor
    .select({
      id: contactChanges.id,
      therapistId: contactChanges.therapistId,
      changes: contactChanges.changes,
      previous: contactChanges.previous,
      requestedAt: contactChanges.requestedAt,
      appliesAt: contactChanges.appliesAt,
      appliedAt: contactChanges.appliedAt,
      cancelledAt: contactChanges.cancelledAt,
      therapistName: therapists.name,
      therapistSlug: therapists.slug,
    })
    .from(contactChanges)
    .innerJoin(therapists, eq(therapists.id, contactChanges.therapistId))
    .where(eq(contactChanges.id, changeId))
    .limit(1);
  return row;
}

const GONE = 'This change no longer exists.';

/**
 * What the link in the old address's email shows: the change and whether it still waits.
 * Opening it changes nothing.
 */
export async function getContactChangeForLink(
  token: unknown,
  now: Date = new Date(),
): Promise<ContactChangeLinkResult> {
  const check = checkContactChangeToken(token, now);
  if (!check.ok) return { ok: false, message: check.message };
  const row = await changeForLink(getDb(), check.claims.changeId);
  if (!row) return { ok: false, message: GONE };
  return {
    ok: true,
    change: {
      therapistName: row.therapistName,
      therapistSlug: row.therapistSlug,
      status: row.appliedAt ? 'applied' : row.cancelledAt ? 'cancelled' : 'waiting',
      requestedAt: row.requestedAt.toISOString(),
      appliesAt: row.appliesAt.toISOString(),
      lines: toLines(row.changes, row.previous),
    },
  };
}

export const stopContactChangeInput = z.strictObject({
  token: z.string({ error: 'This link is not valid.' }).max(300, 'This link is not valid.'),
});

/**
 * Stops a waiting change with the signed link sent to the old address: no sign-in, the token
 * is the authority for that one change.
 */
export async function stopContactChangeByToken(
  raw: unknown,
  now: Date = new Date(),
): Promise<{ therapistName: string; therapistSlug: string }> {
  const { token } = parseListingInput(stopContactChangeInput, raw);
  const check = checkContactChangeToken(token, now);
  if (!check.ok) {
    throw new AppError('forbidden', check.message, {
      issues: [{ field: 'token', message: check.message }],
    });
  }
  return getDb().transaction(async (tx) => {
    const row = await changeForLink(tx, check.claims.changeId);
    if (!row) throw new AppError('not_found', GONE);
    const [cancelled] = await tx
      .update(contactChanges)
      .set({ cancelledAt: now, cancelledById: null })
      .where(and(eq(contactChanges.id, row.id), WAITING))
      .returning({ id: contactChanges.id });
    if (!cancelled) {
      throw new AppError(
        'not_found',
        row.appliedAt
          ? 'This change has already applied, so it can no longer be stopped.'
          : 'This change was already stopped: the contact details stay as they are.',
      );
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'listing.contact_change_cancelled',
      therapistId: row.therapistId,
      detail: { changeId: row.id, by: 'link' },
    });
    return { therapistName: row.therapistName, therapistSlug: row.therapistSlug };
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Jobs                                                                                         */
/* ------------------------------------------------------------------------------------------ */

const applyPayload = z.object({ changeId: z.number().int().positive() });
const noticePayload = z.object({
  changeId: z.number().int().positive(),
  notice: z.enum(['requested', 'applied']),
});

/** A change applied early by a worker whose clock runs slightly ahead still waits this long. */
const CLOCK_SKEW_MS = 60_000;

/**
 * CONTACT_CHANGE_APPLY_JOB: at `appliesAt`, writes the new details to the listing, unless the
 * change was stopped, or the account that asked for it no longer holds the listing (then it is
 * cancelled). The old address gets a short notice that it applied.
 */
export async function applyContactChangeJob(job: ClaimedJob): Promise<void> {
  const parsed = applyPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The contact change job payload is not valid.');
  const { changeId } = parsed.data;
  const outcome = await getDb().transaction(async (tx) => {
    const [change] = await tx
      .select()
      .from(contactChanges)
      .where(eq(contactChanges.id, changeId))
      .for('update');
    if (!change || change.appliedAt || change.cancelledAt) return 'closed';
    if (job.now.getTime() < change.appliesAt.getTime() - CLOCK_SKEW_MS) {
      throw new Error('The contact change is not due yet.');
    }
    const [listing] = await tx
      .select({ claimedByUserId: therapists.claimedByUserId })
      .from(therapists)
      .where(eq(therapists.id, change.therapistId))
      .for('update');
    if (!listing || !change.requestedById || listing.claimedByUserId !== change.requestedById) {
      await tx
        .update(contactChanges)
        .set({ cancelledAt: job.now })
        .where(eq(contactChanges.id, change.id));
      await recordAudit(tx, {
        actorId: null,
        action: 'listing.contact_change_cancelled',
        therapistId: change.therapistId,
        detail: { changeId: change.id, by: 'owner_changed' },
      });
      return 'cancelled';
    }
    const columns: ContactValues = {};
    for (const field of CONTACT_FIELDS) {
      if (Object.hasOwn(change.changes, field)) columns[field] = change.changes[field] ?? null;
    }
    await tx
      .update(therapists)
      .set({ ...columns, updatedAt: job.now })
      .where(eq(therapists.id, change.therapistId));
    await tx
      .update(contactChanges)
      .set({ appliedAt: job.now })
      .where(eq(contactChanges.id, change.id));
    await recordAudit(tx, {
      actorId: null,
      action: 'listing.contact_change_applied',
      therapistId: change.therapistId,
      subjectUserId: change.requestedById,
      detail: { changeId: change.id, fields: Object.keys(columns) },
    });
    if (change.notifiedEmail) {
      await enqueueJobs(tx, [
        {
          kind: CONTACT_CHANGE_NOTICE_JOB,
          payload: { changeId: change.id, notice: 'applied' },
          dedupeKey: `${CONTACT_CHANGE_NOTICE_JOB}:${change.id}:applied`,
        },
      ]);
    }
    return 'applied';
  });
  log.info('contact change job', { job: job.id, changeId, outcome });
}

/**
 * CONTACT_CHANGE_NOTICE_JOB: mails the listing's old address. "requested" goes only while the
 * change still waits (a replaced change's notice would point at nothing); "applied" once it did.
 */
export async function sendContactChangeNoticeJob(job: ClaimedJob): Promise<void> {
  const parsed = noticePayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The contact notice job payload is not valid.');
  const { changeId, notice } = parsed.data;
  const [row] = await getDb()
    .select({
      notifiedEmail: contactChanges.notifiedEmail,
      changes: contactChanges.changes,
      previous: contactChanges.previous,
      appliesAt: contactChanges.appliesAt,
      appliedAt: contactChanges.appliedAt,
      cancelledAt: contactChanges.cancelledAt,
      therapistName: therapists.name,
    })
    .from(contactChanges)
    .innerJoin(therapists, eq(therapists.id, contactChanges.therapistId))
    .where(eq(contactChanges.id, changeId))
    .limit(1);
  const due =
    row?.notifiedEmail &&
    (notice === 'requested' ? !row.appliedAt && !row.cancelledAt : row.appliedAt !== null);
  if (!row?.notifiedEmail || !due) {
    log.info('contact change notice not needed', { job: job.id, changeId, notice });
    return;
  }
  if (notice === 'requested') {
    const token = createContactChangeToken(changeId, row.appliesAt);
    await sendMail(
      contactChangeRequestedMail({
        to: row.notifiedEmail,
        therapistName: row.therapistName,
        changes: row.changes,
        previous: row.previous,
        appliesAt: row.appliesAt,
        stopUrl: `${siteOrigin()}/listing-change/${token}`,
      }),
    );
  } else {
    await sendMail(
      contactChangeAppliedMail({
        to: row.notifiedEmail,
        therapistName: row.therapistName,
        changes: row.changes,
        previous: row.previous,
      }),
    );
  }
  log.info('contact change notice sent', { job: job.id, changeId, notice });
}
