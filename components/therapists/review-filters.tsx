import Form from 'next/form';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ChevronDownIcon } from '@/components/ui/icons';
import { INTENT_LABELS } from '@/lib/format';
import {
  REVIEW_SORT_LABELS,
  REVIEW_SORTS,
  toReviewSearchParams,
  type ReviewListQuery,
} from '@/lib/therapists/review-params';
import type { Intent, ReviewConditionOption } from '@/lib/therapists/types';

interface Option {
  value: string;
  label: string;
}

function Select({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-semibold text-stone-900">
        {label}
      </label>
      <div className="relative">
        <select
          id={id}
          name={name}
          defaultValue={value}
          className="block min-h-11 w-full appearance-none rounded-xl border border-stone-300 bg-white py-2 pr-9 pl-3 text-sm text-stone-900 shadow-xs hover:border-stone-400 focus:border-teal-700 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-teal-700"
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-stone-500" />
      </div>
    </div>
  );
}

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
  const conditionOptions: Option[] = [
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
      <Select
        id="reviews-sort"
        name="sort"
        label="Sort by"
        value={query.sort}
        options={REVIEW_SORTS.map((sort) => ({ value: sort, label: REVIEW_SORT_LABELS[sort] }))}
      />
      <Select
        id="reviews-condition"
        name="condition"
        label="Condition"
        value={query.condition ?? ''}
        options={conditionOptions}
      />
      <Select
        id="reviews-intent"
        name="intent"
        label="Kind of session"
        value={query.intent ?? ''}
        options={[
          { value: '', label: 'Any kind' },
          ...intents.map((intent) => ({ value: intent, label: INTENT_LABELS[intent] })),
        ]}
      />
      <Select
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
