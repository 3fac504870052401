import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { therapists, type TherapistStatus } from '@/db/schema';
import { requireRole, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';

export interface OwnedListing {
  therapistId: number;
  slug: string;
  name: string;
  status: TherapistStatus;
  owner: Viewer;
}

/**
 * The listing the viewer holds, for every owner power (editing, replies, invitations,
 * insights): a therapist account, confirmed with a passkey, that holds a listing. Admins do not
 * act as owners.
 */
export async function requireListingOwner(
  viewer: Viewer | null,
  executor: Executor = getDb(),
): Promise<OwnedListing> {
  const owner = requireRole(viewer, 'therapist');
  const [row] = await executor
    .select({
      therapistId: therapists.id,
      slug: therapists.slug,
      name: therapists.name,
      status: therapists.status,
    })
    .from(therapists)
    .where(eq(therapists.claimedByUserId, owner.userId))
    .limit(1);
  if (!row) throw new AppError('forbidden', 'Your account does not hold a listing.');
  return { ...row, owner };
}
