import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OwnerAccess } from '@/components/listings/owner-access';
import { ProfileForm } from '@/components/listings/profile-form';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { latestDate } from '@/lib/listings/input';
import { getPendingNewListing } from '@/lib/listings/new-listing';
import { getListingProfileForm } from '@/lib/listings/profile';

export const metadata: Metadata = { title: 'Profile' };

const LINK = 'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';

export default async function DashboardProfilePage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/dashboard/profile');
  let form;
  try {
    form = await getListingProfileForm(viewer);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const canHoldListing = viewer.role === 'member' || viewer.role === 'therapist';
    return (
      <OwnerAccess
        title="Your profile"
        code={error.code}
        message={error.message}
        canHoldListing={canHoldListing}
        pendingRequest={
          canHoldListing && error.code === 'forbidden' ? await getPendingNewListing(viewer) : null
        }
      />
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Your profile</h1>
        <p className="mt-2 text-base text-stone-700">
          What people see on{' '}
          <Link href={`/therapists/${encodeURIComponent(form.listing.slug)}`} className={LINK}>
            your public page
          </Link>
          . Contact details are on{' '}
          <Link href="/dashboard/contact" className={LINK}>
            their own page
          </Link>
          .
        </p>
      </div>
      <ProfileForm
        initial={form.values}
        locations={form.locations}
        options={form.options}
        today={latestDate()}
      />
    </div>
  );
}
