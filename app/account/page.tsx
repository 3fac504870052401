import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { DisplayNameForm } from '@/components/account/display-name-form';
import { SessionsList, type AccountSessionView } from '@/components/account/sessions-list';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { Section } from '@/components/ui/section';
import { getAccountOverview } from '@/lib/account/queries';
import { suggestDisplayName } from '@/lib/auth/display-name';
import { listSessions } from '@/lib/auth/sessions';
import { getViewer } from '@/lib/auth/viewer';
import { formatDate, pluralize } from '@/lib/format';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

const ROLE_LABELS = {
  member: 'Member',
  therapist: 'Therapist',
  moderator: 'Moderator',
  admin: 'Administrator',
} as const;

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/account');
  const [overview, sessionRows] = await Promise.all([
    getAccountOverview(viewer),
    listSessions(viewer),
  ]);
  const suggestions = Array.from({ length: 8 }, () => suggestDisplayName());
  const sessions: AccountSessionView[] = sessionRows.map((s) => ({
    id: s.id,
    method: s.method,
    device: s.device,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: s.current,
  }));
  const { reviews } = overview;
  const waiting = reviews.pending + reviews.notRecommended;

  return (
    <Container className="max-w-3xl py-10 sm:py-14">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Your account</h1>
      <p className="mt-2 text-base text-stone-700">
        Member since {formatDate(overview.memberSince)}
        {overview.role === 'member' ? '' : ` · ${ROLE_LABELS[overview.role]}`}
      </p>

      <div className="mt-8 space-y-6">
        <Card as="section" aria-labelledby="public-name-heading" className="p-6">
          <h2
            id="public-name-heading"
            className="text-xl font-semibold tracking-tight text-stone-900"
          >
            Public name
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            Reviews on Unknot are signed with a made-up name, so what you write about your body
            cannot be traced back to you.
          </p>
          <div className="mt-4">
            <DisplayNameForm initial={overview.displayName} suggestions={suggestions} />
          </div>
        </Card>

        <Card className="p-6">
          <Section id="email" title="Email address">
            <p className="text-base break-all text-stone-900">{overview.email}</p>
            <p className="mt-1 text-sm text-stone-600">
              Only you see it. We use it to send your sign-in links and nothing else.
            </p>
          </Section>
        </Card>

        <Card className="p-6">
          <Section id="your-reviews" title="Your reviews">
            <p className="text-base text-stone-700">
              {reviews.total === 0
                ? 'You have not written a review yet.'
                : `${pluralize(reviews.total, 'review')} in all: ${reviews.published} published${
                    waiting > 0 ? `, ${waiting} waiting for a moderator or not recommended` : ''
                  }${reviews.removed > 0 ? `, ${reviews.removed} removed` : ''}.`}
            </p>
          </Section>
        </Card>

        <Card className="p-6">
          <Section
            id="sessions"
            title="Where you are signed in"
            description="Each device or browser you signed in on. End any you do not recognise."
          >
            <SessionsList sessions={sessions} />
          </Section>
          <p className="mt-5 border-t border-stone-200 pt-4 text-sm text-stone-700">
            <Link href="/account/security" className={TEXT_LINK}>
              Sign-in and security: passkeys
            </Link>
            {overview.hasPasskey ? '' : ' · Add a passkey to sign in without waiting for email.'}
          </p>
        </Card>

        <Card className="p-6">
          <Section
            id="your-data"
            title="Your data"
            description="One file with everything we hold about you: your account, sessions, passkeys, reviews and their history."
          >
            <a href="/account/export" download className={buttonClasses('secondary')}>
              Download your data (JSON)
            </a>
          </Section>
        </Card>

        <Card className="border-red-200 p-6">
          <Section id="delete-account" title="Delete your account">
            <DeleteAccountForm
              email={overview.email}
              reviewCount={reviews.total}
              claimedListings={overview.claimedListings}
            />
          </Section>
        </Card>
      </div>
    </Container>
  );
}
