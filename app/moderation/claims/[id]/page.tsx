import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimDecisionForm } from '@/components/claims/decision-form';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { EvidenceLink } from '@/components/claims/evidence-link';
import { AccessNotice } from '@/components/ui/access-notice';
import { BackLink } from '@/components/ui/back-link';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { loadViewerPage } from '@/lib/auth/page-access';
import { CLAIM_KIND_LABELS, LICENCE_MATCH_LABELS } from '@/lib/claims/labels';
import { getClaimForModerator, type ModeratorClaim } from '@/lib/claims/queries';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Claim', robots: { index: false } };

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

function accountAge(createdAt: Date): string {
  const days = Math.floor((Date.now() - createdAt.getTime()) / 86_400_000);
  if (days < 1) return 'less than a day';
  if (days < 60) return `${days} ${days === 1 ? 'day' : 'days'}`;
  const months = Math.floor(days / 30);
  return months < 24 ? `${months} months` : `${Math.floor(days / 365)} years`;
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm font-semibold text-stone-900">{term}</dt>
      <dd className="text-sm break-words text-stone-800">{children}</dd>
    </div>
  );
}

function Trail({ claim }: { claim: ModeratorClaim }) {
  if (claim.trail.length === 0)
    return <p className="text-sm text-stone-700">Nothing recorded yet.</p>;
  return (
    <ol className="divide-y divide-stone-200">
      {claim.trail.map((entry) => (
        <li key={entry.id} className="py-2 text-sm text-stone-800">
          <time dateTime={entry.at.toISOString()} className="text-stone-600">
            {MOMENT.format(entry.at)} UTC
          </time>{' '}
          <span className="font-mono font-semibold">{entry.action}</span>
          {entry.actor ? ` by ${entry.actor.name} (${entry.actor.role})` : ' (automatic)'}
          {Object.keys(entry.detail).length > 0 ? (
            <span className="block text-stone-600">
              {Object.entries(entry.detail)
                .map(([key, value]) => `${key}: ${String(value)}`)
                .join(' · ')}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** One claim with everything needed to decide it, and the decision form. */
export default async function ModeratorClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await loadViewerPage(`/moderation/claims/${id}`, (viewer) => {
    if (!/^\d{1,10}$/.test(id)) notFound();
    return getClaimForModerator(viewer, Number(id));
  });
  if (!page.ok) {
    if (page.refusal.code === 'not_found') notFound();
    return <AccessNotice standalone title="Claim" refusal={page.refusal} />;
  }
  const claim = page.data;
  const open = claim.status === 'pending_review' || claim.status === 'more_info';
  const { listing, claimant } = claim;
  return (
    <Container className="max-w-3xl py-10">
      <BackLink href="/moderation/claims">All claims</BackLink>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Claim {claim.id}</h1>
        <ClaimStatusBadge status={claim.status} />
      </div>
      <p className="mt-1 text-base text-stone-700">
        {CLAIM_KIND_LABELS[claim.kind]} · sent{' '}
        <time dateTime={claim.createdAt.toISOString()}>{DAY.format(claim.createdAt)}</time>
      </p>

      <div className="mt-8 space-y-8">
        <Card as="section" aria-labelledby="listing-heading" className="p-5">
          <h2 id="listing-heading" className="text-lg font-semibold text-stone-900">
            The listing
          </h2>
          <dl className="mt-2 divide-y divide-stone-100">
            <Row term="Name">
              {listing.status === 'published' ? (
                <Link
                  href={`/therapists/${encodeURIComponent(listing.slug)}`}
                  className={TEXT_LINK}
                >
                  {listing.name}
                </Link>
              ) : (
                `${listing.name} (${listing.status})`
              )}
              {listing.credentials ? `, ${listing.credentials}` : ''}
            </Row>
            <Row term="Licence on the listing">
              {listing.licenseNumber ? `${listing.licenseState} ${listing.licenseNumber}` : 'None'}
            </Row>
            <Row term="Contact email">{listing.contactEmail ?? 'None'}</Row>
            <Row term="Held by">{listing.holderName ?? 'Nobody'}</Row>
          </dl>
        </Card>

        <Card as="section" aria-labelledby="claimant-heading" className="p-5">
          <h2 id="claimant-heading" className="text-lg font-semibold text-stone-900">
            The claimant
          </h2>
          <dl className="mt-2 divide-y divide-stone-100">
            <Row term="Public name">{claimant.displayName}</Row>
            <Row term="Email">{claimant.email}</Row>
            <Row term="Account">
              {accountAge(claimant.createdAt)} old · {claimant.role}
              {claimant.banned ? ' · banned' : ''}
              {claimant.otherClaims > 0 ? ` · ${claimant.otherClaims} other claim(s)` : ''}
            </Row>
            <Row term="Licence typed">
              {claim.licence.number
                ? `${claim.licence.state} ${claim.licence.number}, ${claim.licence.name}`
                : 'None'}
            </Row>
            <Row term="Licence match">
              {claim.licenseMatched ? LICENCE_MATCH_LABELS[claim.licenseMatched] : 'Not checked'}
            </Row>
          </dl>
        </Card>

        <section aria-labelledby="evidence-heading" className="space-y-3">
          <h2 id="evidence-heading" className="text-lg font-semibold text-stone-900">
            Evidence
          </h2>
          {claim.evidence ? (
            <blockquote className="rounded-xl border-l-4 border-stone-300 bg-stone-50 px-4 py-3 text-base whitespace-pre-line text-stone-800">
              {claim.evidence}
            </blockquote>
          ) : (
            <p className="text-sm text-stone-700">No text yet.</p>
          )}
          {claim.evidenceLinks.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {claim.evidenceLinks.map((link) => (
                <li key={link}>
                  <EvidenceLink href={link} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-700">No links.</p>
          )}
          {claim.moderatorMessage ? (
            <p className="text-sm text-stone-800">
              <span className="font-semibold">Message to the claimant on record:</span>{' '}
              {claim.moderatorMessage}
            </p>
          ) : null}
        </section>

        <Card as="section" aria-labelledby="decision-heading" className="p-5">
          <h2 id="decision-heading" className="text-lg font-semibold text-stone-900">
            Decision
          </h2>
          <div className="mt-3">
            {claim.yours ? (
              <FormMessage tone="info">
                This is your own claim: another moderator decides it.
              </FormMessage>
            ) : open ? (
              <ClaimDecisionForm
                claimId={claim.id}
                version={claim.updatedAt.toISOString()}
                holder={listing.holderId}
              />
            ) : (
              <p className="text-sm text-stone-700">
                {claim.status === 'awaiting_code'
                  ? 'This claim waits for its code: there is nothing to decide yet.'
                  : `Closed${claim.decidedByName ? ` by ${claim.decidedByName}` : ''}${claim.decidedAt ? ` on ${DAY.format(claim.decidedAt)}` : ''}.`}
              </p>
            )}
          </div>
        </Card>

        <section aria-labelledby="trail-heading">
          <h2 id="trail-heading" className="text-lg font-semibold text-stone-900">
            The listing’s audit trail
          </h2>
          <div className="mt-2">
            <Trail claim={claim} />
          </div>
        </section>
      </div>
    </Container>
  );
}
