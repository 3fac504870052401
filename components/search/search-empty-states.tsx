import Link from 'next/link';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

const TEXT_LINK =
  'rounded font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-950';

interface Suggestion {
  href: string;
  label: ReactNode;
}

export interface NoResultsProps {
  /** The place and radius searched, and the next radius up when there is one. */
  within: {
    miles: number;
    placeLabel: string;
    wider: { miles: number; href: string } | null;
  } | null;
  /** Ways out, most helpful first. */
  suggestions: readonly Suggestion[];
  /** The query as corrected for spelling, when it was. */
  correctedText: string | null;
  className?: string;
}

/** Nothing matched: say what was searched and offer the changes likeliest to find someone. */
export function NoResults({ within, suggestions, correctedText, className }: NoResultsProps) {
  const title = within ? (
    <>
      No therapists within {within.miles} miles of {within.placeLabel}
      {within.wider ? (
        <>
          {' '}
          —{' '}
          <Link href={within.wider.href} className={TEXT_LINK}>
            try {within.wider.miles} miles
          </Link>
        </>
      ) : null}
    </>
  ) : (
    'No therapists matched this search'
  );
  return (
    <EmptyState title={title} className={className}>
      {correctedText ? <p>We searched for “{correctedText}”.</p> : null}
      {suggestions.length > 0 ? (
        <>
          <p className={correctedText ? 'mt-2' : undefined}>You could:</p>
          <ul className="mt-2 space-y-2">
            {suggestions.map((suggestion) => (
              <li key={suggestion.href}>
                <Link href={suggestion.href} className={TEXT_LINK}>
                  {suggestion.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Try other words, or browse by the problem you have below.</p>
      )}
    </EmptyState>
  );
}

interface PlaceNotFoundProps {
  place: string;
  /** The same search without a place. */
  everywhereHref: string;
  className?: string;
}

/** The Where box named no place we know. */
export function PlaceNotFound({ place, everywhereHref, className }: PlaceNotFoundProps) {
  return (
    <EmptyState
      title="Where should we look?"
      className={className}
      action={
        <ButtonLink href={everywhereHref} variant="secondary">
          Search everywhere instead
        </ButtonLink>
      }
    >
      <p>
        Check the spelling of “{place}”, or try a US city with its state (Denver, CO), a 5-digit ZIP
        code (80202) or your location.
      </p>
    </EmptyState>
  );
}

interface PastLastPageProps {
  page: number;
  lastPage: number;
  lastPageHref: string;
  className?: string;
}

/** A page number beyond the end of the results. */
export function PastLastPage({ page, lastPage, lastPageHref, className }: PastLastPageProps) {
  return (
    <EmptyState
      title={`There is no page ${page} of these results`}
      className={className}
      action={
        <ButtonLink href={lastPageHref} variant="secondary">
          Go to page {lastPage}
        </ButtonLink>
      }
    >
      <p>They end at page {lastPage}.</p>
    </EmptyState>
  );
}
