import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { AlertIcon, SearchIcon } from '@/components/ui/icons';

const FIELD =
  'block min-h-12 w-full rounded-xl border border-stone-300 bg-white px-4 text-base text-stone-900 shadow-xs placeholder:text-stone-500 focus:border-teal-700 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-teal-700 aria-invalid:border-red-700';
const LABEL = 'mb-1.5 block text-sm font-semibold text-stone-800';

const QUERY_ID = 'search-q';
const PLACE_ID = 'search-place';

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="mt-1.5 flex items-start gap-1.5 text-sm text-red-800">
      <AlertIcon className="mt-0.5" />
      <div>{children}</div>
    </div>
  );
}

interface TherapistSearchFormProps {
  defaultQuery?: string;
  defaultPlace?: string;
  /** Other search parameters to keep when the form is sent ([name, value] pairs). */
  hiddenFields?: readonly (readonly [string, string])[];
  /** Why the What box's value was not accepted. */
  queryError?: ReactNode;
  /** Why the Where box's value was not accepted, with what to try instead. */
  placeError?: ReactNode;
  /** Shown under the Where box (a "use my location" control, the place in use). */
  placeAddon?: ReactNode;
  className?: string;
}

/** "What" and "Where", sent by GET to /search as q and place. Works without JavaScript. */
export function TherapistSearchForm({
  defaultQuery,
  defaultPlace,
  hiddenFields = [],
  queryError,
  placeError,
  placeAddon,
  className,
}: TherapistSearchFormProps) {
  const queryErrorId = `${QUERY_ID}-error`;
  const placeErrorId = `${PLACE_ID}-error`;
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Find a therapist"
      className={cn(
        'grid gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_1fr_auto] sm:items-start sm:p-5',
        className,
      )}
    >
      <div>
        <label htmlFor={QUERY_ID} className={LABEL}>
          What
        </label>
        <input
          id={QUERY_ID}
          name="q"
          type="search"
          defaultValue={defaultQuery}
          placeholder="sciatica, deep tissue, tight shoulders"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          aria-invalid={queryError ? true : undefined}
          aria-describedby={queryError ? queryErrorId : undefined}
          className={FIELD}
        />
        {queryError ? <FieldError id={queryErrorId}>{queryError}</FieldError> : null}
      </div>
      <div>
        <label htmlFor={PLACE_ID} className={LABEL}>
          Where
        </label>
        <input
          id={PLACE_ID}
          name="place"
          type="text"
          defaultValue={defaultPlace}
          placeholder="City or ZIP, e.g. Brooklyn or 11215"
          autoComplete="address-level2"
          enterKeyHint="search"
          maxLength={120}
          aria-invalid={placeError ? true : undefined}
          aria-describedby={placeError ? placeErrorId : undefined}
          className={FIELD}
        />
        {placeError ? <FieldError id={placeErrorId}>{placeError}</FieldError> : null}
        {placeAddon}
      </div>
      {hiddenFields.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={buttonClasses('primary', 'min-h-12 px-6 text-base sm:mt-[1.625rem]')}
      >
        <SearchIcon className="size-5" />
        Search
      </button>
    </form>
  );
}
