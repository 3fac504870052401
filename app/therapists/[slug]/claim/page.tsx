import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ClaimGranted } from '@/components/claims/claim-granted';
import { CodeForm, ResendCodeForm, WithdrawClaimForm } from '@/components/claims/code-form';
import { EvidenceForm } from '@/components/claims/evidence-form';
import { LicenceForm } from '@/components/claims/licence-form';
import { BackLink } from '@/components/ui/back-link';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { CLAIM_CODE_MINUTES, MAX_CODE_ATTEMPTS } from '@/lib/claims/code';
import { getClaimPage, type ClaimPageData } from '@/lib/claims/queries';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Claim a listing', robots: { index: false } };

interface ClaimPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function HowItWorks() {
  return (
    <p className="text-sm text-stone-700">
      A claim needs two proofs: your licence, matching the one on the listing, and a code that we
      send to the email address already on the listing (never to an address you type). Without both,
      a moderator decides from the evidence you send.
    </p>
  );
}

function CodeStep({ data, sent }: { data: ClaimPageData; sent: boolean }) {
  const claim = data.openClaim!;
  const here = `/therapists/${encodeURIComponent(data.listing.slug)}/claim`;
  return (
    <div className="space-y-6">
      <FormMessage tone={sent ? 'success' : 'info'}>
        {sent ? 'Your licence matches. ' : ''}We sent a 6-digit code to {claim.sentTo}, the address
        on the listing. It works for {CLAIM_CODE_MINUTES} minutes;{' '}
        {claim.attemptsLeft === 1 ? '1 try' : `${claim.attemptsLeft} tries`} left.
      </FormMessage>
      <Card className="p-5 sm:p-6">
        <CodeForm claimId={claim.id} />
      </Card>
      <div className="space-y-3">
        <h2 className="text-base font-semibold text-stone-900">No code?</h2>
        <p className="text-sm text-stone-700">
          Check the spam folder of that address, or ask for a new code (the earlier one then stops
          working).
        </p>
        <ResendCodeForm claimId={claim.id} />
        <p className="text-sm text-stone-700">
          No access to that address any more?{' '}
          <Link href={`${here}?step=evidence`} className={TEXT_LINK}>
            Send evidence to the moderators instead
          </Link>
          .
        </p>
        <WithdrawClaimForm claimId={claim.id} />
      </div>
    </div>
  );
}

/** Claiming a listing, or disputing the claim on it: one page for each step. */
export default async function ClaimPage({ params, searchParams }: ClaimPageProps) {
  const { slug } = await params;
  const here = `/therapists/${encodeURIComponent(slug)}/claim`;
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  const data = await getClaimPage(viewer, slug);
  if (!data) notFound();
  const query = await searchParams;
  const step = query.step === 'evidence' ? 'evidence' : null;
  const { listing, openClaim } = data;
  const profile = `/therapists/${encodeURIComponent(listing.slug)}`;
  const fullName = listing.credentials ? `${listing.name}, ${listing.credentials}` : listing.name;
  const disputing = listing.claimed && !listing.yours;
  const cancelled = data.cancelledByCodes ? (
    <FormMessage tone="error">
      That was the last try: your claim was cancelled after {MAX_CODE_ATTEMPTS} wrong codes. To
      claim this listing, start again with your licence, and we will send a new code.
    </FormMessage>
  ) : null;

  let body;
  if (listing.yours) {
    body = <ClaimGranted name={listing.name} justNow={query.claimed === '1'} />;
  } else if (data.blocked) {
    body = <FormMessage tone="error">{data.blocked}</FormMessage>;
  } else if (openClaim?.status === 'awaiting_code' && step !== 'evidence') {
    body = <CodeStep data={data} sent={query.sent === '1'} />;
  } else if (openClaim && openClaim.status !== 'awaiting_code') {
    body = (
      <div className="space-y-4">
        <FormMessage tone="info">
          {openClaim.status === 'more_info'
            ? 'The moderators asked you for more about your claim of this listing.'
            : 'Your claim of this listing is with the moderators. We will email you when they decide.'}
        </FormMessage>
        <Link href={`/claims/${openClaim.id}`} className={TEXT_LINK}>
          See your claim
        </Link>
      </div>
    );
  } else if (disputing) {
    body = (
      <div className="space-y-6">
        <p className="text-base text-stone-800">
          This listing is already claimed by an account. If it is yours, open a dispute: the
          moderators look at your evidence, and the listing moves only if they decide so (never
          because nobody answered). The current holder is told that a dispute was opened, but not by
          whom.
        </p>
        <Card className="p-5 sm:p-6">
          <EvidenceForm slug={listing.slug} mode="dispute" />
        </Card>
      </div>
    );
  } else if (step === 'evidence' || !listing.hasLicence || !listing.hasContactEmail) {
    body = (
      <div className="space-y-6">
        {cancelled}
        <FormMessage tone="info">
          {!listing.hasLicence
            ? 'This listing has no licence on record to compare yours with, so a moderator decides from your evidence.'
            : !listing.hasContactEmail
              ? 'This listing has no email address to send a code to, so a moderator decides from your evidence.'
              : openClaim
                ? 'Your claim goes to the moderators with this evidence; the code sent earlier stops working.'
                : 'A moderator decides from your evidence. If the licence on the listing is wrong, say so and link to the right one.'}
        </FormMessage>
        <Card className="p-5 sm:p-6">
          <EvidenceForm slug={listing.slug} mode="listing" />
        </Card>
      </div>
    );
  } else {
    body = (
      <div className="space-y-6">
        {cancelled}
        <HowItWorks />
        <Card className="p-5 sm:p-6">
          <LicenceForm slug={listing.slug} />
        </Card>
        <p className="text-sm text-stone-700">
          No access to the listing’s email address, or is the licence on the listing wrong?{' '}
          <Link href={`${here}?step=evidence`} className={TEXT_LINK}>
            Send evidence to the moderators instead
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <Container className="max-w-2xl py-8 sm:py-12">
      <BackLink href={profile}>Back to {listing.name}</BackLink>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900">
        {listing.yours
          ? 'Your listing'
          : disputing
            ? 'Dispute the claim on this listing'
            : 'Claim this listing'}
      </h1>
      <p className="mt-1 text-base text-stone-700">{fullName}</p>
      <div className="mt-8">{body}</div>
    </Container>
  );
}
