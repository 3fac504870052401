import type { Metadata } from 'next';
import Link from 'next/link';
import { InvitationForm } from '@/components/invitations/invitation-form';
import { InvitationPreview } from '@/components/invitations/invitation-preview';
import { InvitationSummary } from '@/components/invitations/invitation-summary';
import { AccessNotice } from '@/components/ui/access-notice';
import { FormMessage } from '@/components/ui/form-message';
import { Section } from '@/components/ui/section';
import { loadViewerPage } from '@/lib/auth/page-access';
import {
  INVITATION_CONFIRM_TEXT,
  INVITATION_LIMITS,
  INVITATION_MIN_NEW_REASON,
} from '@/lib/invitations/input';
import { getInvitationOverview } from '@/lib/invitations/queries';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Invitations' };

/** Inviting the owner's clients to review: all of them, with the same neutral email. */
export default async function InvitationsPage() {
  const page = await loadViewerPage('/dashboard/invitations', getInvitationOverview);
  if (!page.ok)
    return <AccessNotice title="Invite your clients to review" refusal={page.refusal} />;
  const overview = page.data;

  const profile = `/therapists/${encodeURIComponent(overview.listing.slug)}`;
  return (
    <div className="max-w-3xl space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">
          Invite your clients to review
        </h1>
        <p className="mt-2 text-base text-stone-700">
          Ask all of your clients, or none: every address you list gets the same neutral email,
          which you cannot change, and nothing may be offered for a review. Each address is invited
          once, ever. We delete an address as soon as its email is sent and never show the addresses
          to you again.
        </p>
      </div>

      <Section id="invitation-summary" title="So far">
        <InvitationSummary overview={overview} />
        {overview.reviewsFromInvitations > 0 ? (
          <p className="mt-3 text-sm text-stone-700">
            Reviews written from an invitation say so on{' '}
            <Link href={profile} className={TEXT_LINK}>
              your profile
            </Link>
            .
          </p>
        ) : null}
      </Section>

      <Section id="invitation-send" title="Send invitations">
        {overview.listing.status === 'published' ? (
          <InvitationForm
            confirmText={INVITATION_CONFIRM_TEXT}
            perBatch={INVITATION_LIMITS.perBatch}
            minNewReason={INVITATION_MIN_NEW_REASON}
            preview={<InvitationPreview wording={overview.wording} />}
          />
        ) : (
          <FormMessage tone="info">
            Your listing is not published, so there is nothing to review yet. You can invite clients
            once it is published.
          </FormMessage>
        )}
      </Section>
    </div>
  );
}
