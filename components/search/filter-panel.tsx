import { Badge } from '@/components/ui/badge';
import { ChevronDownIcon, FilterIcon } from '@/components/ui/icons';
import { PRESSURE_LABELS, languageName } from '@/lib/format';
import { AutoSubmitForm } from './auto-submit-form';
import { FacetGroup } from './facet-group';
import { carriedFields, FILTER_PARAMS, type FacetOption } from './search-links';
import { SelectField, type SelectOption } from '@/components/ui/select-field';

/** Languages therapists list most often, by their codes. */
const LANGUAGES = ['en', 'es', 'zh', 'ko', 'vi', 'ru', 'fr'] as const;

const RATING_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any rating' },
  { value: '4.5', label: '4.5 stars and up' },
  { value: '4', label: '4 stars and up' },
  { value: '3.5', label: '3.5 stars and up' },
  { value: '3', label: '3 stars and up' },
];

const MOBILE_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'At their practice or at home' },
  { value: '1', label: 'Comes to you (mobile / in-home)' },
  { value: '0', label: 'At their practice only' },
];

function pressureOptions(from: number, to: number, anyLabel: string): SelectOption[] {
  const levels = PRESSURE_LABELS.map((label, index) => ({ level: index + 1, label })).filter(
    ({ level }) => level >= from && level <= to,
  );
  return [
    { value: '', label: anyLabel },
    ...levels.map(({ level, label }) => ({ value: String(level), label: `${level} · ${label}` })),
  ];
}

function withCurrent(options: SelectOption[], value: string, label: string): SelectOption[] {
  return value === '' || options.some((option) => option.value === value)
    ? options
    : [...options, { value, label }];
}

export interface FilterPanelProps {
  /** The current search parameters. */
  params: string;
  facets: {
    condition: readonly FacetOption[];
    modality: readonly FacetOption[];
    intent: readonly FacetOption[];
  };
  minRating: number | null;
  pressureMin: number | null;
  pressureMax: number | null;
  mobile: boolean | null;
  language: string | null;
  /** Offered only when the search has a place: the radius in miles and the choices. */
  radius: { miles: number; choices: readonly number[] } | null;
  activeCount: number;
}

/**
 * Every filter of the search in one form. On small screens it folds behind "Filters"; from
 * the large breakpoint it is a sidebar, always open where the browser allows it.
 */
export function FilterPanel({
  params,
  facets,
  minRating,
  pressureMin,
  pressureMax,
  mobile,
  language,
  radius,
  activeCount,
}: FilterPanelProps) {
  const base = new URLSearchParams(params);
  // The panel sets the filter parameters; the rest are carried along.
  const own: string[] = [...FILTER_PARAMS, ...(radius ? ['radius'] : [])];
  const radiusValue = radius ? String(radius.miles) : '';
  const languageValue = language ?? '';

  return (
    <div className="relative">
      <a
        href="#results"
        className="sr-only rounded-lg bg-white px-3 py-2 text-sm font-semibold text-teal-800 shadow-sm focus:not-sr-only focus:absolute focus:top-0 focus:left-0 focus:z-10"
      >
        Skip to results
      </a>
      <details className="group/filters rounded-2xl border border-stone-200 bg-white shadow-xs lg:border-0 lg:bg-transparent lg:shadow-none lg:[&::details-content]:[content-visibility:visible]">
        <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 rounded-2xl px-4 text-sm font-semibold text-stone-900 supports-[selector(::details-content)]:lg:hidden [&::-webkit-details-marker]:hidden">
          <span className="inline-flex items-center gap-2">
            <FilterIcon className="text-teal-700" />
            Filters
            {activeCount > 0 ? <Badge tone="brand">{activeCount} on</Badge> : null}
          </span>
          <ChevronDownIcon className="text-stone-500 transition-transform group-open/filters:rotate-180" />
        </summary>
        <div className="border-t border-stone-100 p-4 lg:border-0 lg:p-0">
          <h2 className="sr-only mb-4 text-base font-semibold text-stone-900 supports-[selector(::details-content)]:lg:not-sr-only">
            Filters
          </h2>
          <AutoSubmitForm
            label="Filters"
            hiddenFields={carriedFields(base, own)}
            stateKey={params}
            submitLabel="Apply filters"
            className="flex flex-col gap-6"
          >
            {radius ? (
              <SelectField
                id="filter-radius"
                name="radius"
                label="Distance"
                value={radiusValue}
                options={withCurrent(
                  radius.choices.map((miles) => ({
                    value: String(miles),
                    label: `Within ${miles} miles`,
                  })),
                  radiusValue,
                  `Within ${radiusValue} miles`,
                )}
              />
            ) : null}
            <FacetGroup
              title="Condition"
              name="condition"
              plural="conditions"
              options={facets.condition}
              emptyText="No conditions to narrow by."
            />
            <FacetGroup
              title="Specialty"
              name="modality"
              plural="specialties"
              options={facets.modality}
              emptyText="No specialties to narrow by."
            />
            <FacetGroup
              title="Kind of session"
              name="intent"
              plural="kinds"
              options={facets.intent}
              emptyText="No kinds of session to narrow by."
            />
            <SelectField
              id="filter-rating"
              name="minRating"
              label="Rating"
              value={minRating === null ? '' : String(minRating)}
              options={withCurrent(
                [...RATING_OPTIONS],
                minRating === null ? '' : String(minRating),
                `${minRating} stars and up`,
              )}
            />
            <fieldset>
              <legend className="text-sm font-semibold text-stone-900">Pressure you want</legend>
              <p className="mt-0.5 text-xs text-stone-600">
                From 1 (light) to 5 (very firm); therapists whose range reaches it.
              </p>
              <div className="mt-2 grid grid-cols-2 gap-3">
                <SelectField
                  id="filter-pressure-min"
                  name="pressureMin"
                  label="At least"
                  value={pressureMin === null ? '' : String(pressureMin)}
                  options={pressureOptions(1, pressureMax ?? PRESSURE_LABELS.length, 'Any')}
                />
                <SelectField
                  id="filter-pressure-max"
                  name="pressureMax"
                  label="At most"
                  value={pressureMax === null ? '' : String(pressureMax)}
                  options={pressureOptions(pressureMin ?? 1, PRESSURE_LABELS.length, 'Any')}
                />
              </div>
            </fieldset>
            <SelectField
              id="filter-mobile"
              name="mobile"
              label="Where the session happens"
              value={mobile === null ? '' : mobile ? '1' : '0'}
              options={MOBILE_OPTIONS}
            />
            <SelectField
              id="filter-language"
              name="language"
              label="Language"
              value={languageValue}
              options={withCurrent(
                [
                  { value: '', label: 'Any language' },
                  ...LANGUAGES.map((code) => ({ value: code, label: languageName(code) })),
                ],
                languageValue,
                languageName(languageValue),
              )}
            />
          </AutoSubmitForm>
        </div>
      </details>
    </div>
  );
}
