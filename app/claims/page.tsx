import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { CLAIM_KIND_LABELS } from '@/lib/claims/labels';
import { listOwnClaims } from '@/lib/claims/queries';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Your claims', robots: { index: false } };

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** The signed-in member's claims, newest first, with what the moderators said. */
export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/claims');
  const claims = await listOwnClaims(viewer);
  const { withdrawn } = await searchParams;
  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Your claims</h1>
      {typeof withdrawn === 'string' && /^\d{1,10}$/.test(withdrawn) ? (
        <FormMessage tone="success" className="mt-6">
          Your claim was withdrawn.
        </FormMessage>
      ) : null}
      {claims.length === 0 ? (
        <p className="mt-6 text-base text-stone-700">
          You have no claims. To claim your listing, open its page and choose “Claim this listing”.
        </p>
      ) : (
        <ol className="mt-6 space-y-4">
          {claims.map((claim) => (
            <li key={claim.id}>
              <Card as="article" aria-labelledby={`claim-${claim.id}`} className="p-5">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`claim-${claim.id}`} className="text-base font-semibold text-stone-900">
                    <Link href={`/claims/${claim.id}`} className={TEXT_LINK}>
                      {claim.listing.name}
                    </Link>
                  </h2>
                  <ClaimStatusBadge status={claim.status} />
                </div>
                <p className="mt-1 text-sm text-stone-700">
                  {CLAIM_KIND_LABELS[claim.kind]} · sent{' '}
                  <time dateTime={claim.createdAt.toISOString()}>
                    {DAY.format(claim.createdAt)}
                  </time>
                </p>
                {claim.moderatorMessage ? (
                  <p className="mt-2 text-sm whitespace-pre-line text-stone-800">
                    <span className="font-semibold">The moderators wrote:</span>{' '}
                    {claim.moderatorMessage}
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
