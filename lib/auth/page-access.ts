import 'server-only';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getViewer, type Viewer } from './viewer';

export type ViewerPage<T> =
  { ok: true; viewer: Viewer; data: T } | { ok: false; viewer: Viewer; refusal: AppError };

/**
 * What a page for signed-in accounts shows: the data `load` gives the viewer, or the data
 * layer's refusal (an AppError) for the page to explain. Anyone signed out goes to sign-in and
 * comes back to `path`. Any other error is thrown on.
 */
export async function loadViewerPage<T>(
  path: string,
  load: (viewer: Viewer) => Promise<T>,
): Promise<ViewerPage<T>> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return { ok: true, viewer, data: await load(viewer) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, viewer, refusal: error };
  }
}
