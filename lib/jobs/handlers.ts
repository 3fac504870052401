import 'server-only';
import { sendFollowUpMail } from '@/lib/follow-ups/job';
import { FOLLOW_UP_JOB } from '@/lib/follow-ups/schedule';
import type { JobHandler } from './types';

/** The handler of each kind of job that the app schedules. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [FOLLOW_UP_JOB]: sendFollowUpMail,
};
