import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingAccess } from '@/components/listings/listing-access';
import { ProfileForm } from '@/components/listings/profile-form';
import { latestDate } from '@/lib/listings/input';
import { loadOwnerPage } from '@/lib/listings/owner-page';
import { getListingProfileForm } from '@/lib/listings/profile';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Profile' };

export default async function DashboardProfilePage() {
  const page = await loadOwnerPage('/dashboard/profile', getListingProfileForm);
  if (!page.ok) return <ListingAccess title="Your profile" page={page} />;
  const form = page.data;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Your profile</h1>
        <p className="mt-2 text-base text-stone-700">
          What people see on{' '}
          <Link href={`/therapists/${encodeURIComponent(form.listing.slug)}`} className={TEXT_LINK}>
            your public page
          </Link>
          . Contact details are on{' '}
          <Link href="/dashboard/contact" className={TEXT_LINK}>
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
