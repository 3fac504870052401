import 'server-only';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { contactChanges, jobs, therapists, users } from '@/db/schema';
import { cleanText } from '@/lib/input';
import type { Viewer } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit';
import { AppError, validationError } from '@/lib/errors';
import { siteOrigin } from '@/lib/signed-links';
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
import { blankToNull, contactEmailField, parseListingInput } from './input';
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

/** Who a "requested" notice goes to: the listing's address, or the account that asked. */
type NoticeRecipient = 'listing' | 'account';

/** The dedupe key of a change's "requested" notice: the apply job looks it up by this key. */
export function requestedNoticeKey(changeId: number, to: NoticeRecipient): string {
  const base = `${CONTACT_CHANGE_NOTICE_JOB}:${changeId}:requested`;
  return to === 'listing' ? base : `${base}:account`;
}

function requestedNotice(changeId: number, to: NoticeRecipient) {
  return {
    kind: CONTACT_CHANGE_NOTICE_JOB,
    payload: { changeId, notice: 'requested', to },
    dedupeKey: requestedNoticeKey(changeId, to),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Input                                                                                        */
/* ------------------------------------------------------------------------------------------ */

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

    // The account is told as well as the listing's address: a listing without one still tells
    // someone, and the practitioner hears of a change made from a session they do not control.
    const tellAccount =
      !notifiedEmail || notifiedEmail.toLowerCase() !== owned.owner.email.toLowerCase();
    await enqueueJobs(tx, [
      ...(notifiedEmail ? [requestedNotice(created.id, 'listing')] : []),
      ...(tellAccount ? [requestedNotice(created.id, 'account')] : []),
      {
        kind: CONTACT_CHANGE_APPLY_JOB,
        payload: { changeId: created.id },
        dedupeKey: `${CONTACT_CHANGE_APPLY_JOB}:${created.id}`,
        runAt: appliesAt,
      },
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
  // Notices queued before the account was told too went to the listing.
  to: z.enum(['listing', 'account']).default('listing'),
});

/** A change applied early by a worker whose clock runs slightly ahead still waits this long. */
const CLOCK_SKEW_MS = 60_000;
/**
 * A "requested" notice that goes out later than this after the request (its mail failed and
 * was retried, or set aside and retried by hand) restarts the wait from when it went out: the
 * old address always gets the full wait, and a link that still works.
 */
const LATE_NOTICE_MS = HOUR_MS;

const RECIPIENT_LABEL: Record<NoticeRecipient, string> = {
  listing: 'the listing’s email address',
  account: 'the account that asked for it',
};

/**
 * Why a change cannot apply yet because someone who must be told was not (null when everyone
 * was). A notice that failed for good stays failed in the jobs table (and in the health check)
 * until it is retried; the change waits for it. A notice that is missing is queued again.
 */
async function untoldRecipient(
  tx: Executor,
  change: { id: number; notifiedEmail: string | null },
): Promise<string | null> {
  const keys = {
    listing: requestedNoticeKey(change.id, 'listing'),
    account: requestedNoticeKey(change.id, 'account'),
  };
  const rows = await tx
    .select({ dedupeKey: jobs.dedupeKey, doneAt: jobs.doneAt, failedAt: jobs.failedAt })
    .from(jobs)
    .where(inArray(jobs.dedupeKey, [keys.listing, keys.account]));
  if (change.notifiedEmail && !rows.some((row) => row.dedupeKey === keys.listing)) {
    await enqueueJobs(tx, [requestedNotice(change.id, 'listing')]);
    return 'The notice to the listing’s email address was missing; it is queued again.';
  }
  for (const to of ['listing', 'account'] as const) {
    const row = rows.find((r) => r.dedupeKey === keys[to]);
    if (!row || row.doneAt) continue;
    return row.failedAt
      ? `The notice to ${RECIPIENT_LABEL[to]} failed for good; the change waits until it is retried and sent.`
      : `The notice to ${RECIPIENT_LABEL[to]} has not been sent yet.`;
  }
  return null;
}

type ApplyOutcome = 'closed' | 'cancelled' | 'applied' | { waitingFor: string };

/**
 * CONTACT_CHANGE_APPLY_JOB: at `appliesAt`, writes the new details to the listing, unless the
 * change was stopped, or the account that asked for it no longer holds the listing (then it is
 * cancelled). It applies only once the listing's address (and the account) were told: until
 * then it is tried again later. The old address gets a short notice that it applied.
 */
export async function applyContactChangeJob(job: ClaimedJob): Promise<void> {
  const parsed = applyPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The contact change job payload is not valid.');
  const { changeId } = parsed.data;
  const outcome = await getDb().transaction(async (tx): Promise<ApplyOutcome> => {
    // Rows are locked in the order requestContactChange locks them (the listing, then its
    // changes), so the two never wait on each other in a cycle.
    const [known] = await tx
      .select({ therapistId: contactChanges.therapistId })
      .from(contactChanges)
      .where(eq(contactChanges.id, changeId));
    if (!known) return 'closed';
    const [listing] = await tx
      .select({ claimedByUserId: therapists.claimedByUserId })
      .from(therapists)
      .where(eq(therapists.id, known.therapistId))
      .for('update');
    const [change] = await tx
      .select()
      .from(contactChanges)
      .where(eq(contactChanges.id, changeId))
      .for('update');
    if (!change || change.therapistId !== known.therapistId) return 'closed';
    if (change.appliedAt || change.cancelledAt) return 'closed';
    if (job.now.getTime() < change.appliesAt.getTime() - CLOCK_SKEW_MS) {
      throw new Error('The contact change is not due yet.');
    }
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
    const untold = await untoldRecipient(tx, change);
    if (untold) return { waitingFor: untold };

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
  if (typeof outcome === 'object') {
    log.warn('contact change waits for its notice', { job: job.id, changeId });
    // Thrown after the transaction, so a notice queued again above is kept.
    throw new Error(outcome.waitingFor);
  }
  log.info('contact change job', { job: job.id, changeId, outcome });
}

/** When a change applies if its "requested" notice goes out at `now` (see LATE_NOTICE_MS). */
function appliesAfterNotice(appliesAt: Date, now: Date): Date {
  const fullWait = new Date(now.getTime() + CONTACT_CHANGE_DELAY_HOURS * HOUR_MS);
  return fullWait.getTime() - appliesAt.getTime() > LATE_NOTICE_MS ? fullWait : appliesAt;
}

/**
 * After a late "requested" notice went out: the change applies (and the notice's link expires)
 * at `appliesAt`, and the apply job, which may have given up meanwhile, is scheduled for then.
 * Until this notice job is marked done the apply job keeps waiting, so a failure here (retried
 * with the notice) cannot let the change apply early.
 */
async function restartWait(changeId: number, therapistId: number, appliesAt: Date): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: therapists.id })
      .from(therapists)
      .where(eq(therapists.id, therapistId))
      .for('update');
    if (!listing) return;
    const [moved] = await tx
      .update(contactChanges)
      .set({ appliesAt })
      .where(and(eq(contactChanges.id, changeId), WAITING, lt(contactChanges.appliesAt, appliesAt)))
      .returning({ id: contactChanges.id });
    if (!moved) return;
    await tx
      .update(jobs)
      .set({ runAt: appliesAt, attempts: 0, failedAt: null, lockedUntil: null })
      .where(
        and(eq(jobs.dedupeKey, `${CONTACT_CHANGE_APPLY_JOB}:${changeId}`), isNull(jobs.doneAt)),
      );
    await recordAudit(tx, {
      actorId: null,
      action: 'listing.contact_change_delayed',
      therapistId,
      detail: { changeId, appliesAt: appliesAt.toISOString(), by: 'late_notice' },
    });
  });
}

