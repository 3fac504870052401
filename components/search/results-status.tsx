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

/** The result count, announced politely when it changes; "Updating results…" is shown while a new search runs. */
export function ResultsStatus({ summary, detail, className }: ResultsStatusProps) {
  const { pending } = useSearchNavigation();
  return (
    <p className={cn('min-h-6 text-sm text-stone-700', className)}>
      {/* Only the outcome is announced; "Updating…" is shown, not read out at every pause. */}
      {pending ? (
        <span
          aria-hidden="true"
          className="inline-flex items-center gap-2 font-medium text-teal-900"
        >
          <span className="size-3.5 animate-spin rounded-full border-2 border-teal-700 border-t-transparent" />
          Updating results…
        </span>
      ) : null}
      <span
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={cn('font-semibold text-stone-900', pending && 'sr-only')}
      >
        {summary}
      </span>
      {detail && !pending ? <span className="text-stone-600"> · {detail}</span> : null}
    </p>
  );
}
