import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  carriedFields,
  facetOptions,
  filterToRemove,
  formParams,
  isLiveValue,
  nearMeParams,
  nextRadius,
  pageHref,
  searchHeading,
  searchHref,
  splitOptions,
  typedSearchParams,
  withChanges,
  withoutValue,
  type FilterLabels,
  type FilterState,
} from '@/components/search/search-links';

const params = (text: string) => new URLSearchParams(text);

describe('searchHref', () => {
  it('gives bare /search without parameters', () => {
    expect(searchHref(params(''))).toBe('/search');
    expect(searchHref(params('q=neck'))).toBe('/search?q=neck');
  });
});

describe('withChanges', () => {
  it('replaces a value where it stands, removes nulls and resets the page', () => {
    const next = withChanges(params('q=neck&place=Denver&page=3'), { q: 'back', place: null });
    expect(next.toString()).toBe('q=back');
  });

  it('writes lists as repeated parameters', () => {
    const next = withChanges(params('modality=a'), { modality: ['b', 'c'] });
    expect(next.getAll('modality')).toEqual(['b', 'c']);
  });

  it('keeps the page when the page is what changes', () => {
    expect(withChanges(params('q=neck&page=2'), { page: '3' }).get('page')).toBe('3');
  });

  it('does not change the parameters it was given', () => {
    const base = params('q=neck&page=2');
    withChanges(base, { q: null });
    expect(base.toString()).toBe('q=neck&page=2');
  });
});

describe('withoutValue', () => {
  it('removes one value of a repeated parameter', () => {
    const next = withoutValue(params('modality=a&modality=b&q=x'), 'modality', 'a');
    expect(next.getAll('modality')).toEqual(['b']);
    expect(next.get('q')).toBe('x');
  });

  it('removes the whole parameter without a value', () => {
    expect(withoutValue(params('minRating=4&q=x'), 'minRating').toString()).toBe('q=x');
  });
});

describe('pageHref', () => {
  it('keeps every other parameter and leaves page 1 out', () => {
    const base = params('q=neck&modality=shiatsu&page=4');
    expect(pageHref(base, 2)).toBe('/search?q=neck&modality=shiatsu&page=2');
    expect(pageHref(base, 1)).toBe('/search?q=neck&modality=shiatsu');
  });
});

describe('carriedFields', () => {
  it('carries what the form does not set, never the page', () => {
    const fields = carriedFields(params('q=neck&place=Denver&modality=a&page=2'), ['q', 'place']);
    expect(fields).toEqual([['modality', 'a']]);
  });
});

describe('formParams', () => {
  it('drops empty values, duplicates and the page, and trims', () => {
    const entries: [string, FormDataEntryValue][] = [
      ['q', ' neck '],
      ['minRating', ''],
      ['modality', 'a'],
      ['modality', 'a'],
      ['page', '3'],
    ];
    expect(formParams(entries).toString()).toBe('q=neck&modality=a');
  });
});

describe('isLiveValue', () => {
  it('searches while typing from two characters, or when the box is emptied', () => {
    expect(isLiveValue('')).toBe(true);
    expect(isLiveValue('  ')).toBe(true);
    expect(isLiveValue('n')).toBe(false);
    expect(isLiveValue('ne')).toBe(true);
  });
});

describe('typedSearchParams', () => {
  it('sets the typed words and keeps the filters, from the first page', () => {
    const next = typedSearchParams(params('q=neck&modality=a&page=3'), {
      q: 'back ',
      place: '',
    });
    expect(next.toString()).toBe('q=back&modality=a');
  });

  it('lets a typed place replace the visitor location', () => {
    const next = typedSearchParams(params('lat=39.7&lng=-104.9&q=neck'), {
      q: 'neck',
      place: 'Denver',
    });
    expect(next.has('lat')).toBe(false);
    expect(next.has('lng')).toBe(false);
    expect(next.get('place')).toBe('Denver');
  });

  it('keeps the visitor location while the Where box stays empty', () => {
    const next = typedSearchParams(params('lat=39.7&lng=-104.9'), { q: 'neck', place: '' });
    expect(next.get('lat')).toBe('39.7');
  });
});

describe('nearMeParams', () => {
  it('replaces the place with rounded coordinates', () => {
    const next = nearMeParams(params('place=Denver&q=neck&page=2'), {
      latitude: 39.739236,
      longitude: -104.990251,
    });
    expect(next.toString()).toBe('q=neck&lat=39.7392&lng=-104.9903');
  });
});

