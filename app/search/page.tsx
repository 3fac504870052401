import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { after, connection } from 'next/server';
import { cache } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { TherapistGrid } from '@/components/therapists/therapist-grid';
import { TopicLinks } from '@/components/therapists/topic-links';
import { ActiveFilterList } from '@/components/search/active-filter-list';
import { FilterPanel } from '@/components/search/filter-panel';
import { ParameterIssues, type ParameterProblem } from '@/components/search/parameter-issues';
import { ResultsRegion } from '@/components/search/results-region';
import { ResultsStatus } from '@/components/search/results-status';
import { SearchBar } from '@/components/search/search-bar';
import { NoResults, PastLastPage, PlaceNotFound } from '@/components/search/search-empty-states';
import {
  SEARCH_PATH,
  activeFilters,
  carriedFields,
  facetOptions,
  filterToRemove,
  nextRadius,
  pageHref,
  searchHeading,
  searchHref,
  withChanges,
  withoutValue,
  type FacetOption,
  type FilterLabels,
  FILTER_PARAMS,
} from '@/components/search/search-links';
import { SearchNavigationProvider } from '@/components/search/search-navigation';
import { SortForm } from '@/components/search/sort-form';
import { INTENTS } from '@/db/schema/enums';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { AppError } from '@/lib/errors';
import { recordSearchAppearancesBySlug } from '@/lib/insights/counts';
import { isLikelyBot, isPrefetchRequest } from '@/lib/insights/visits';
import {
  INTENT_LABELS,
  languageName,
  pluralize,
  pressureLabel,
  shortTaxonomyName,
} from '@/lib/format';
import { clientAddress, consumeRateLimit, searchRateLimit } from '@/lib/rate-limit';
import { searchTherapists, type SearchResult } from '@/lib/search';
import { FACET_LABELS } from '@/lib/search/facets';
import {
  DEFAULT_RADIUS_MILES,
  KM_PER_MILE,
  MAX_PAGE,
  RADIUS_MILES,
  parseSearchQuery,
  toSearchParams,
  type ParameterIssue,
  type SearchQuery,
} from '@/lib/search/query';
import type { FacetCount } from '@/lib/search/types';

type RawParams = Record<string, string | string[] | undefined>;

interface SearchPageProps {
  searchParams: Promise<RawParams>;
}

const RESULTS_ID = 'results';

/** Conditions offered for browsing when a search found nothing. */
const BROWSE_CONDITIONS = CONDITIONS.slice(0, 8).map(({ slug, name }) => ({ slug, name }));

/** What each parameter is called on the page, for messages about it. */
const PARAMETER_LABELS: Record<string, string> = {
  q: 'What',
  place: 'Where',
  modality: 'Specialty',
  condition: 'Condition',
  intent: 'Kind of session',
  lat: 'Your location',
  lng: 'Your location',
  radius: 'Distance',
  minRating: 'Rating',
  pressureMin: 'Pressure',
  pressureMax: 'Pressure',
  mobile: 'Where the session happens',
  language: 'Language',
  sort: 'Sort',
  page: 'Page',
  pageSize: 'Results per page',
};

/** Parameters that make one setting: a problem with one drops both. */
const COUPLED: Record<string, readonly string[]> = {
  lat: ['lat', 'lng'],
  lng: ['lat', 'lng'],
  pressureMin: ['pressureMin', 'pressureMax'],
  pressureMax: ['pressureMin', 'pressureMax'],
};

/** The values each list parameter accepts; unknown ones are dropped, the others kept. */
const KNOWN_VALUES: Record<string, ReadonlySet<string>> = {
  modality: new Set(MODALITIES.map((m) => m.slug)),
  condition: new Set(CONDITIONS.map((c) => c.slug)),
  intent: new Set<string>(INTENTS),
};

