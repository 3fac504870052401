import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingAccess } from '@/components/listings/listing-access';
import { WaitingChange } from '@/components/listings/waiting-change';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { TherapistStatus } from '@/db/schema/enums';
import { getListingOverview } from '@/lib/listings/overview';
import { loadOwnerPage } from '@/lib/listings/owner-page';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Overview' };

const STATUS: Record<TherapistStatus, { label: string; tone: 'success' | 'warning' | 'neutral' }> =
  {
    published: { label: 'Published', tone: 'success' },
    pending: { label: 'Pending approval', tone: 'warning' },
    hidden: { label: 'Hidden by moderators', tone: 'neutral' },
  };

const SECTIONS = [
  {
    href: '/dashboard/profile',
    title: 'Profile',
    text: 'Headline, techniques, conditions, hours, prices and locations.',
  },
  {
    href: '/dashboard/contact',
    title: 'Contact details',
    text: 'Email, phone, website and booking link. Changes wait 72 hours.',
  },
  { href: '/dashboard/reviews', title: 'Reviews and replies', text: 'Reply once to each review.' },
  {
    href: '/dashboard/invitations',
    title: 'Invitations',
    text: 'Invite your clients to review your practice.',
  },
  {
    href: '/dashboard/insights',
    title: 'Insights',
    text: 'How often your listing appears and is opened.',
  },
] as const;

export default async function DashboardOverviewPage() {
  const page = await loadOwnerPage('/dashboard', getListingOverview);
  if (!page.ok) return <ListingAccess title="Your listing" page={page} />;
  const { listing, waiting } = page.data;
  const status = STATUS[listing.status];
  const publicPath = `/therapists/${encodeURIComponent(listing.slug)}`;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold tracking-tight text-stone-900">{listing.name}</h1>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        {listing.status === 'published' ? (
          <p className="text-sm text-stone-700">
            <Link href={publicPath} className={TEXT_LINK}>
              See your public profile
            </Link>
          </p>
        ) : (
          <p className="text-sm text-stone-700">
            Your profile is not public right now, so it does not appear in search.
          </p>
        )}
      </div>

      {waiting ? <WaitingChange change={waiting} /> : null}

      <nav aria-labelledby="dashboard-sections-heading">
        <h2
          id="dashboard-sections-heading"
          className="text-lg font-semibold tracking-tight text-stone-900"
        >
          Manage your listing
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Card className="h-full p-4">
                <Link href={section.href} className={TEXT_LINK}>
                  {section.title}
                </Link>
                <p className="mt-1 text-sm text-stone-600">{section.text}</p>
              </Card>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
