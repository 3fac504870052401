import 'server-only';
import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { reviewInvitations, therapists, users } from '@/db/schema';
import { PermanentJobError, type ClaimedJob } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sendMail } from '@/lib/mail';
import { invitationMail } from './mail';
import { createInvitationToken, invitationLink } from './token';

/** The job kind that sends one invitation. */
export const INVITATION_JOB = 'review-invitation';

const payloadSchema = z.object({ invitationId: z.number().int().positive() });

/**
 * How long an address may wait for its email. The job sends it within minutes; an address still
 * held after this (the job failed for good, or was lost) is forgotten by
 * `forgetStaleInvitationAddresses`.
 */
export const INVITATION_ADDRESS_DAYS = 2;

/** Forgets the address of an invitation (sent or given up): it is kept only until then. */
async function forgetAddress(invitationId: number, sentAt: Date | null): Promise<void> {
  await getDb()
    .update(reviewInvitations)
    .set({ email: null, ...(sentAt ? { sentAt } : {}) })
    .where(and(eq(reviewInvitations.id, invitationId), isNull(reviewInvitations.sentAt)));
}

/**
 * The invitation job (INVITATION_JOB): sends the one neutral invitation to one client, then
 * records when and forgets the address. Nothing is sent when the invitation is gone or already
 * sent, when the listing is no longer published, when the account that sent it no longer holds
 * the listing (a client is invited by the practitioner who knows them, never by a later holder),
 * or to the address of a banned account; the address is forgotten in those cases too. A failure to send throws so the worker tries again;
 * after the last try the address is forgotten as well.
 */
export async function sendInvitationMail(job: ClaimedJob): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The invitation job payload is not valid.');
  const { invitationId } = parsed.data;
  const [row] = await getDb()
    .select({
      id: reviewInvitations.id,
      therapistId: reviewInvitations.therapistId,
      email: reviewInvitations.email,
      sentAt: reviewInvitations.sentAt,
      name: therapists.name,
      slug: therapists.slug,
      status: therapists.status,
      senderId: reviewInvitations.senderId,
      holderId: therapists.claimedByUserId,
    })
    .from(reviewInvitations)
    .innerJoin(therapists, eq(therapists.id, reviewInvitations.therapistId))
    .where(eq(reviewInvitations.id, invitationId))
    .limit(1);
  if (!row || row.sentAt || !row.email) {
    log.info('invitation not needed', { job: job.id, invitationId, reason: 'gone or sent' });
    return;
  }
  const [banned] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, row.email), isNotNull(users.bannedAt)))
    .limit(1);
  const reason =
    row.status !== 'published'
      ? 'listing not published'
      : row.senderId === null || row.holderId !== row.senderId
        ? 'sender no longer holds the listing'
        : banned
          ? 'banned account'
          : null;
  if (reason) {
    await forgetAddress(row.id, null);
    log.info('invitation not sent', { job: job.id, invitationId, reason });
    return;
  }

  const { token } = createInvitationToken(row.id, row.therapistId, job.now);
  try {
    await sendMail(
      invitationMail({
        to: row.email,
        therapistName: row.name,
        link: invitationLink(row.slug, token),
      }),
    );
  } catch (error) {
    if (job.attempts >= job.maxAttempts) await forgetAddress(row.id, null);
    throw error;
  }
  await forgetAddress(row.id, job.now);
  log.info('invitation sent', { job: job.id, invitationId });
}

/**
 * Forgets the addresses of invitations that were never sent and are older than
 * INVITATION_ADDRESS_DAYS (their job failed for good or never ran), so that no address is kept
 * longer than it takes to send it. Their hashes stay: the address is still invited only once.
 * Returns how many were forgotten. `now` is the caller's clock.
 */
export async function forgetStaleInvitationAddresses(
  executor: Executor,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - INVITATION_ADDRESS_DAYS * 86_400_000);
  const forgotten = await executor
    .update(reviewInvitations)
    .set({ email: null })
    .where(
      and(
        isNull(reviewInvitations.sentAt),
        isNotNull(reviewInvitations.email),
        lt(reviewInvitations.createdAt, before),
      ),
    )
    .returning({ id: reviewInvitations.id });
  if (forgotten.length > 0) {
    log.info('stale invitation addresses forgotten', { count: forgotten.length });
  }
  return forgotten.length;
}
