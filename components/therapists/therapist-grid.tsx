import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { TherapistCard, type TherapistCardItem } from './therapist-card';

const COLUMNS = {
  /** Full page width: up to three cards a row. */
  wide: 'sm:grid-cols-2 lg:grid-cols-3',
  /** Beside a sidebar: one card a row while the sidebar leaves little room, then two. */
  narrow: 'sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2',
} as const;

interface TherapistGridProps {
  therapists: readonly TherapistCardItem[];
  emptyTitle: string;
  emptyAction?: ReactNode;
  headingLevel?: 'h2' | 'h3';
  columns?: keyof typeof COLUMNS;
}

/** Therapist cards in a responsive grid, or an empty state. */
export function TherapistGrid({
  therapists,
  emptyTitle,
  emptyAction,
  headingLevel,
  columns = 'wide',
}: TherapistGridProps) {
  if (therapists.length === 0) {
    return <EmptyState title={emptyTitle} action={emptyAction} />;
  }
  return (
    <ul className={cn('grid gap-4', COLUMNS[columns])}>
      {therapists.map((therapist) => (
        <li key={therapist.slug}>
          <TherapistCard therapist={therapist} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
