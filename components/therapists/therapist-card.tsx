import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { HighlightedText, type TextSegment } from '@/components/ui/highlighted-text';
import { HomeIcon, PinIcon } from '@/components/ui/icons';
import { formatDistance } from '@/lib/format';
import type { TopReviewSnippet } from '@/lib/search/types';
import type { TherapistCard as TherapistCardData } from '@/lib/therapists/types';
import { LastingRelief } from './lasting-relief';
import { RatingInline } from './rating-inline';
import { ReviewSnippet } from './review-snippet';
import { TagList } from './tag-list';

/** A therapist as a card shows it; a search hit adds what matched and a review to quote. */
export interface TherapistCardItem extends TherapistCardData {
  /** The name and headline split into pieces, the matched ones marked. */
  highlight?: { name: readonly TextSegment[]; headline: readonly TextSegment[] };
  topReview?: TopReviewSnippet | null;
}

interface TherapistCardProps {
  therapist: TherapistCardItem;
  headingLevel?: 'h2' | 'h3';
}

/** A therapist in a list. The whole card is one link, named by the therapist's name. */
export function TherapistCard({ therapist, headingLevel: Heading = 'h3' }: TherapistCardProps) {
  const distance = formatDistance(therapist.distanceKm);
  const { highlight, topReview } = therapist;
  return (
    <Card
      as="article"
      className="relative flex h-full flex-col gap-3 p-5 transition-shadow hover:border-stone-300 hover:shadow-md"
    >
      <div>
        <Heading className="text-lg leading-snug font-semibold text-stone-900">
          <Link
            href={`/therapists/${encodeURIComponent(therapist.slug)}`}
            className="after:absolute after:inset-0 after:rounded-2xl hover:text-teal-800 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-teal-700"
          >
            {highlight ? <HighlightedText segments={highlight.name} /> : therapist.name}
          </Link>
          {therapist.credentials ? (
            <span className="text-base font-normal text-stone-600">, {therapist.credentials}</span>
          ) : null}
        </Heading>
        <p className="mt-1 line-clamp-2 text-sm text-stone-700">
          {highlight ? <HighlightedText segments={highlight.headline} /> : therapist.headline}
        </p>
      </div>

      <RatingInline average={therapist.ratingAverage} reviewCount={therapist.reviewCount} />

      {therapist.lastingRelief ? <LastingRelief figure={therapist.lastingRelief} /> : null}

      <TagList tags={therapist.modalities} max={3} short />

      {topReview ? <ReviewSnippet review={topReview} /> : null}

      <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-stone-100 pt-3 text-sm text-stone-600">
        <span className="inline-flex items-center gap-1">
          <PinIcon className="text-stone-500" />
          {therapist.city}, {therapist.region}
          {distance ? <span className="text-stone-500">· {distance}</span> : null}
        </span>
        {therapist.mobileService ? (
          <Badge tone="brand" icon={<HomeIcon className="size-3.5" />}>
            Mobile / in-home
          </Badge>
        ) : null}
      </div>
    </Card>
  );
}