/** The address without the parameter at fault: for a list, only its unknown values go. */
function withoutProblem(address: URLSearchParams, parameter: string): URLSearchParams {
  const known = KNOWN_VALUES[parameter];
  if (known) {
    const kept = address
      .getAll(parameter)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => known.has(value));
    return withChanges(address, { [parameter]: kept });
  }
  const names = COUPLED[parameter] ?? [parameter];
  return withChanges(address, Object.fromEntries(names.map((name) => [name, null])));
}

const modalityNames = new Map(MODALITIES.map((m) => [m.slug, shortTaxonomyName(m.name)]));
const conditionNames = FACET_LABELS.condition;

function intentName(value: string): string {
  const intent = INTENTS.find((known) => known === value);
  return intent ? INTENT_LABELS[intent] : value;
}

function pressureFilterLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) {
    return min === max
      ? `${pressureLabel(min)} pressure`
      : `${pressureLabel(min)} to ${pressureLabel(max).toLowerCase()} pressure`;
  }
  if (min !== null) return `Pressure ${pressureLabel(min).toLowerCase()} or firmer`;
  return `Pressure ${pressureLabel(max ?? 1).toLowerCase()} or lighter`;
}

const FILTER_LABELS: FilterLabels = {
  modality: (slug) => modalityNames.get(slug) ?? slug,
  condition: (slug) => conditionNames.get(slug) ?? slug,
  intent: intentName,
  language: languageName,
  pressure: pressureFilterLabel,
};

function toAddress(raw: RawParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  return params;
}

/** The value of a parameter as the boxes show it (the last one wins, as the query model has it). */
function typedValue(address: URLSearchParams, name: string): string {
  const values = address.getAll(name);
  return values[values.length - 1] ?? '';
}

/**
 * Parses the address, dropping each parameter that fails validation so the rest still
 * searches; the dropped ones are reported.
 */
function parseLeniently(address: URLSearchParams): {
  query: SearchQuery;
  issues: ParameterIssue[];
} {
  let working = new URLSearchParams(address);
  const issues: ParameterIssue[] = [];
  for (let round = 0; round < Object.keys(PARAMETER_LABELS).length; round += 1) {
    const parsed = parseSearchQuery(working);
    if (parsed.ok) return { query: parsed.query, issues };
    for (const issue of parsed.issues) {
      if (!issues.some((known) => known.parameter === issue.parameter)) issues.push(issue);
      const without = withoutProblem(working, issue.parameter);
      working =
        without.toString() === working.toString()
          ? withChanges(working, { [issue.parameter]: null })
          : without;
    }
  }
  const empty = parseSearchQuery(new URLSearchParams());
  if (!empty.ok) throw new Error('An empty search must parse');
  return { query: empty.query, issues };
}

type Outcome =
  | { kind: 'results'; result: SearchResult; distanceNeedsPlace: boolean }
  | { kind: 'place-not-found'; place: string }
  | { kind: 'invalid'; issues: ParameterIssue[] }
  | { kind: 'rate-limited'; retryAfter: number };

async function runSearch(query: SearchQuery): Promise<Outcome> {
  try {
    return { kind: 'results', result: await searchTherapists(query), distanceNeedsPlace: false };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    if (error.issues.some((issue) => issue.field === 'place')) {
      return { kind: 'place-not-found', place: query.place ?? '' };
    }
    if (query.sort === 'distance' && error.issues.some((issue) => issue.field === 'sort')) {
      const retried = await runSearch({ ...query, sort: null });
      return retried.kind === 'results' ? { ...retried, distanceNeedsPlace: true } : retried;
    }
    return {
      kind: 'invalid',
      issues: error.issues.map((issue) => ({ parameter: issue.field, message: issue.message })),
    };
  }
}

async function limitedSearch(query: SearchQuery): Promise<Outcome> {
  try {
    await consumeRateLimit(searchRateLimit(), clientAddress(await headers()));
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') {
      return { kind: 'rate-limited', retryAfter: error.retryAfter ?? 60 };
    }
    throw error;
  }
  return runSearch(query);
}

