import Link from 'next/link';
import { ShieldCheckIcon } from '@/components/ui/icons';

/**
 * On a profile: an unclaimed listing invites its practitioner to claim it; a claimed one says so,
 * with a discreet way to dispute the claim.
 */
export function IsThisYou({ slug, claimed }: { slug: string; claimed: boolean }) {
  const href = `/therapists/${encodeURIComponent(slug)}/claim`;
  if (!claimed) {
    return (
      <p className="text-sm text-stone-700">
        Is this you?{' '}
        <Link
          href={href}
          className="font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900"
        >
          Claim this listing
        </Link>
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600">
      <span className="inline-flex items-center gap-1">
        <ShieldCheckIcon className="size-4 text-teal-700" />
        Claimed by the practitioner
      </span>
      <span aria-hidden="true">·</span>
      <Link
        href={href}
        className="text-stone-700 underline underline-offset-2 hover:text-stone-900"
      >
        Is this your listing? Dispute the claim
      </Link>
    </p>
  );
}
