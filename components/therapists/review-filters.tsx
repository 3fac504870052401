import Form from 'next/form';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { INTENT_LABELS } from '@/lib/format';
import {
  REVIEW_SORT_LABELS,
  REVIEW_SORTS,
  toReviewSearchParams,
  type ReviewListQuery,
} from '@/lib/therapists/review-params';
import type { Intent, ReviewConditionOption } from '@/lib/therapists/types';

interface ReviewFiltersProps {
  /** The profile's address (the form sends its settings there by GET). */
  action: string;
  query: ReviewListQuery;
  /** Conditions named publicly in this therapist's reviews. */
  conditions: readonly ReviewConditionOption[];
  intents: readonly Intent[];
  className?: string;
}

/**
 * Sort and filters of the review list: a GET form, so the settings live in the address (shareable,
 * the back button works) and it works without JavaScript. Changing them starts again at page 1.
 */
export function ReviewFilters({
  action,
  query,
  conditions,
  intents,
  className,
}: ReviewFiltersProps) {
  const conditionOptions: SelectOption[] = [
    { value: '', label: 'Any condition' },
    ...conditions.map((c) => ({ value: c.slug, label: `${c.name} (${c.count})` })),
  ];
  if (query.condition && !conditions.some((c) => c.slug === query.condition)) {
    conditionOptions.push({ value: query.condition, label: `${query.condition} (0)` });
  }
  return (
    <Form
      // A new address remounts the form, so its boxes show the address (also after going back).
      key={toReviewSearchParams({ ...query, page: 1 }).toString()}
      action={`${action}#reviews`}
      prefetch={false}
      aria-label="Sort and filter reviews"
      className={cn(
        'grid gap-3 rounded-2xl border border-stone-200 bg-stone-50 p-4 sm:grid-cols-2 sm:items-end',
        className,
      )}
    >
      <SelectField
        id="reviews-sort"
        name="sort"
        label="Sort by"
        value={query.sort}
        options={REVIEW_SORTS.map((sort) => ({ value: sort, label: REVIEW_SORT_LABELS[sort] }))}
      />
      <SelectField
        id="reviews-condition"
        name="condition"
        label="Condition"
        value={query.condition ?? ''}
        options={conditionOptions}
      />
      <SelectField
        id="reviews-intent"
        name="intent"
        label="Kind of session"
        value={query.intent ?? ''}
        options={[
          { value: '', label: 'Any kind' },
          ...intents.map((intent) => ({ value: intent, label: INTENT_LABELS[intent] })),
        ]}
      />
      <SelectField
        id="reviews-stars"
        name="stars"
        label="Stars"
        value={query.stars === null ? '' : String(query.stars)}
        options={[
          { value: '', label: 'Any rating' },
          ...[5, 4, 3, 2, 1].map((n) => ({
            value: String(n),
            label: `${n} star${n === 1 ? '' : 's'}`,
          })),
        ]}
      />
      <button
        type="submit"
        className={buttonClasses('secondary', 'sm:col-span-2 sm:justify-self-start')}
      >
        Show reviews
      </button>
    </Form>
  );
}
