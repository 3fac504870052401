import { chipClasses } from '@/components/ui/chip-link';
import { cn } from '@/components/ui/cn';
import { CheckIcon, ChevronDownIcon } from '@/components/ui/icons';
import { shortTaxonomyName } from '@/lib/format';
import { splitOptions, type FacetOption } from './search-links';

/** How many options show before "Show all". */
const SHOWN_AT_FIRST = 8;

function FacetChip({ name, option }: { name: string; option: FacetOption }) {
  const faint = option.count === 0 && !option.selected;
  return (
    <label
      className={chipClasses(
        cn(
          'group/chip cursor-pointer gap-1.5 px-3 has-checked:border-teal-700 has-checked:bg-teal-700 has-checked:text-white has-checked:hover:bg-teal-800 has-checked:hover:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700',
          faint && 'border-dashed text-stone-600',
        ),
      )}
    >
      <input
        type="checkbox"
        name={name}
        value={option.value}
        defaultChecked={option.selected}
        data-checked={String(option.selected)}
        className="sr-only"
      />
      <CheckIcon className="hidden group-has-checked/chip:block" />
      <span>{shortTaxonomyName(option.label)}</span>
      <span className="text-xs text-stone-600 tabular-nums group-has-checked/chip:text-teal-50">
        {option.count.toLocaleString('en-US')}
        <span className="sr-only"> {option.count === 1 ? 'therapist' : 'therapists'}</span>
      </span>
    </label>
  );
}

interface FacetGroupProps {
  /** The legend ("Condition"). */
  title: string;
  /** The search parameter the values go in. */
  name: 'modality' | 'condition' | 'intent';
  /** How the options are called in "Show all 17 specialties". */
  plural: string;
  options: readonly FacetOption[];
  /** Shown when no option has results. */
  emptyText: string;
}

/**
 * One group of filter chips: checkboxes that say how many therapists each choice would give.
 * The first few show; "Show all" reveals the rest in place, so no chip ever moves (and a
 * focused one keeps focus). Chosen chips always show.
 */
export function FacetGroup({ title, name, plural, options, emptyText }: FacetGroupProps) {
  const { rest } = splitOptions(options, SHOWN_AT_FIRST);
  const folded = new Set(rest.map((option) => option.value));
  return (
    <fieldset className="group/facet">
      <legend className="text-sm font-semibold text-stone-900">{title}</legend>
      {options.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{emptyText}</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2">
          {options.map((option) => (
            <li
              key={option.value}
              className={folded.has(option.value) ? 'hidden group-has-open/facet:block' : undefined}
            >
              <FacetChip name={name} option={option} />
            </li>
          ))}
        </ul>
      )}
      {rest.length > 0 ? (
        <details className="group/more mt-2">
          <summary className="inline-flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-lg px-1 text-sm font-semibold text-teal-800 hover:text-teal-950 [&::-webkit-details-marker]:hidden">
            <span className="group-open/more:hidden">
              Show all {options.length} {plural}
            </span>
            <span className="hidden group-open/more:inline">Show fewer {plural}</span>
            <ChevronDownIcon className="transition-transform group-open/more:rotate-180" />
          </summary>
        </details>
      ) : null}
    </fieldset>
  );
}
