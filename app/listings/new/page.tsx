import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NewListingForm } from '@/components/listings/new-listing-form';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { formatDate } from '@/lib/format';
import { latestDate } from '@/lib/listings/input';
import { getNewListingState } from '@/lib/listings/new-listing';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Create a new listing', robots: { index: false } };

export default async function NewListingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/listings/new');
  const [state, params] = await Promise.all([getNewListingState(viewer), searchParams]);
  const submitted = params.submitted === '1';
  return (
    <Container className="max-w-3xl py-10">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Create a new listing</h1>
      {state.state === 'open' ? (
        <>
          <p className="mt-2 text-base text-stone-700">
            For practitioners who are not listed yet. Already listed?{' '}
            <Link href="/" className={TEXT_LINK}>
              Find yourself in search
            </Link>{' '}
            and claim your listing instead.
          </p>
          <div className="mt-8">
            <NewListingForm options={state.options} today={latestDate()} />
          </div>
        </>
      ) : state.state === 'pending' ? (
        <div className="mt-6 space-y-4">
          <FormMessage tone={submitted ? 'success' : 'info'}>
            {submitted
              ? 'Submitted: a moderator will review it.'
              : `You asked for a new listing for ${state.name} on ${formatDate(state.submittedAt) ?? 'an earlier day'}: a moderator will review it.`}
          </FormMessage>
          <p className="text-base text-stone-700">
            Follow your request on{' '}
            <Link href="/claims" className={TEXT_LINK}>
              your claims
            </Link>
            .
          </p>
        </div>
      ) : state.state === 'holds_listing' ? (
        <div className="mt-6 space-y-4">
          <FormMessage tone="info">
            Your account already holds the listing of {state.name}, and an account holds only one.
          </FormMessage>
          <p className="text-base text-stone-700">
            <Link href="/dashboard" className={TEXT_LINK}>
              Go to your listing
            </Link>
          </p>
        </div>
      ) : (
        <FormMessage tone="error" className="mt-6">
          {state.message}
        </FormMessage>
      )}
    </Container>
  );
}
