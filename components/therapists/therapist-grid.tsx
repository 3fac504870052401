import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import type { TherapistCard as TherapistCardData } from '@/lib/therapists/types';
import { TherapistCard } from './therapist-card';

interface TherapistGridProps {
  therapists: readonly TherapistCardData[];
  emptyTitle: string;
  emptyAction?: ReactNode;
  headingLevel?: 'h2' | 'h3';
}

/** Therapist cards in a responsive grid, or an empty state. */
export function TherapistGrid({
  therapists,
  emptyTitle,
  emptyAction,
  headingLevel,
}: TherapistGridProps) {
  if (therapists.length === 0) {
    return <EmptyState title={emptyTitle} action={emptyAction} />;
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {therapists.map((therapist) => (
        <li key={therapist.slug}>
          <TherapistCard therapist={therapist} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
