'use client';

import { useEffect, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { useSearchNavigation } from './search-navigation';

interface ResultsRegionProps {
  /** The results' section; focused when a new page of results asked for it. */
  sectionId: string;
  /** Changes whenever the results do. */
  resultsKey: string;
  className?: string;
  children: ReactNode;
}

/**
 * Holds the result list at a steady minimum height, dims it while new results load, and moves
 * focus to the results after a link changed the search (scrolling back up to them if needed).
 */
export function ResultsRegion({ sectionId, resultsKey, className, children }: ResultsRegionProps) {
  const { pending, takeFocusRequest } = useSearchNavigation();

  useEffect(() => {
    if (!takeFocusRequest()) return;
    const section = document.getElementById(sectionId);
    if (!section) return;
    section.focus({ preventScroll: true });
    if (section.getBoundingClientRect().top < 0) section.scrollIntoView({ block: 'start' });
  }, [resultsKey, sectionId, takeFocusRequest]);

  return (
    <div
      aria-busy={pending}
      className={cn(
        'min-h-[32rem] transition-opacity duration-200',
        pending && 'opacity-60',
        className,
      )}
    >
      {children}
    </div>
  );
}