const loadSearch = cache(async (address: string) => {
  await connection();
  const { query, issues } = parseLeniently(new URLSearchParams(address));
  const outcome = await limitedSearch(query);
  return { query, issues, outcome };
});

type Loaded = Awaited<ReturnType<typeof loadSearch>>;

function headingFor({ query, outcome }: Loaded): string {
  const place = outcome.kind === 'results' ? outcome.result.place : null;
  const unknownPlace = outcome.kind === 'place-not-found' ? `“${outcome.place}”` : null;
  return searchHeading({
    q: query.q,
    topics: [
      ...query.condition.map(FILTER_LABELS.condition),
      ...query.modality.map(FILTER_LABELS.modality),
    ],
    placeLabel: place?.label ?? unknownPlace,
    placeInText: place !== null && query.place === null && query.near === null,
    nearMe: query.near !== null,
  });
}

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const loaded = await loadSearch(toAddress(await searchParams).toString());
  const heading = headingFor(loaded);
  const page = loaded.outcome.kind === 'results' ? loaded.outcome.result.page : 1;
  return {
    title: page > 1 ? `${heading}, page ${page}` : heading,
    description:
      'Massage and bodywork therapists, with reviews that say whether the pain went away and stayed away.',
  };
}

function facetsFor(
  query: SearchQuery,
  facets: SearchResult['facets'] | null,
): { condition: FacetOption[]; modality: FacetOption[]; intent: FacetOption[] } {
  return {
    condition: facetOptions(facets?.condition ?? [], query.condition, FILTER_LABELS.condition),
    modality: facetOptions(facets?.modality ?? [], query.modality, FILTER_LABELS.modality),
    intent: facetOptions(facets?.intent ?? [], query.intent, FILTER_LABELS.intent),
  };
}

function problemsFor(
  issues: readonly ParameterIssue[],
  address: URLSearchParams,
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const issue of issues) {
    if (issue.parameter === 'q' || issue.parameter === 'place') continue;
    const label = PARAMETER_LABELS[issue.parameter] ?? issue.parameter;
    if (problems.some((problem) => problem.label === label)) continue;
    const removeHref = searchHref(withoutProblem(address, issue.parameter));
    problems.push({ label, message: issue.message, removeHref });
  }
  return problems;
}

function miles(km: number): number {
  return Math.round(km / KM_PER_MILE);
}

