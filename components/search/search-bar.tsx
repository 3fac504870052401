'use client';

import Link from 'next/link';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { PinIcon } from '@/components/ui/icons';
import { TherapistSearchForm } from '@/components/therapists/therapist-search-form';
import { LocateButton } from './locate-button';
import { isLiveValue, searchHref, typedSearchParams } from './search-links';
import { useSearchNavigation } from './search-navigation';

/** How long typing pauses before the results follow. */
const TYPING_PAUSE_MS = 250;

type BoxName = 'q' | 'place';
interface Typed {
  q: string;
  place: string;
}

function boxIn(container: HTMLElement | null, name: BoxName): HTMLInputElement | null {
  return container?.querySelector<HTMLInputElement>(`input[name="${name}"]`) ?? null;
}

interface SearchBarProps {
  /** What the address says is in the What and Where boxes. */
  query: string;
  place: string;
  /** The current search parameters; typing changes q and place and keeps the rest. */
  baseParams: string;
  /** Parameters sent along with the boxes when the form is sent without JavaScript. */
  hiddenFields: readonly (readonly [string, string])[];
  queryError?: ReactNode;
  placeError?: ReactNode;
  /** The search is near the visitor's location; the link leaves it. */
  nearMe: { clearHref: string } | null;
  className?: string;
}

/**
 * The What and Where boxes. Results follow the typing after a short pause (the address is
 * replaced, not added to history); sending the form searches at once. Without JavaScript the
 * form is an ordinary GET form.
 */
export function SearchBar({
  query,
  place,
  baseParams,
  hiddenFields,
  queryError,
  placeError,
  nearMe,
  className,
}: SearchBarProps) {
  const { navigate } = useSearchNavigation();
  const container = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sent = useRef<Typed>({ q: query.trim(), place: place.trim() });

  useEffect(() => {
    sent.current = { q: query.trim(), place: place.trim() };
    const values: Record<BoxName, string> = { q: query, place };
    for (const name of ['q', 'place'] as const) {
      const input = boxIn(container.current, name);
      if (input && input !== document.activeElement && input.value.trim() !== values[name].trim()) {
        input.value = values[name];
      }
    }
  }, [query, place]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const cancelPause = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const search = (how: 'typing' | 'sent') => {
    cancelPause();
    const typed: Typed = {
      q: boxIn(container.current, 'q')?.value ?? '',
      place: boxIn(container.current, 'place')?.value ?? '',
    };
    const q = typed.q.trim();
    const where = typed.place.trim();
    const changedQuery = q !== sent.current.q;
    const changedPlace = where !== sent.current.place;
    if (!changedQuery && !changedPlace) return;
    if (
      how === 'typing' &&
      ((changedQuery && !isLiveValue(q)) || (changedPlace && !isLiveValue(where)))
    ) {
      return;
    }
    sent.current = { q, place: where };
    navigate(searchHref(typedSearchParams(new URLSearchParams(baseParams), typed)), {
      replace: how === 'typing',
    });
  };

  const onInput = () => {
    cancelPause();
    timer.current = setTimeout(() => search('typing'), TYPING_PAUSE_MS);
  };

  const onBlur = () => {
    if (timer.current) search('typing');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search('sent');
  };

  return (
    <div
      ref={container}
      onInput={onInput}
      onBlur={onBlur}
      onSubmit={onSubmit}
      className={className}
    >
      <TherapistSearchForm
        defaultQuery={query}
        defaultPlace={place}
        hiddenFields={hiddenFields}
        queryError={queryError}
        placeError={placeError}
        placeAddon={
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3">
            <LocateButton baseParams={baseParams} />
            {nearMe ? (
              <p className="inline-flex items-center gap-1.5 text-sm text-stone-700">
                <PinIcon className="text-teal-700" />
                <span className="font-medium text-stone-900">Near your location</span>
                <Link
                  href={nearMe.clearHref}
                  className="rounded font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950"
                >
                  Clear
                </Link>
              </p>
            ) : null}
          </div>
        }
      />
    </div>
  );
}
