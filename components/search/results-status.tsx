'use client';

import { cn } from '@/components/ui/cn';
import { useSearchNavigation } from './search-navigation';

interface ResultsStatusProps {
  /** What the search found, as read out once results arrive ("42 therapists found"). */
  summary: string;
  /** A detail shown after the summary, not read out ("answered in 38 ms"). */
  detail?: string;
  className?: string;
}

/** The result count, announced politely; "Updating results…" while a new search runs. */
export function ResultsStatus({ summary, detail, className }: ResultsStatusProps) {
  const { pending } = useSearchNavigation();
  return (
    <p className={cn('min-h-6 text-sm text-stone-700', className)}>
      <span role="status" aria-live="polite" aria-atomic="true">
        {pending ? (
          <span className="inline-flex items-center gap-2 font-medium text-teal-900">
            <span
              aria-hidden="true"
              className="size-3.5 animate-spin rounded-full border-2 border-teal-700 border-t-transparent"
            />
            Updating results…
          </span>
        ) : (
          <span className="font-semibold text-stone-900">{summary}</span>
        )}
      </span>
      {detail && !pending ? <span className="text-stone-600"> · {detail}</span> : null}
    </p>
  );
}
