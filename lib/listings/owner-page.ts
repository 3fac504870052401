import 'server-only';
import { loadViewerPage, type ViewerPage } from '@/lib/auth/page-access';
import type { Viewer } from '@/lib/auth/viewer';
import type { AppError } from '@/lib/errors';
import { getPendingNewListing } from './new-listing';

/** Why a page of the viewer's listing is refused, with what points the way to a listing. */
export interface ListingRefusal {
  refusal: AppError;
  /** A member or therapist account (staff cannot hold listings). */
  canHoldListing: boolean;
  /** The account's open request for a new listing, when it holds none. */
  pendingRequest: { name: string; submittedAt: string } | null;
}

export type OwnerPage<T> = Extract<ViewerPage<T>, { ok: true }> | ({ ok: false } & ListingRefusal);

/** A dashboard page of the viewer's listing (see loadViewerPage). */
export async function loadOwnerPage<T>(
  path: string,
  load: (viewer: Viewer) => Promise<T>,
): Promise<OwnerPage<T>> {
  const page = await loadViewerPage(path, load);
  if (page.ok) return page;
  const { viewer, refusal } = page;
  const canHoldListing = viewer.role === 'member' || viewer.role === 'therapist';
  return {
    ok: false,
    refusal,
    canHoldListing,
    pendingRequest:
      canHoldListing && refusal.code === 'forbidden' ? await getPendingNewListing(viewer) : null,
  };
}
