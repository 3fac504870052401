import 'server-only';
import type { TherapistStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getWaitingContactChange, type WaitingContactChange } from './contact';
import { requireListingOwner } from './owner';

export interface ListingOverview {
  listing: { name: string; slug: string; status: TherapistStatus };
  /** A contact change that waits to apply, if any. */
  waiting: WaitingContactChange | null;
}

/** The dashboard's overview of the listing the viewer holds. */
export async function getListingOverview(viewer: Viewer | null): Promise<ListingOverview> {
  const owned = await requireListingOwner(viewer);
  const waiting = await getWaitingContactChange(viewer);
  return { listing: { name: owned.name, slug: owned.slug, status: owned.status }, waiting };
}
