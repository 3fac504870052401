import { describe, expect, it } from 'vitest';
import { MODALITIES } from '@/db/taxonomy';
import {
  DEFAULT_PAGE_SIZE,
  parseSearchQuery,
  toSearchParams,
  type SearchQuery,
} from '@/lib/search/query';

const DEFAULTS: SearchQuery = {
  q: '',
  modality: [],
  condition: [],
  intent: [],
  place: null,
  near: null,
  radiusMiles: null,
  minRating: null,
  pressureMin: null,
  pressureMax: null,
  mobile: null,
  language: null,
  sort: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

function parsed(params: Parameters<typeof parseSearchQuery>[0]): SearchQuery {
  const result = parseSearchQuery(params);
  if (!result.ok) throw new Error(`Expected a valid query, got ${JSON.stringify(result.issues)}`);
  return result.query;
}

function badParameters(params: Parameters<typeof parseSearchQuery>[0]): string[] {
  const result = parseSearchQuery(params);
  if (result.ok) throw new Error(`Expected issues, got ${JSON.stringify(result.query)}`);
  return result.issues.map((issue) => issue.parameter);
}

const url = (text: string) => new URLSearchParams(text);

describe('parseSearchQuery', () => {
  it('gives the defaults for no parameters', () => {
    expect(parsed(url(''))).toEqual(DEFAULTS);
    expect(parsed({})).toEqual(DEFAULTS);
  });

  it('reads every parameter from the URL', () => {
    expect(
      parsed(
        url(
          'q=deep+tissue&modality=shiatsu&condition=neck-pain&intent=relaxation&place=Denver%2C+CO' +
            '&radius=10&minRating=4.5&pressureMin=2&pressureMax=4&mobile=1&language=es' +
            '&sort=rating&page=3&pageSize=20',
        ),
      ),
    ).toEqual({
      q: 'deep tissue',
      modality: ['shiatsu'],
      condition: ['neck-pain'],
      intent: ['relaxation'],
      place: 'Denver, CO',
      near: null,
      radiusMiles: 10,
      minRating: 4.5,
      pressureMin: 2,
      pressureMax: 4,
      mobile: true,
      language: 'es',
      sort: 'rating',
      page: 3,
      pageSize: 20,
    });
  });

  it('reads coordinates as a point to search near', () => {
    expect(parsed(url('lat=39.7392&lng=-104.9847')).near).toEqual({
      latitude: 39.7392,
      longitude: -104.9847,
    });
  });

  it('reads repeated and comma-separated lists, deduplicated, in order', () => {
    expect(parsed(url('modality=shiatsu&modality=deep-tissue,shiatsu')).modality).toEqual([
      'shiatsu',
      'deep-tissue',
    ]);
    expect(
      parsed({ condition: ['neck-pain', ' sciatica , neck-pain ', ''], intent: 'rehab,,sports' }),
    ).toMatchObject({ condition: ['neck-pain', 'sciatica'], intent: ['rehab', 'sports'] });
  });

  it('takes the last value of a repeated single parameter', () => {
    expect(parsed(url('q=first&q=second')).q).toBe('second');
    expect(parsed({ sort: ['rating', 'distance'] }).sort).toBe('distance');
  });

  it('trims and NFKC-normalises text', () => {
    expect(parsed({ q: '  ｎｅｃｋ　pain  ' }).q).toBe('neck pain');
    expect(parsed({ place: ' Denver ' }).place).toBe('Denver');
    expect(parsed({ q: '   ' }).q).toBe('');
    expect(parsed({ place: '' }).place).toBeNull();
  });

  it('removes control characters from the text', () => {
    expect(parsed(url('q=%00neck%07pain%0A')).q).toBe('neck pain');
    expect(parsed({ q: '\tknots\u001b' }).q).toBe('knots');
  });

  it('reads the mobile flag as 1/0 or true/false', () => {
    expect(parsed({ mobile: '1' }).mobile).toBe(true);
    expect(parsed({ mobile: 'true' }).mobile).toBe(true);
    expect(parsed({ mobile: '0' }).mobile).toBe(false);
    expect(parsed({ mobile: 'false' }).mobile).toBe(false);
  });

  it('ignores unknown parameters', () => {
    expect(parsed(url('utm_source=mail&foo=bar&q=knots'))).toEqual({ ...DEFAULTS, q: 'knots' });
  });

  it.each([
    ['modality', { modality: 'reiki' }],
    ['modality', { modality: 'shiatsu,reiki' }],
    ['modality', { modality: MODALITIES.slice(0, 21).map((m) => m.slug) }],
    ['condition', { condition: 'broken-heart' }],
    ['intent', { intent: 'fun' }],
    ['radius', { radius: '0' }],
    ['radius', { radius: '101' }],
    ['radius', { radius: 'far' }],
    ['minRating', { minRating: '0.5' }],
    ['minRating', { minRating: '6' }],
    ['pressureMin', { pressureMin: '0' }],
    ['pressureMin', { pressureMin: '2.5' }],
    ['pressureMax', { pressureMax: '6' }],
    ['pressureMin', { pressureMin: '4', pressureMax: '2' }],
    ['sort', { sort: 'cheapest' }],
    ['page', { page: '0' }],
    ['page', { page: '101' }],
    ['page', { page: '1.5' }],
    ['pageSize', { pageSize: '0' }],
    ['pageSize', { pageSize: '51' }],
    ['lat', { lat: '91', lng: '0' }],
    ['lng', { lat: '0', lng: '-181' }],
    ['lat', { lat: 'north', lng: '0' }],
    ['lng', { lat: '40.75' }],
    ['lat', { lng: '-74' }],
    ['q', { q: 'x'.repeat(201) }],
    ['place', { place: 'x'.repeat(101) }],
    ['mobile', { mobile: 'yes' }],
    ['mobile', { mobile: '2' }],
    ['language', { language: 'english' }],
    ['language', { language: 'e1' }],
  ] as const)('names %s as the bad parameter in %j', (parameter, params) => {
    expect(badParameters(params)).toEqual([parameter]);
  });

  it('gives a message for each bad parameter', () => {
    const result = parseSearchQuery({ radius: '500', pressureMin: '4', pressureMax: '2' });
    expect(result).toEqual({
      ok: false,
      issues: [{ parameter: 'radius', message: 'Radius must be between 1 and 100 miles' }],
    });
    expect(parseSearchQuery({ pressureMin: '4', pressureMax: '2' })).toEqual({
      ok: false,
      issues: [
        { parameter: 'pressureMin', message: 'Lightest pressure must not exceed the firmest' },
      ],
    });
    expect(parseSearchQuery({ lat: '40' })).toEqual({
      ok: false,
      issues: [{ parameter: 'lng', message: 'Give both latitude and longitude' }],
    });
  });

  it('names every bad parameter at once', () => {
    expect(
      badParameters({
        q: 'x'.repeat(201),
        modality: 'reiki',
        condition: 'nope',
        intent: 'fun',
        radius: '0',
        minRating: '9',
        mobile: 'maybe',
        language: 'EN-us',
        sort: 'price',
        page: '-1',
        pageSize: '1000',
      }).sort(),
    ).toEqual(
      [
        'q',
        'modality',
        'condition',
        'intent',
        'radius',
        'minRating',
        'mobile',
        'language',
        'sort',
        'page',
        'pageSize',
      ].sort(),
    );
  });

  it('accepts equal lightest and firmest pressure', () => {
    expect(parsed({ pressureMin: '3', pressureMax: '3' })).toMatchObject({
      pressureMin: 3,
      pressureMax: 3,
    });
  });
});

describe('toSearchParams', () => {
  it.each([
    '',
    'q=deep+tissue&place=Denver%2C+CO&radius=10&sort=distance',
    'modality=shiatsu,acupressure-firm&condition=neck-pain&condition=tension-headache' +
      '&intent=relaxation&minRating=4.5&pressureMin=2&pressureMax=4&mobile=0&language=es' +
      '&page=3&pageSize=20',
    'q=knots+in+my+shoulders&lat=39.7392&lng=-104.9847&radius=5&mobile=1&sort=relief',
    'q=%20%20tech%20neck%20&modality=deep-tissue&modality=deep-tissue&page=1&pageSize=10',
  ])('round-trips %j', (text) => {
    const query = parsed(url(text));
    expect(parsed(toSearchParams(query))).toEqual(query);
  });

  it('leaves defaults out', () => {
    expect(toSearchParams(DEFAULTS).toString()).toBe('');
    expect(toSearchParams(parsed(url('page=1&pageSize=10&q=+&modality='))).toString()).toBe('');
    expect(toSearchParams({}).toString()).toBe('');
  });

  it('writes lists as repeated parameters and keeps an explicit mobile=0', () => {
    const params = toSearchParams({
      ...DEFAULTS,
      q: 'neck pain',
      modality: ['shiatsu', 'deep-tissue'],
      mobile: false,
      page: 2,
    });
    expect(params.getAll('modality')).toEqual(['shiatsu', 'deep-tissue']);
    expect(params.get('q')).toBe('neck pain');
    expect(params.get('mobile')).toBe('0');
    expect(params.get('page')).toBe('2');
    expect(params.has('pageSize')).toBe(false);
    expect(params.has('sort')).toBe(false);
  });

  it('writes coordinates to four decimals', () => {
    const params = toSearchParams({ near: { latitude: 39.7392, longitude: -104.98471234 } });
    expect(params.get('lat')).toBe('39.7392');
    expect(params.get('lng')).toBe('-104.9847');
  });
});
