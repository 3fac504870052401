import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AddEvidenceForm } from '@/components/claims/add-evidence-form';
import { ClaimGranted } from '@/components/claims/claim-granted';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { WithdrawClaimForm } from '@/components/claims/code-form';
import { BackLink } from '@/components/ui/back-link';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { CLAIM_KIND_LABELS, LICENCE_MATCH_LABELS, isOpenClaimStatus } from '@/lib/claims/labels';
import { getOwnClaim } from '@/lib/claims/queries';
import { AppError } from '@/lib/errors';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Your claim', robots: { index: false } };

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

function notice(query: Record<string, string | string[] | undefined>): string | null {
  if (query.sent === 'dispute') {
    return 'Your dispute is with the moderators. The current holder was told that a dispute was opened, not by whom. We will email you when the moderators decide.';
  }
  if (query.sent === 'listing') {
    return 'Your claim is with the moderators. We will email you when they decide or if they need more.';
  }
  if (query.added === '1') return 'Thank you: your claim is back with the moderators.';
  if (query.dispute === '1') {
    return 'Your code was right, but another account claimed this listing just before. Your claim is now a dispute: tell the moderators why the listing is yours.';
  }
  return null;
}

/** One of the viewer's claims: where it stands, what the moderators said, what to do next. */
export default async function ClaimPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/claims/${id}`)}`);
  if (!/^\d{1,10}$/.test(id)) notFound();
  let claim;
  try {
    claim = await getOwnClaim(viewer, Number(id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const message = notice(await searchParams);
  const profile = `/therapists/${encodeURIComponent(claim.listing.slug)}`;
  return (
    <Container className="max-w-2xl py-8 sm:py-12">
      <BackLink href="/claims">Your claims</BackLink>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">
          {CLAIM_KIND_LABELS[claim.kind]}
        </h1>
        <ClaimStatusBadge status={claim.status} />
      </div>
      <p className="mt-1 text-base text-stone-700">
        {claim.listing.status === 'published' ? (
          <Link href={profile} className={TEXT_LINK}>
            {claim.listing.name}
          </Link>
        ) : (
          claim.listing.name
        )}{' '}
        · sent <time dateTime={claim.createdAt.toISOString()}>{DAY.format(claim.createdAt)}</time>
      </p>

      <div className="mt-8 space-y-8">
        {message ? <FormMessage tone="success">{message}</FormMessage> : null}

        {claim.status === 'approved' && claim.holdsListing ? (
          <ClaimGranted name={claim.listing.name} justNow={false} />
        ) : null}
        {claim.status === 'approved' && !claim.holdsListing ? (
          <FormMessage tone="info">
            This claim was approved, but the listing of {claim.listing.name} has since moved: your
            account no longer holds it.
            {claim.listing.status === 'published' ? (
              <>
                {' '}
                If it is yours,{' '}
                <Link href={`${profile}/claim`} className={TEXT_LINK}>
                  dispute the claim on it
                </Link>
                .
              </>
            ) : null}
          </FormMessage>
        ) : null}
        {claim.status === 'awaiting_code' ? (
          <FormMessage tone="info">
            This claim waits for the code we sent to {claim.sentTo}.{' '}
            <Link href={`${profile}/claim`} className={TEXT_LINK}>
              Enter the code
            </Link>
          </FormMessage>
        ) : null}
        {claim.moderatorMessage ? (
          <section aria-labelledby="moderators-heading">
            <h2 id="moderators-heading" className="text-lg font-semibold text-stone-900">
              {claim.status === 'refused'
                ? 'Why the moderators refused'
                : 'What the moderators wrote'}
            </h2>
            <blockquote className="mt-2 rounded-xl border-l-4 border-amber-300 bg-amber-50 px-4 py-3 text-base whitespace-pre-line text-stone-900">
              {claim.moderatorMessage}
            </blockquote>
          </section>
        ) : null}
        {claim.status === 'more_info' ? (
          <Card as="section" aria-labelledby="more-heading" className="space-y-4 p-5 sm:p-6">
            <h2 id="more-heading" className="text-lg font-semibold text-stone-900">
              Add what the moderators asked for
            </h2>
            <AddEvidenceForm claimId={claim.id} />
          </Card>
        ) : null}

        <section aria-labelledby="sent-heading" className="space-y-3">
          <h2 id="sent-heading" className="text-lg font-semibold text-stone-900">
            What you sent
          </h2>
          {claim.licence.number ? (
            <p className="text-sm text-stone-800">
              Licence: {claim.licence.state} {claim.licence.number}, {claim.licence.name}
              {claim.licenseMatched
                ? ` (${LICENCE_MATCH_LABELS[claim.licenseMatched].toLowerCase()})`
                : ''}
            </p>
          ) : null}
          {claim.evidence ? (
            <p className="text-base whitespace-pre-line text-stone-800">{claim.evidence}</p>
          ) : (
            <p className="text-sm text-stone-600">No evidence text.</p>
          )}
          {claim.evidenceLinks.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-sm break-all text-stone-800">
              {claim.evidenceLinks.map((link) => (
                <li key={link}>{link}</li>
              ))}
            </ul>
          ) : null}
        </section>

        {isOpenClaimStatus(claim.status) ? <WithdrawClaimForm claimId={claim.id} /> : null}
      </div>
    </Container>
  );
}