/** Ways out of an empty result, the likeliest to find someone first. */
function suggestionsFor(
  query: SearchQuery,
  canonical: URLSearchParams,
  result: SearchResult,
): { href: string; label: string }[] {
  const suggestions: { href: string; label: string }[] = [];
  const filters = activeFilters(canonical, query, FILTER_LABELS);
  const groupBest = (list: FacetCount[]) => Math.max(0, ...list.map((facet) => facet.count));
  const removal = filterToRemove(canonical, filters, {
    modality: groupBest(result.facets.modality),
    condition: groupBest(result.facets.condition),
    intent: groupBest(result.facets.intent),
  });
  if (removal) {
    suggestions.push({ href: removal.href, label: `Remove the filter “${removal.label}”` });
  }
  if (query.q && (filters.length > 0 || result.place)) {
    suggestions.push({
      href: searchHref(withoutValue(canonical, 'q')),
      label: `Search without the words “${query.q}”`,
    });
  }
  const widest = Math.max(...RADIUS_MILES);
  if (result.place && result.radiusKm !== null && miles(result.radiusKm) >= widest) {
    suggestions.push({
      href: searchHref(
        withChanges(canonical, { place: null, lat: null, lng: null, radius: null, sort: null }),
      ),
      label: 'Search everywhere',
    });
  }
  return suggestions;
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  await connection();
  const address = toAddress(await searchParams);
  const loaded = await loadSearch(address.toString());
  const { query, issues, outcome } = loaded;
  const canonical = toSearchParams(query);
  const params = canonical.toString();
  const result = outcome.kind === 'results' ? outcome.result : null;
  const heading = headingFor(loaded);

  const issueFor = (name: string) => issues.find((issue) => issue.parameter === name)?.message;
  const problems = problemsFor(
    outcome.kind === 'invalid' ? [...issues, ...outcome.issues] : issues,
    address,
  );

  const placeError =
    outcome.kind === 'place-not-found' ? (
      <>
        <p className="font-medium">We could not find “{outcome.place}”.</p>
        <p className="text-stone-700">Try a city and state (Denver, CO) or a 5-digit ZIP code.</p>
      </>
    ) : (
      issueFor('place')
    );

  const hasPlace = Boolean(result?.place) || query.place !== null || query.near !== null;
  const radiusMiles = result?.radiusKm
    ? miles(result.radiusKm)
    : (query.radiusMiles ?? DEFAULT_RADIUS_MILES);
  const filters = activeFilters(canonical, query, FILTER_LABELS);
  const clearFiltersHref = searchHref(
    withChanges(canonical, Object.fromEntries(FILTER_PARAMS.map((name) => [name, null]))),
  );
  const whereOnly = new URLSearchParams(
    [...canonical].filter(([name]) => ['place', 'lat', 'lng', 'radius'].includes(name)),
  );
  const lastPage = result ? Math.min(result.pageCount, MAX_PAGE) : 1;
  const corrected =
    result?.correctedText &&
    result.correctedText.trim().toLowerCase() !== query.q.trim().toLowerCase()
      ? result.correctedText
      : null;

  const summary = result
    ? `${pluralize(result.total, 'therapist')} found${
        result.place && result.radiusKm !== null
          ? ` within ${miles(result.radiusKm)} miles of ${result.place.label}`
          : ''
      }`
    : outcome.kind === 'place-not-found'
      ? 'No results: the place was not found'
      : 'This search could not run';

  const wider = result?.place ? nextRadius(radiusMiles, RADIUS_MILES) : null;

  // Each listing on this page of results counts one appearance, after the response is sent so
  // that counting never slows or breaks the page. Only totals are kept, never the visitor.
  if (result && result.hits.length > 0) {
    const request = await headers();
    if (!isLikelyBot(request.get('user-agent')) && !isPrefetchRequest(request)) {
      const slugs = result.hits.map((hit) => hit.slug);
      after(() => recordSearchAppearancesBySlug(slugs));
    }
  }

  return (
    <SearchNavigationProvider>
      <Container className="py-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight text-balance text-stone-900 sm:text-3xl">
          {heading}
        </h1>

        <ParameterIssues problems={problems} resultsShown={result !== null} className="mt-4" />

        <SearchBar
          className="mt-4"
          query={typedValue(address, 'q')}
          place={typedValue(address, 'place')}
          baseParams={params}
          hiddenFields={carriedFields(canonical, ['q', 'place'])}
          queryError={issueFor('q')}
          placeError={placeError}
          nearMe={
            query.near
              ? {
                  clearHref: searchHref(
                    withChanges(canonical, { lat: null, lng: null, sort: null }),
                  ),
                }
              : null
          }
        />

        <div className="mt-6 grid gap-6 lg:mt-8 lg:grid-cols-[17rem_minmax(0,1fr)] lg:items-start lg:gap-10">
          <FilterPanel
            params={params}
            facets={facetsFor(query, result?.facets ?? null)}
            minRating={query.minRating}
            pressureMin={query.pressureMin}
            pressureMax={query.pressureMax}
            mobile={query.mobile}
            language={query.language}
            radius={hasPlace ? { miles: radiusMiles, choices: RADIUS_MILES } : null}
            activeCount={filters.length}
          />

          <section
            id={RESULTS_ID}
            aria-labelledby="results-heading"
            tabIndex={-1}
            className="min-w-0 scroll-mt-4 focus:outline-none"
          >
            <h2 id="results-heading" className="sr-only">
              Results
            </h2>
            <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
              <div className="min-w-0 flex-1 basis-64">
                <ResultsStatus
                  summary={summary}
                  detail={result ? `answered in ${Math.round(result.elapsedMs)} ms` : undefined}
                />
                {result ? (
                  <ul className="mt-1 space-y-0.5 text-sm text-stone-700 empty:hidden">
                    {corrected ? (
                      <li>
                        Showing results for <strong className="font-semibold">{corrected}</strong>
                      </li>
                    ) : null}
                    {result.relaxed ? (
                      <li>No therapist matched every word; showing close matches.</li>
                    ) : null}
                    {outcome.kind === 'results' && outcome.distanceNeedsPlace ? (
                      <li>Sorting by distance needs a place, so these are sorted by relevance.</li>
                    ) : null}
                    {result.fallback ? (
                      <li className="text-xs text-stone-600">
                        Search fell back to the built-in engine.
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </div>
              {result ? (
                <SortForm
                  params={params}
                  sort={result.sort}
                  hasPlace={result.place !== null}
                  className="w-full sm:w-auto sm:min-w-72"
                />
              ) : null}
            </div>

            <ActiveFilterList filters={filters} clearHref={clearFiltersHref} className="mt-4" />

            <ResultsRegion sectionId={RESULTS_ID} resultsKey={params} className="mt-4">
              {outcome.kind === 'place-not-found' ? (
                <PlaceNotFound
                  place={outcome.place}
                  everywhereHref={searchHref(withChanges(canonical, { place: null, sort: null }))}
                />
              ) : outcome.kind === 'rate-limited' ? (
                <EmptyState
                  title="Too many searches from here just now"
                  action={<ButtonLink href={`${SEARCH_PATH}?${params}`}>Try again</ButtonLink>}
                >
                  <p>Please wait about {outcome.retryAfter} seconds, then try again.</p>
                </EmptyState>
              ) : !result ? (
                <EmptyState
                  title="This search could not run"
                  action={<ButtonLink href={SEARCH_PATH}>Start a new search</ButtonLink>}
                >
                  <p>Remove the settings named above, or start again.</p>
                </EmptyState>
              ) : result.hits.length > 0 ? (
                <TherapistGrid
                  therapists={result.hits}
                  columns="narrow"
                  emptyTitle="No therapists matched this search"
                />
              ) : result.total > 0 ? (
                <PastLastPage
                  page={result.page}
                  lastPage={lastPage}
                  lastPageHref={pageHref(canonical, lastPage)}
                />
              ) : (
                <div className="space-y-8">
                  <NoResults
                    within={
                      result.place
                        ? {
                            miles: radiusMiles,
                            placeLabel: result.place.label,
                            wider:
                              wider === null
                                ? null
                                : {
                                    miles: wider,
                                    href: searchHref(
                                      withChanges(canonical, { radius: String(wider) }),
                                    ),
                                  },
                          }
                        : null
                    }
                    suggestions={suggestionsFor(query, canonical, result)}
                    correctedText={corrected}
                  />
                  <TopicLinks
                    title="Or browse by the problem you have"
                    param="condition"
                    topics={BROWSE_CONDITIONS}
                    headingLevel="h3"
                    hrefFor={(slug) => searchHref(withChanges(whereOnly, { condition: slug }))}
                  />
                </div>
              )}
            </ResultsRegion>

            {result && result.hits.length > 0 ? (
              <Pagination
                className="mt-8"
                page={result.page}
                pageCount={lastPage}
                hrefFor={(page) => pageHref(canonical, page)}
                label="Result pages"
              />
            ) : null}
          </section>
        </div>
      </Container>
    </SearchNavigationProvider>
  );
}
