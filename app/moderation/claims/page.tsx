import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { ModerationFrame } from '@/components/moderation/moderation-frame';
import { AccessNotice } from '@/components/ui/access-notice';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { loadViewerPage } from '@/lib/auth/page-access';
import { CLAIM_DECISION_LABELS, CLAIM_DECISIONS, LICENCE_MATCH_LABELS } from '@/lib/claims/labels';
import { listClaimQueue, type QueueClaim } from '@/lib/claims/queries';
import { pluralize } from '@/lib/format';
import { waitingLabel } from '@/lib/moderation/reasons';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Claims', robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;

function doneMessage(params: Params): string | null {
  const decided = typeof params.decided === 'string' ? params.decided : '';
  const outcome = typeof params.outcome === 'string' ? params.outcome : '';
  if (!/^\d{1,10}$/.test(decided) || !(CLAIM_DECISIONS as readonly string[]).includes(outcome)) {
    return null;
  }
  const label = CLAIM_DECISION_LABELS[outcome as (typeof CLAIM_DECISIONS)[number]];
  return `Decision recorded on claim ${decided}: ${label.toLowerCase()}. The claimant is told by email.`;
}

function ClaimItem({ claim }: { claim: QueueClaim }) {
  return (
    <Card as="article" aria-labelledby={`claim-${claim.id}-heading`} className="p-5">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`claim-${claim.id}-heading`} className="text-base font-semibold text-stone-900">
          <Link href={`/moderation/claims/${claim.id}`} className={TEXT_LINK}>
            Claim {claim.id}: {claim.listing.name}
          </Link>
        </h3>
        <ClaimStatusBadge status={claim.status} />
        {claim.yours ? <Badge tone="neutral">Your own claim</Badge> : null}
      </div>
      <p className="mt-1 text-sm text-stone-700">
        By {claim.claimantName} · waiting {waitingLabel(claim.waitingHours)}
      </p>
      <p className="mt-1 text-sm text-stone-700">
        {claim.licenseMatched ? LICENCE_MATCH_LABELS[claim.licenseMatched] : 'No licence given'} ·{' '}
        {pluralize(claim.evidenceLength, 'character')} of evidence ·{' '}
        {pluralize(claim.links, 'link')}
      </p>
    </Card>
  );
}

function ClaimList({ items, empty }: { items: QueueClaim[]; empty: string }) {
  if (items.length === 0) return <p className="text-stone-700">{empty}</p>;
  return (
    <ol className="space-y-4">
      {items.map((claim) => (
        <li key={claim.id}>
          <ClaimItem claim={claim} />
        </li>
      ))}
    </ol>
  );
}

/** Claims with the moderators, oldest first: evidence claims, disputes, new listings. */
export default async function ClaimQueuePage({ searchParams }: { searchParams: Promise<Params> }) {
  const page = await loadViewerPage('/moderation/claims', listClaimQueue);
  if (!page.ok) return <AccessNotice standalone title="Claims" refusal={page.refusal} />;
  const queue = page.data;
  return (
    <ModerationFrame
      title="Claims"
      links={[{ href: '/moderation', label: 'Reviews queue' }]}
      done={doneMessage(await searchParams)}
    >
      <p className="mt-4 text-sm text-stone-600">
        Nothing here is ever granted by time or silence: a claim moves only when a moderator
        decides. Claims waiting for the claimant’s answer show as “Moderators asked for more”.
      </p>
      <div className="mt-10 space-y-12">
        <Section
          id="evidence"
          title={`Claims with evidence (${queue.evidence.length})`}
          description="Listings nobody holds, where the licence and the code could not prove the claim."
        >
          <ClaimList items={queue.evidence} empty="No claim with evidence is waiting." />
        </Section>
        <Section
          id="disputes"
          title={`Disputes (${queue.disputes.length})`}
          description="Someone says a listing held by another account is theirs. Approving moves the listing."
        >
          <ClaimList items={queue.disputes} empty="No dispute is waiting." />
        </Section>
        <Section
          id="new-listings"
          title={`New listings (${queue.newListings.length})`}
          description="Practitioners who were not listed. Approving publishes the listing and gives it to them."
        >
          <ClaimList items={queue.newListings} empty="No new listing is waiting." />
        </Section>
      </div>
    </ModerationFrame>
  );
}