/**
 * CONTACT_CHANGE_NOTICE_JOB: mails the listing's old address, or the account that asked.
 * "requested" goes only while the change still waits (a replaced change's notice would point at
 * nothing); "applied" once it did, to the old address.
 */
export async function sendContactChangeNoticeJob(job: ClaimedJob): Promise<void> {
  const parsed = noticePayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The contact notice job payload is not valid.');
  const { changeId, notice, to } = parsed.data;
  const [row] = await getDb()
    .select({
      therapistId: contactChanges.therapistId,
      notifiedEmail: contactChanges.notifiedEmail,
      accountEmail: users.email,
      changes: contactChanges.changes,
      previous: contactChanges.previous,
      appliesAt: contactChanges.appliesAt,
      appliedAt: contactChanges.appliedAt,
      cancelledAt: contactChanges.cancelledAt,
      therapistName: therapists.name,
    })
    .from(contactChanges)
    .innerJoin(therapists, eq(therapists.id, contactChanges.therapistId))
    .leftJoin(users, eq(users.id, contactChanges.requestedById))
    .where(eq(contactChanges.id, changeId))
    .limit(1);
  const address =
    notice === 'requested' && to === 'account' ? row?.accountEmail : row?.notifiedEmail;
  const due =
    row && (notice === 'requested' ? !row.appliedAt && !row.cancelledAt : row.appliedAt !== null);
  if (!row || !address || !due) {
    log.info('contact change notice not needed', { job: job.id, changeId, notice, to });
    return;
  }
  if (notice === 'requested') {
    const appliesAt = appliesAfterNotice(row.appliesAt, job.now);
    const token = createContactChangeToken(changeId, appliesAt);
    await sendMail(
      contactChangeRequestedMail({
        to: address,
        recipient: to,
        therapistName: row.therapistName,
        changes: row.changes,
        previous: row.previous,
        appliesAt,
        stopUrl: `${siteOrigin()}/listing-change/${token}`,
      }),
    );
    if (appliesAt !== row.appliesAt) await restartWait(changeId, row.therapistId, appliesAt);
  } else {
    await sendMail(
      contactChangeAppliedMail({
        to: address,
        therapistName: row.therapistName,
        changes: row.changes,
        previous: row.previous,
      }),
    );
  }
  log.info('contact change notice sent', { job: job.id, changeId, notice, to });
}
