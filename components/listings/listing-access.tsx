import Link from 'next/link';
import { AccessNotice } from '@/components/ui/access-notice';
import { FormMessage } from '@/components/ui/form-message';
import { formatDate } from '@/lib/format';
import type { ListingRefusal } from '@/lib/listings/owner-page';
import { TEXT_LINK } from '@/components/ui/text-link';

/**
 * Why a page of the viewer's listing cannot be shown, and the way forward: confirm with a
 * passkey, or claim a listing or ask for a new one when the account holds none.
 */
export function ListingAccess({ title, page }: { title: string; page: ListingRefusal }) {
  const { pendingRequest } = page;
  return (
    <AccessNotice
      title={title}
      refusal={page.refusal}
      passkeyWhy="Your listing’s tools need a passkey, confirmed in this session, so that nobody who only gets into your email can change your listing."
      forbidden={
        !page.canHoldListing ? null : pendingRequest ? (
          <FormMessage tone="info">
            You asked for a new listing for {pendingRequest.name} on{' '}
            {formatDate(pendingRequest.submittedAt) ?? 'an earlier day'}: a moderator will review
            it. Follow it on{' '}
            <Link href="/claims" className={TEXT_LINK}>
              your claims
            </Link>
            .
          </FormMessage>
        ) : (
          <>
            <p className="text-base text-stone-700">Your account does not hold a listing yet.</p>
            <p className="text-base text-stone-700">
              <Link href="/" className={TEXT_LINK}>
                Claim your listing
              </Link>{' '}
              (find yourself in search and open your profile) or{' '}
              <Link href="/listings/new" className={TEXT_LINK}>
                create a new listing
              </Link>
              .
            </p>
          </>
        )
      }
    />
  );
}