describe('nextRadius', () => {
  it('gives the next choice up, or null at the widest', () => {
    expect(nextRadius(10, [5, 10, 25, 50, 100])).toBe(25);
    expect(nextRadius(15, [5, 10, 25, 50, 100])).toBe(25);
    expect(nextRadius(100, [5, 10, 25, 50, 100])).toBeNull();
  });
});

describe('searchHeading', () => {
  const none = { q: '', topics: [], placeLabel: null, placeInText: false, nearMe: false };

  it('says what and where', () => {
    expect(searchHeading({ ...none, q: 'sciatica', placeLabel: 'Denver, CO' })).toBe(
      'Sciatica near Denver, CO',
    );
  });

  it('names chosen topics when nothing was typed', () => {
    expect(searchHeading({ ...none, topics: ['Sciatica'], placeLabel: 'Denver, CO' })).toBe(
      'Sciatica near Denver, CO',
    );
    expect(searchHeading({ ...none, topics: ['A', 'B', 'C'] })).toBe('A, B and more');
  });

  it('does not repeat a place already in the words', () => {
    expect(
      searchHeading({
        ...none,
        q: 'acupressure near 10001',
        placeLabel: '10001 (New York, NY)',
        placeInText: true,
      }),
    ).toBe('Acupressure near 10001');
  });

  it('speaks of the visitor location and of everything', () => {
    expect(searchHeading({ ...none, q: 'neck', nearMe: true, placeLabel: 'your location' })).toBe(
      'Neck near you',
    );
    expect(searchHeading(none)).toBe('All therapists');
    expect(searchHeading({ ...none, placeLabel: 'Denver, CO' })).toBe('Therapists near Denver, CO');
  });
});

describe('facetOptions and splitOptions', () => {
  const counts = [
    { value: 'a', label: 'A', count: 9 },
    { value: 'b', label: 'B', count: 5 },
    { value: 'c', label: 'C', count: 1 },
  ];

  it('adds chosen values the engine left out, with a count of 0', () => {
    const options = facetOptions(counts, ['c', 'z'], (value) => value.toUpperCase());
    expect(options.map((o) => [o.value, o.count, o.selected])).toEqual([
      ['a', 9, false],
      ['b', 5, false],
      ['c', 1, true],
      ['z', 0, true],
    ]);
  });

  it('never hides a chosen option behind "Show all"', () => {
    const options = facetOptions(counts, ['c'], (value) => value);
    const { shown, rest } = splitOptions(options, 1);
    expect(shown.map((o) => o.value)).toEqual(['a', 'c']);
    expect(rest.map((o) => o.value)).toEqual(['b']);
  });
});

describe('activeFilters and filterToRemove', () => {
  const labels: FilterLabels = {
    modality: (slug) => `m:${slug}`,
    condition: (slug) => `c:${slug}`,
    intent: (value) => `i:${value}`,
    language: (code) => `l:${code}`,
    pressure: (min, max) => `p:${min}-${max}`,
  };
  const state: FilterState = {
    modality: ['shiatsu'],
    condition: ['sciatica', 'neck-pain'],
    intent: [],
    minRating: 4,
    pressureMin: 2,
    pressureMax: null,
    mobile: true,
    language: 'es',
  };
  const base = params(
    'q=x&modality=shiatsu&condition=sciatica&condition=neck-pain&minRating=4&pressureMin=2&mobile=1&language=es',
  );

  it('lists each filter with a link that removes only it', () => {
    const filters = activeFilters(base, state, labels);
    expect(filters.map((f) => f.label)).toEqual([
      'c:sciatica',
      'c:neck-pain',
      'm:shiatsu',
      'Rated 4 and up',
      'p:2-null',
      'Comes to you',
      'Speaks l:es',
    ]);
    const sciatica = filters[0]!;
    expect(new URL(sciatica.href, 'http://x').searchParams.getAll('condition')).toEqual([
      'neck-pain',
    ]);
  });

  it('suggests removing the counted group with the most results, the whole group at once', () => {
    const filters = activeFilters(base, state, labels);
    const removal = filterToRemove(base, filters, { condition: 12, modality: 3 });
    expect(removal?.label).toBe('c:sciatica or c:neck-pain');
    const url = new URL(removal?.href ?? '', 'http://x');
    expect(url.searchParams.has('condition')).toBe(false);
    expect(url.searchParams.get('modality')).toBe('shiatsu');
  });

  it('falls back to the filter likeliest to be narrowest without counts', () => {
    const filters = activeFilters(base, state, labels);
    expect(filterToRemove(base, filters, {})?.label).toBe('Speaks l:es');
  });

  it('has nothing to suggest without filters', () => {
    expect(filterToRemove(params('q=x'), [], {})).toBeNull();
  });
});
