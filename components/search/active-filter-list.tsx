import Link from 'next/link';
import { ChipLink } from '@/components/ui/chip-link';
import { cn } from '@/components/ui/cn';
import { CrossIcon } from '@/components/ui/icons';
import type { ActiveFilter } from './search-links';

interface ActiveFilterListProps {
  filters: readonly ActiveFilter[];
  /** The search without any filter. */
  clearHref: string;
  className?: string;
}

/** The filters in force, each a link that removes it, and one that removes them all. */
export function ActiveFilterList({ filters, clearHref, className }: ActiveFilterListProps) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Filters in use" className={cn('flex flex-wrap items-center gap-2', className)}>
      {filters.map((filter) => (
        <li key={filter.key}>
          <ChipLink
            href={filter.href}
            className="min-h-9 gap-1.5 border-teal-700 bg-teal-50 px-3 text-teal-950"
          >
            <span className="sr-only">Remove filter: </span>
            {filter.label}
            <CrossIcon className="size-3.5" />
          </ChipLink>
        </li>
      ))}
      {filters.length > 1 ? (
        <li>
          <Link
            href={clearHref}
            className="inline-flex min-h-9 items-center rounded-lg px-2 text-sm font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-950"
          >
            Clear all filters
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
