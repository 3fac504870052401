import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

type PageSlot = number | 'gap';

/** First, last, and the current page with one neighbour each side; gaps for the rest. */
function pageSlots(page: number, pageCount: number): PageSlot[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  let previous = 0;
  for (const n of pages) {
    if (n - previous === 2) slots.push(n - 1);
    else if (n - previous > 2) slots.push('gap');
    slots.push(n);
    previous = n;
  }
  return slots;
}

const ITEM =
  'inline-flex min-h-10 min-w-9 items-center justify-center rounded-lg px-2 text-sm font-medium sm:min-w-10 sm:px-3';

interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Names the navigation landmark, e.g. "Review pages". */
  label: string;
  className?: string;
}

function StepLink({
  href,
  rel,
  children,
}: {
  href: string | null;
  rel: 'prev' | 'next';
  children: ReactNode;
}) {
  if (href === null) {
    return <span className={cn(ITEM, 'gap-1 text-stone-500')}>{children}</span>;
  }
  return (
    <Link href={href} rel={rel} className={cn(ITEM, 'gap-1 text-teal-800 hover:bg-teal-50')}>
      {children}
    </Link>
  );
}

/** Numbered page links; the current page is marked for assistive technology. */
export function Pagination({ page, pageCount, hrefFor, label, className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(page, 1), pageCount);
  return (
    <nav
      aria-label={label}
      className={cn('flex items-center justify-center gap-1 sm:gap-2', className)}
    >
      <StepLink href={current > 1 ? hrefFor(current - 1) : null} rel="prev">
        <ChevronLeftIcon />
        <span className="sr-only sm:not-sr-only">Previous</span>
      </StepLink>
      <ol className="flex items-center gap-1">
        {pageSlots(current, pageCount).map((slot, index) =>
          slot === 'gap' ? (
            <li
              key={`gap-${index}`}
              aria-hidden="true"
              className={cn(ITEM, 'min-w-5 px-0 text-stone-500 sm:min-w-6')}
            >
              …
            </li>
          ) : (
            <li key={slot}>
              <Link
                href={hrefFor(slot)}
                aria-current={slot === current ? 'page' : undefined}
                aria-label={`Page ${slot}`}
                className={cn(
                  ITEM,
                  'tabular-nums',
                  slot === current ? 'bg-teal-700 text-white' : 'text-stone-800 hover:bg-stone-100',
                )}
              >
                {slot}
              </Link>
            </li>
          ),
        )}
      </ol>
      <StepLink href={current < pageCount ? hrefFor(current + 1) : null} rel="next">
        <span className="sr-only sm:not-sr-only">Next</span>
        <ChevronRightIcon />
      </StepLink>
    </nav>
  );
}
