import 'server-only';
import type { Executor } from '@/db';
import { CLAIM_NOTICE_JOB, sendClaimNotice } from '@/lib/claims/mail';
import { sendFollowUpMail } from '@/lib/follow-ups/job';
import { FOLLOW_UP_JOB } from '@/lib/follow-ups/schedule';
import {
  forgetStaleInvitationAddresses,
  INVITATION_JOB,
  sendInvitationMail,
} from '@/lib/invitations/job';
import {
  applyContactChangeJob,
  CONTACT_CHANGE_APPLY_JOB,
  CONTACT_CHANGE_NOTICE_JOB,
  sendContactChangeNoticeJob,
} from '@/lib/listings/contact';
import { LOCATION_NOTICE_JOB, sendLocationNoticeJob } from '@/lib/listings/location-notice';
import type { JobHandler } from './types';

/** The handler of each kind of job that the app schedules. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [FOLLOW_UP_JOB]: sendFollowUpMail,
  [INVITATION_JOB]: sendInvitationMail,
  [CLAIM_NOTICE_JOB]: sendClaimNotice,
  [CONTACT_CHANGE_APPLY_JOB]: applyContactChangeJob,
  [CONTACT_CHANGE_NOTICE_JOB]: sendContactChangeNoticeJob,
  [LOCATION_NOTICE_JOB]: sendLocationNoticeJob,
};

/**
 * Housekeeping the workers run now and then (about hourly), each returning how many rows it
 * touched: what a lost job would otherwise leave behind.
 */
export const JOB_SWEEPS: Readonly<
  Record<string, (executor: Executor, now: Date) => Promise<number>>
> = {
  'forget stale invitation addresses': forgetStaleInvitationAddresses,
};
