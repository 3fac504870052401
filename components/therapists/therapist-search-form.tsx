import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { SearchIcon } from '@/components/ui/icons';

const FIELD =
  'block min-h-12 w-full rounded-xl border border-stone-300 bg-white px-4 text-base text-stone-900 shadow-xs placeholder:text-stone-500 focus:border-teal-700 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-teal-700';
const LABEL = 'mb-1.5 block text-sm font-semibold text-stone-800';

interface TherapistSearchFormProps {
  defaultQuery?: string;
  defaultPlace?: string;
  className?: string;
}

/** "What" and "Where", sent by GET to /search as q and place. Works without JavaScript. */
export function TherapistSearchForm({
  defaultQuery,
  defaultPlace,
  className,
}: TherapistSearchFormProps) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Find a therapist"
      className={cn(
        'grid gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_1fr_auto] sm:items-end sm:p-5',
        className,
      )}
    >
      <div>
        <label htmlFor="search-q" className={LABEL}>
          What
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={defaultQuery}
          placeholder="sciatica, deep tissue, tight shoulders"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          className={FIELD}
        />
      </div>
      <div>
        <label htmlFor="search-place" className={LABEL}>
          Where
        </label>
        <input
          id="search-place"
          name="place"
          type="text"
          defaultValue={defaultPlace}
          placeholder="City or ZIP, e.g. Brooklyn or 11215"
          autoComplete="address-level2"
          enterKeyHint="search"
          maxLength={120}
          className={FIELD}
        />
      </div>
      <button type="submit" className={buttonClasses('primary', 'min-h-12 px-6 text-base')}>
        <SearchIcon className="size-5" />
        Search
      </button>
    </form>
  );
}
