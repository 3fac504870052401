import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { users } from '@/db/schema';
import { siteOrigin } from '@/lib/signed-links';
import { enqueueJobs } from '@/lib/jobs/queue';
import { PermanentJobError, type ClaimedJob } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sendMail, type Mail } from '@/lib/mail';
import { plainMail } from '@/lib/mail/templates';
import { CLAIM_CODE_MINUTES } from './code';

/** The job that sends the notices of the claim flow (never a code: codes go out at once). */
export const CLAIM_NOTICE_JOB = 'claim-notice';

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** The mail with a claim code, to the address on the listing (sent at once, never queued). */
export function claimCodeMail(input: { to: string; code: string; therapistName: string }): Mail {
  return plainMail({
    to: input.to,
    subject: 'Your Unknot code to claim a listing',
    paragraphs: [
      `Someone with an Unknot account is claiming the listing of ${input.therapistName}, and asked us to send a code to the email address on that listing: this one.`,
      `The code is ${input.code}. It works once and expires in ${CLAIM_CODE_MINUTES} minutes.`,
      'If you are claiming your listing, type the code on the page that asked for it. If you are not, do not share the code with anyone: without it, nobody can claim the listing with this address.',
    ],
  });
}

const notice = z.discriminatedUnion('notice', [
  z.object({
    notice: z.literal('listing_claimed'),
    /** The listing's contact address when it was claimed. */
    to: z.string().min(3),
    therapistName: z.string(),
    slug: z.string(),
    claimedAt: z.string(),
    via: z.enum(['code', 'moderator', 'new_listing']),
  }),
  z.object({
    notice: z.literal('dispute_opened'),
    ownerId: z.string(),
    therapistName: z.string(),
  }),
  z.object({
    notice: z.literal('claim_decided'),
    userId: z.string(),
    claimId: z.number().int().positive(),
    therapistName: z.string(),
    decision: z.enum(['approve', 'refuse', 'more_info']),
    message: z.string(),
  }),
  z.object({
    notice: z.literal('listing_transferred'),
    userId: z.string(),
    therapistName: z.string(),
  }),
]);
export type ClaimNotice = z.input<typeof notice>;

/** Queues notices in the caller's transaction, so they go out exactly when the change commits. */
export async function enqueueClaimNotices(
  executor: Executor,
  notices: readonly ClaimNotice[],
): Promise<void> {
  await enqueueJobs(
    executor,
    notices.map((payload) => ({ kind: CLAIM_NOTICE_JOB, payload: { ...payload } })),
  );
}

async function accountAddress(userId: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ email: users.email, bannedAt: users.bannedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row && !row.bannedAt ? row.email : null;
}

function noticeMail(payload: z.output<typeof notice>, to: string): Mail {
  const origin = siteOrigin();
  switch (payload.notice) {
    case 'listing_claimed':
      if (payload.via === 'new_listing') {
        return plainMail({
          to,
          subject: 'A listing on Unknot gives this address',
          paragraphs: [
            `A new Unknot listing (${payload.therapistName}) was published on ${DATE.format(new Date(payload.claimedAt))} with this email address as its contact address, after a moderator checked the request.`,
            'If this is your listing, there is nothing to do. If it is not, reply to this email so that a moderator can look into it.',
          ],
          action: { label: 'See the listing', url: `${origin}/therapists/${payload.slug}` },
        });
      }
      return plainMail({
        to,
        subject: `Your Unknot listing was claimed`,
        paragraphs: [
          `Your Unknot listing (${payload.therapistName}) was claimed on ${DATE.format(new Date(payload.claimedAt))} by ${
            payload.via === 'code'
              ? 'an account that proved the licence on the listing and this email address'
              : 'an account whose evidence a moderator accepted'
          }.`,
          'If this was you, there is nothing to do. If it was not, reply to this email at once so that a moderator can look into it: changes to the listing’s contact details wait 72 hours and are announced to this address first.',
        ],
        action: { label: 'See the listing', url: `${origin}/therapists/${payload.slug}` },
      });
    case 'dispute_opened':
      return plainMail({
        to,
        subject: 'Someone disputes your Unknot listing',
        paragraphs: [
          `Another account says that the listing of ${payload.therapistName}, which your account holds, is theirs, and sent evidence to our moderators.`,
          'The listing stays yours while the moderators look into it; nothing changes because of a delay or of silence. If they need anything from you, they will write.',
          'If you think this dispute is a mistake or an attempt to take your listing, reply to this email.',
        ],
        action: { label: 'Open your dashboard', url: `${origin}/dashboard` },
      });
    case 'claim_decided': {
      const link = { label: 'See your claim', url: `${origin}/claims/${payload.claimId}` };
      if (payload.decision === 'approve') {
        return plainMail({
          to,
          subject: `Your claim of ${payload.therapistName} was approved`,
          paragraphs: [
            `A moderator approved your claim: the listing of ${payload.therapistName} is now yours, and your account is a therapist account.`,
            ...(payload.message ? [`The moderator wrote: ${payload.message}`] : []),
            'To manage the listing, add a passkey to your account (or confirm the one you have) under Sign-in and security, then open your dashboard.',
          ],
          action: { label: 'Sign-in and security', url: `${origin}/account/security` },
        });
      }
      if (payload.decision === 'refuse') {
        return plainMail({
          to,
          subject: `Your claim of ${payload.therapistName} was refused`,
          paragraphs: [
            `A moderator refused your claim of the listing of ${payload.therapistName}.`,
            `Their reason: ${payload.message}`,
          ],
          action: link,
        });
      }
      return plainMail({
        to,
        subject: `The moderators need more about your claim of ${payload.therapistName}`,
        paragraphs: [
          `A moderator looked at your claim of the listing of ${payload.therapistName} and needs more before deciding.`,
          `They wrote: ${payload.message}`,
          'Add what they ask for on the page of your claim.',
        ],
        action: link,
      });
    }
    case 'listing_transferred':
      return plainMail({
        to,
        subject: `Your Unknot listing moved to another account`,
        paragraphs: [
          `After looking at the evidence of a dispute, a moderator gave the listing of ${payload.therapistName} to the account that disputed it. Your account no longer holds it.`,
          'If you think this is wrong, reply to this email.',
        ],
      });
  }
}

/**
 * The claim notice job (CLAIM_NOTICE_JOB). Accounts are looked up when the mail goes out: one
 * deleted or banned since gets nothing. A failure to send throws, so the worker tries again.
 */
export async function sendClaimNotice(job: ClaimedJob): Promise<void> {
  const parsed = notice.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The claim notice payload is not valid.');
  const payload = parsed.data;
  const to =
    payload.notice === 'listing_claimed'
      ? payload.to
      : await accountAddress(
          payload.notice === 'dispute_opened' ? payload.ownerId : payload.userId,
        );
  if (!to) {
    log.info('claim notice not needed: no account to tell', {
      job: job.id,
      notice: payload.notice,
    });
    return;
  }
  await sendMail(noticeMail(payload, to));
  log.info('claim notice sent', { job: job.id, notice: payload.notice });
}
