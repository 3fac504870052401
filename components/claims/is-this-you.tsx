import Link from 'next/link';
import { TEXT_LINK } from '@/components/ui/text-link';

/**
 * On a profile: an unclaimed listing invites its practitioner to claim it; a claimed one offers a
 * discreet way to dispute the claim.
 */
export function IsThisYou({ slug, claimed }: { slug: string; claimed: boolean }) {
  const href = `/therapists/${encodeURIComponent(slug)}/claim`;
  if (!claimed) {
    return (
      <p className="text-sm text-stone-700">
        Is this you?{' '}
        <Link href={href} className={TEXT_LINK}>
          Claim this listing
        </Link>
      </p>
    );
  }
  // The profile's header already says the listing is claimed: only the way to dispute it here.
  return (
    <p className="text-sm text-stone-600">
      <Link
        href={href}
        className="text-stone-700 underline underline-offset-2 hover:text-stone-900"
      >
        Is this your listing? Dispute the claim
      </Link>
    </p>
  );
}
