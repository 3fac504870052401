import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { practiceLocations, therapists } from '@/db/schema';
import { enqueueJobs } from '@/lib/jobs/queue';
import { PermanentJobError, type ClaimedJob } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { sendMail } from '@/lib/mail';
import { locationsChangedMail } from './contact-mail';

/**
 * Adding or ending a practice location applies at once (a practitioner who moves must be found
 * where they are now), but the listing's email address is told, so a taken-over account cannot
 * quietly send clients to another address.
 */

/** Payload: { therapistId, added: location ids, ended: location ids }. */
export const LOCATION_NOTICE_JOB = 'listing-location-notice';

const MAX_IDS = 20;
const ids = z.array(z.number().int().positive()).max(MAX_IDS);
const payload = z.object({
  therapistId: z.number().int().positive(),
  added: ids,
  ended: ids,
});

/** A practice location as the owner's form and the notice name it. */
export const LOCATION_LINE_COLUMNS = {
  id: practiceLocations.id,
  name: practiceLocations.name,
  address: practiceLocations.address,
  city: practiceLocations.city,
  region: practiceLocations.region,
  postalCode: practiceLocations.postalCode,
  startsOn: practiceLocations.startsOn,
  endsOn: practiceLocations.endsOn,
};

/** Queues the notice in the save's transaction (nothing when nothing changed). */
export async function enqueueLocationNotice(
  tx: Executor,
  change: { therapistId: number; added: number[]; ended: number[] },
): Promise<void> {
  if (change.added.length === 0 && change.ended.length === 0) return;
  await enqueueJobs(tx, [
    {
      kind: LOCATION_NOTICE_JOB,
      payload: {
        therapistId: change.therapistId,
        added: change.added.slice(0, MAX_IDS),
        ended: change.ended.slice(0, MAX_IDS),
      },
    },
  ]);
}

/** LOCATION_NOTICE_JOB: mails the listing's current email address, if it has one. */
export async function sendLocationNoticeJob(job: ClaimedJob): Promise<void> {
  const parsed = payload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('The location notice job payload is not valid.');
  const { therapistId, added, ended } = parsed.data;
  const db = getDb();
  const [listing] = await db
    .select({ name: therapists.name, contactEmail: therapists.contactEmail })
    .from(therapists)
    .where(eq(therapists.id, therapistId));
  const wanted = [...added, ...ended];
  const rows =
    listing?.contactEmail && wanted.length > 0
      ? await db
          .select(LOCATION_LINE_COLUMNS)
          .from(practiceLocations)
          .where(
            and(
              eq(practiceLocations.therapistId, therapistId),
              inArray(practiceLocations.id, wanted),
            ),
          )
      : [];
  const pick = (list: number[]) =>
    list.flatMap((id) => rows.filter((row) => row.id === id).map(({ id: _, ...line }) => line));
  const lines = { added: pick(added), ended: pick(ended) };
  if (!listing?.contactEmail || lines.added.length + lines.ended.length === 0) {
    log.info('location notice not needed', { job: job.id, therapistId });
    return;
  }
  await sendMail(
    locationsChangedMail({
      to: listing.contactEmail,
      therapistName: listing.name,
      ...lines,
    }),
  );
  log.info('location notice sent', { job: job.id, therapistId });
}
