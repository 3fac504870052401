import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { FOLLOW_UP_WEEKS } from '@/db/aggregates';
import { PermanentJobError, type ClaimedJob } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sendMail } from '@/lib/mail';
import { PAIN_VALUES } from './format';
import { followUpMail } from './mail';
import { closedReason, loadFollowUpSubject } from './subject';
import { createFollowUpToken, followUpLink } from './token';

const payloadSchema = z.object({
  reviewId: z.number().int().positive(),
  weeks: z.literal(FOLLOW_UP_WEEKS),
});

/**
 * The follow-up job (FOLLOW_UP_JOB): sends the "Still better?" email of one review, unless there
 * is nobody left to ask: the review is gone or removed, its author deleted their account
 * (anonymised review) or is banned, or the question was already answered. Those end quietly.
 * A failure to send throws, so the worker tries again later.
 */
export async function sendFollowUpMail(job: ClaimedJob): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The follow-up job payload is not valid.');
  const { reviewId, weeks } = parsed.data;
  const subject = await loadFollowUpSubject(getDb(), reviewId, weeks);
  const closed = closedReason(subject);
  const reason = closed ?? (subject?.answer ? 'already answered' : null);
  if (!subject || reason || !subject.authorEmail) {
    log.info('follow-up email not needed', { job: job.id, reviewId, weeks, reason });
    return;
  }
  const { token } = createFollowUpToken(reviewId, weeks, job.now);
  await sendMail(
    followUpMail({
      to: subject.authorEmail,
      displayName: subject.authorName,
      therapistName: subject.therapistName,
      weeks,
      links: PAIN_VALUES.map((pain) => followUpLink(token, pain)),
    }),
  );
  log.info('follow-up email sent', { job: job.id, reviewId, weeks });
}
