/**
 * Pure helpers for the search page: the links that change one part of the search, the fields a
 * form carries to keep the rest, and the words that name a search. No I/O; the same input gives
 * the same output on the server and in the browser.
 */

export const SEARCH_PATH = '/search';

/** The filter parameters of a search (besides what, where and radius). */
export const FILTER_PARAMS = [
  'modality',
  'condition',
  'intent',
  'minRating',
  'pressureMin',
  'pressureMax',
  'mobile',
  'language',
] as const;

/** Parameters that say where to search; typing a place replaces coordinates and the reverse. */
const WHERE_PARAMS = ['place', 'lat', 'lng'] as const;

/** `/search` with the given parameters, or bare `/search` without any. */
export function searchHref(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${SEARCH_PATH}?${text}` : SEARCH_PATH;
}

type Change = string | readonly string[] | null;

/**
 * A copy of `base` with some parameters replaced (a string or a list) or removed (null). Any
 * change starts again from the first page unless `page` itself is among the changes.
 */
export function withChanges(
  base: URLSearchParams,
  changes: Readonly<Record<string, Change>>,
): URLSearchParams {
  const next = new URLSearchParams(base);
  if (!('page' in changes)) next.delete('page');
  for (const [name, value] of Object.entries(changes)) {
    if (typeof value === 'string' && value !== '') {
      next.set(name, value);
      continue;
    }
    next.delete(name);
    for (const item of value ?? []) {
      if (item !== '') next.append(name, item);
    }
  }
  return next;
}

/** A copy of `base` without one value of a repeatable parameter (or without the parameter). */
export function withoutValue(base: URLSearchParams, name: string, value?: string): URLSearchParams {
  if (value === undefined) return withChanges(base, { [name]: null });
  return withChanges(base, { [name]: base.getAll(name).filter((item) => item !== value) });
}

/** The link to a given page of results; page 1 leaves the parameter out. */
export function pageHref(base: URLSearchParams, page: number): string {
  return searchHref(withChanges(base, { page: page > 1 ? String(page) : null }));
}

/**
 * Hidden fields that carry every parameter of `base` a form does not set itself, so sending
 * the form keeps the rest of the search. The page is never carried: a new search starts at 1.
 */
export function carriedFields(
  base: URLSearchParams,
  ownNames: readonly string[],
): [name: string, value: string][] {
  const skip = new Set([...ownNames, 'page']);
  return [...base].filter(([name]) => !skip.has(name));
}

/** Form entries as search parameters: empty values dropped, files ignored, page reset. */
export function formParams(entries: Iterable<[string, FormDataEntryValue]>): URLSearchParams {
  const params = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (typeof value !== 'string' || name === 'page') continue;
    const trimmed = value.trim();
    const key = `${name}=${trimmed}`;
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    params.append(name, trimmed);
  }
  return params;
}

/** True when a value typed in the What or Where box is worth a search while typing. */
export function isLiveValue(value: string): boolean {
  const length = value.trim().length;
  return length === 0 || length >= 2;
}

/**
 * The parameters after typing in the What or Where box: the other parameters stay, a typed
 * place replaces "near my location", and the page starts again at 1.
 */
export function typedSearchParams(
  base: URLSearchParams,
  typed: { q: string; place: string },
): URLSearchParams {
  const q = typed.q.trim();
  const place = typed.place.trim();
  const placeChanged = place !== (base.get('place') ?? '');
  const next = withChanges(base, { q: q || null, place: place || null });
  if (placeChanged && place !== '') {
    for (const name of WHERE_PARAMS) if (name !== 'place') next.delete(name);
  }
  return next;
}

/** The parameters for "near my location": coordinates instead of a typed place. */
export function nearMeParams(
  base: URLSearchParams,
  point: { latitude: number; longitude: number },
): URLSearchParams {
  return withChanges(base, {
    place: null,
    lat: point.latitude.toFixed(4),
    lng: point.longitude.toFixed(4),
  });
}

/** The next radius up from `current` among `options`, or null at the widest. */
export function nextRadius(current: number, options: readonly number[]): number | null {
  return [...options].sort((a, b) => a - b).find((option) => option > current) ?? null;
}

/** "sciatica" → "Sciatica". */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

export interface HeadingInput {
  /** What was typed in the What box. */
  q: string;
  /** Names of the chosen conditions, then specialties. */
  topics: readonly string[];
  /** How the place searched is shown ("Denver, CO"), null without one. */
  placeLabel: string | null;
  /** The place came from the words typed ("acupressure near 10001"), not from the Where box. */
  placeInText: boolean;
  /** The place is the visitor's own location. */
  nearMe: boolean;
}

function joinTopics(topics: readonly string[]): string {
  if (topics.length <= 2) return topics.join(' and ');
  return `${topics.slice(0, 2).join(', ')} and more`;
}

/**
 * Names a search the way people would say it: "Sciatica near Denver, CO", "Deep tissue massage
 * near you", "Acupressure near 10001", or "All therapists" for everything.
 */
export function searchHeading(input: HeadingInput): string {
  const q = input.q.trim();
  const subject = q ? capitalize(q) : input.topics.length ? joinTopics(input.topics) : null;
  if (input.placeInText && subject) return subject;
  if (input.nearMe) return `${subject ?? 'Therapists'} near you`;
  if (input.placeLabel) return `${subject ?? 'Therapists'} near ${input.placeLabel}`;
  return subject ?? 'All therapists';
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/**
 * The options of one filter group: every value with results, plus chosen values the engine
 * left out (with a count of 0), in the engine's order.
 */
export function facetOptions(
  counts: readonly { value: string; label: string; count: number }[],
  selected: readonly string[],
  labelFor: (value: string) => string,
): FacetOption[] {
  const chosen = new Set(selected);
  const options: FacetOption[] = counts.map((facet) => ({
    value: facet.value,
    label: facet.label,
    count: facet.count,
    selected: chosen.has(facet.value),
  }));
  for (const value of selected) {
    if (!options.some((option) => option.value === value)) {
      options.push({ value, label: labelFor(value), count: 0, selected: true });
    }
  }
  return options;
}

/**
 * Splits options into those shown at first and the rest behind "Show all": the first `limit`,
 * and every chosen option wherever it falls, so a choice is never hidden.
 */
export function splitOptions(
  options: readonly FacetOption[],
  limit: number,
): { shown: FacetOption[]; rest: FacetOption[] } {
  const shown: FacetOption[] = [];
  const rest: FacetOption[] = [];
  options.forEach((option, index) => {
    if (index < limit || option.selected) shown.push(option);
    else rest.push(option);
  });
  return { shown, rest };
}

export type FilterGroup =
  'condition' | 'modality' | 'intent' | 'minRating' | 'pressure' | 'mobile' | 'language';

/** A filter in force, with the link that removes it. */
export interface ActiveFilter {
  group: FilterGroup;
  /** Unique among the active filters. */
  key: string;
  label: string;
  href: string;
}

export interface FilterState {
  modality: readonly string[];
  condition: readonly string[];
  intent: readonly string[];
  minRating: number | null;
  pressureMin: number | null;
  pressureMax: number | null;
  mobile: boolean | null;
  language: string | null;
}

export interface FilterLabels {
  modality: (slug: string) => string;
  condition: (slug: string) => string;
  intent: (value: string) => string;
  language: (code: string) => string;
  pressure: (min: number | null, max: number | null) => string;
}

/** Every filter in force, in the order the filter panel shows them. */
export function activeFilters(
  base: URLSearchParams,
  state: FilterState,
  labels: FilterLabels,
): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  const remove = (name: string, value?: string) => searchHref(withoutValue(base, name, value));
  for (const group of ['condition', 'modality', 'intent'] as const) {
    for (const value of state[group]) {
      filters.push({
        group,
        key: `${group}:${value}`,
        label: labels[group](value),
        href: remove(group, value),
      });
    }
  }
  if (state.minRating !== null) {
    filters.push({
      group: 'minRating',
      key: 'minRating',
      label: `Rated ${state.minRating} and up`,
      href: remove('minRating'),
    });
  }
  if (state.pressureMin !== null || state.pressureMax !== null) {
    filters.push({
      group: 'pressure',
      key: 'pressure',
      label: labels.pressure(state.pressureMin, state.pressureMax),
      href: searchHref(withChanges(base, { pressureMin: null, pressureMax: null })),
    });
  }
  if (state.mobile !== null) {
    filters.push({
      group: 'mobile',
      key: 'mobile',
      label: state.mobile ? 'Comes to you' : 'At their practice',
      href: remove('mobile'),
    });
  }
  if (state.language !== null) {
    filters.push({
      group: 'language',
      key: 'language',
      label: `Speaks ${labels.language(state.language)}`,
      href: remove('language'),
    });
  }
  return filters;
}

/** Filters whose effect is unknown, from the likeliest to empty a search to the least. */
const UNCOUNTED_ORDER: readonly FilterGroup[] = ['language', 'pressure', 'minRating', 'mobile'];

type CountedGroup = 'modality' | 'condition' | 'intent';

function isCounted(group: FilterGroup): group is CountedGroup {
  return group === 'modality' || group === 'condition' || group === 'intent';
}

/**
 * What to suggest removing when nothing matched. A group's choices are alternatives, so the
 * whole group is removed; without it there are at least as many results as its best count, so
 * the group with the highest count surely helps. Otherwise the filter likeliest to be narrowest.
 */
export function filterToRemove(
  base: URLSearchParams,
  filters: readonly ActiveFilter[],
  groupCounts: Partial<Record<CountedGroup, number>>,
): { label: string; href: string } | null {
  let best: { group: CountedGroup; count: number } | null = null;
  for (const filter of filters) {
    if (!isCounted(filter.group)) continue;
    const count = groupCounts[filter.group] ?? 0;
    if (count > 0 && (best === null || count > best.count)) best = { group: filter.group, count };
  }
  if (best) {
    const group = best.group;
    const members = filters.filter((filter) => filter.group === group);
    return {
      label: members.map((filter) => filter.label).join(' or '),
      href: searchHref(withChanges(base, { [group]: null })),
    };
  }
  for (const group of UNCOUNTED_ORDER) {
    const found = filters.find((filter) => filter.group === group);
    if (found) return { label: found.label, href: found.href };
  }
  const first = filters[0];
  return first ? { label: first.label, href: first.href } : null;
}
