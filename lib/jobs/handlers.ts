import 'server-only';
import { sendFollowUpMail } from '@/lib/follow-ups/job';
import { FOLLOW_UP_JOB } from '@/lib/follow-ups/schedule';
import type { JobHandler } from './types';

/** The handler of each kind of job that the app schedules. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [FOLLOW_UP_JOB]: sendFollowUpMail,
  'review-invitation': async (job) => (await import('@/lib/invitations/job')).sendInvitationMail(job),
  'claim-notice': async (job) => (await import('@/lib/claims/mail')).sendClaimNotice(job),
  'listing-contact-change-apply': async (job) =>
    (await import('@/lib/listings/contact')).applyContactChangeJob(job),
  'listing-contact-change-notice': async (job) =>
    (await import('@/lib/listings/contact')).sendContactChangeNoticeJob(job),
};
