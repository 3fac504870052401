import { ButtonLink } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { OwnReviewSummary } from '@/lib/therapists/types';

const STATUS_NOTES: Record<OwnReviewSummary['status'], string | null> = {
  published: null,
  pending: 'Your review is waiting for a moderator.',
  not_recommended: 'Your review is listed apart as not recommended.',
  removed: 'A moderator removed your review.',
};

interface WriteReviewLinkProps {
  /** The therapist's review page (write or edit). */
  href: string;
  /** Sign-in first, then back to `href`; used when signed out. */
  signInHref: string;
  signedIn: boolean;
  /** The viewer's own review of this therapist, if they wrote one. */
  ownReview: OwnReviewSummary | null;
  /** The viewer holds this profile: owners do not review themselves. */
  ownsProfile: boolean;
  className?: string;
}

/** "Write a review", or "Edit your review" for someone who already wrote one. */
export function WriteReviewLink({
  href,
  signInHref,
  signedIn,
  ownReview,
  ownsProfile,
  className,
}: WriteReviewLinkProps) {
  if (ownsProfile) {
    return (
      <p className={cn('text-sm text-stone-600', className)}>
        This is your profile: you cannot review it.
      </p>
    );
  }
  if (ownReview) {
    const note = STATUS_NOTES[ownReview.status];
    return (
      <div className={cn('flex flex-wrap items-center gap-x-3 gap-y-1', className)}>
        <ButtonLink href={href} variant="secondary">
          Edit your review
        </ButtonLink>
        {note ? <p className="text-sm text-stone-600">{note}</p> : null}
      </div>
    );
  }
  return (
    <ButtonLink href={signedIn ? href : signInHref} className={className}>
      Write a review
    </ButtonLink>
  );
}
