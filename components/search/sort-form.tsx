import type { SortOrder } from '@/lib/search/query';
import { AutoSubmitForm } from './auto-submit-form';
import { carriedFields } from './search-links';
import { SelectField, type SelectOption } from '@/components/ui/select-field';

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Relevance',
  rating: 'Best rated (reviews weighted by how many)',
  relief: 'Lasting relief (still better at 6 weeks)',
  reviews: 'Most reviewed',
  distance: 'Distance (nearest first)',
};

interface SortFormProps {
  /** The current search parameters. */
  params: string;
  /** The order in use. */
  sort: SortOrder;
  /** Distance is offered only when the search has a place. */
  hasPlace: boolean;
  className?: string;
}

/** Chooses the order of the results; applies at once. */
export function SortForm({ params, sort, hasPlace, className }: SortFormProps) {
  const orders: SortOrder[] = ['relevance', 'rating', 'relief', 'reviews'];
  if (hasPlace) orders.push('distance');
  const options: SelectOption[] = orders.map((order) => ({
    value: order,
    label: SORT_LABELS[order],
  }));
  return (
    <AutoSubmitForm
      label="Sort results"
      hiddenFields={carriedFields(new URLSearchParams(params), ['sort'])}
      stateKey={params}
      submitLabel="Sort"
      className={className}
    >
      <SelectField id="sort" name="sort" label="Sort by" value={sort} options={options} />
    </AutoSubmitForm>
  );
}
