import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { AppErrorCode } from '@/lib/errors';
import { formatDate } from '@/lib/format';

const LINK = 'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';

/**
 * Why a dashboard page cannot be shown to this account, and the way forward: confirm with a
 * passkey, or claim a listing or ask for a new one when the account holds none.
 */
export function OwnerAccess({
  title,
  code,
  message,
  canHoldListing,
  pendingRequest,
}: {
  title: string;
  code: AppErrorCode;
  message: string;
  /** A member or therapist account (staff cannot hold listings). */
  canHoldListing: boolean;
  /** The account's open request for a new listing, if any. */
  pendingRequest?: { name: string; submittedAt: string } | null;
}) {
  if (code === 'second_factor') {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
        <FormMessage tone="error">{message}</FormMessage>
        <p className="text-sm text-stone-700">
          Your listing’s tools need a passkey, confirmed in this session, so that nobody who only
          gets into your email can change your listing.
        </p>
        <ButtonLink href="/account/security">Go to sign-in and security</ButtonLink>
      </div>
    );
  }
  if (code === 'forbidden' && canHoldListing) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
        {pendingRequest ? (
          <FormMessage tone="info">
            You asked for a new listing for {pendingRequest.name} on{' '}
            {formatDate(pendingRequest.submittedAt) ?? 'an earlier day'}: a moderator will review
            it. Follow it on{' '}
            <Link href="/claims" className={LINK}>
              your claims
            </Link>
            .
          </FormMessage>
        ) : (
          <>
            <p className="text-base text-stone-700">Your account does not hold a listing yet.</p>
            <p className="text-base text-stone-700">
              <Link href="/" className={LINK}>
                Claim your listing
              </Link>{' '}
              (find yourself in search and open your profile) or{' '}
              <Link href="/listings/new" className={LINK}>
                create a new listing
              </Link>
              .
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
      <FormMessage tone="error">{message}</FormMessage>
    </div>
  );
}
