/**
 * The search behaviour suite: what a seeker gets for what they type and pick. Runs on the
 * Postgres engine over the embedded database, and over real Postgres when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { distanceKm } from '@/lib/geo';
import { searchTherapists, setSearchEngines } from '@/lib/search';
import { segmentsToString } from '@/lib/search/highlight';
import { drainAll, reindexAll } from '@/lib/search/indexer';
import { parseSearchQuery, type SearchQuery } from '@/lib/search/query';
import { createTestDatabase, type TestDatabase } from '../support/database';
import {
  createSearchFixture,
  keysOf,
  PLACES,
  setHidden,
  type SearchFixture,
} from '../support/search-fixture';

let database: TestDatabase;
let fixture: SearchFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  setSearchEngines(undefined);
  fixture = await createSearchFixture(database.db);
  await reindexAll();
  await drainAll();
});

afterAll(async () => {
  await database.dispose();
});

function query(params: Record<string, string | string[]>): SearchQuery {
  const parsed = parseSearchQuery(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.query;
}

async function search(params: Record<string, string | string[]>) {
  const result = await searchTherapists(query(params));
  return {
    ...result,
    keys: keysOf(
      fixture,
      result.hits.map((h) => h.slug),
    ),
  };
}

describe('free text', () => {
  it('finds therapists by name', async () => {
    const r = await search({ q: 'Marco Rodriguez' });
    expect(r.keys[0]).toBe('trigger');
    expect(r.engine).toBe('postgres');
    expect(r.fallback).toBe(false);
    expect(r.elapsedMs).toBeGreaterThan(0);
  });

  it('matches prefixes while typing', async () => {
    expect((await search({ q: 'Rodr' })).keys).toContain('trigger');
    expect((await search({ q: 'Watan' })).keys).toEqual(['shiatsu']);
  });

  it('corrects typos against the indexed vocabulary', async () => {
    const r = await search({ q: 'deep tisue' });
    expect(r.correctedText).toBe('deep tissue');
    expect(r.keys.slice(0, 3)).toEqual(expect.arrayContaining(['deep']));
    expect(r.keys).not.toContain('shiatsu');
    const name = await search({ q: 'Rodriguex' });
    expect(name.correctedText).toBe('rodriguez');
    expect(name.keys[0]).toBe('trigger');
  });

  it('relaxes to some of the words when no listing has all of them', async () => {
    const r = await search({ q: 'shiatsu qwxzv' });
    expect(r.relaxed).toBe(true);
    expect(r.keys[0]).toBe('shiatsu');
  });

  it('ignores words the text index ignores ("what about"), instead of finding nothing', async () => {
    const all = await search({});
    expect((await search({ q: 'what about' })).total).toBe(all.total);
  });

  it('finds nothing for words nobody used, without erroring', async () => {
    const r = await search({ q: 'xylophone' });
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
  });
});

describe('synonyms from the taxonomy', () => {
  it('"pain down my leg" finds sciatica', async () => {
    expect((await search({ q: 'pain down my leg' })).keys[0]).toBe('sciatica');
  });

  it('"knots" finds trigger point therapy', async () => {
    expect((await search({ q: 'knots' })).keys[0]).toBe('trigger');
  });

  it('"lumbar" finds lower back pain', async () => {
    const r = await search({ q: 'lumbar' });
    expect(r.keys).toEqual(expect.arrayContaining(['deep', 'sciatica']));
    expect(r.keys).not.toContain('shiatsu');
  });

  it('shiatsu belongs with the acupressure family, shiatsu itself first', async () => {
    const r = await search({ q: 'shiatsu' });
    expect(r.keys[0]).toBe('shiatsu');
    expect(r.keys).toEqual(expect.arrayContaining(['acupressure', 'lighttouch']));
    expect(r.keys).not.toContain('deep');
  });

  it('"acupressure" finds the firm and light-touch forms and shiatsu', async () => {
    const r = await search({ q: 'acupressure' });
    expect(new Set(r.keys)).toEqual(new Set(['acupressure', 'lighttouch', 'shiatsu']));
  });

  it('generic words ("massage therapist") do not narrow anything', async () => {
    const all = await search({});
    const generic = await search({ q: 'massage therapist' });
    expect(generic.total).toBe(all.total);
  });
});

describe('filters', () => {
  it('filters by specialty, condition and intent (any of the chosen values)', async () => {
    expect(new Set((await search({ modality: ['shiatsu', 'tui-na'] })).keys)).toEqual(
      new Set(['shiatsu', 'acupressure']),
    );
    expect(new Set((await search({ condition: 'sciatica' })).keys)).toEqual(new Set(['sciatica']));
    expect(new Set((await search({ intent: 'sports' })).keys)).toEqual(new Set(['sports']));
  });

  it('filters by minimum rating, pressure range, mobile service and language', async () => {
    const rated = await search({ minRating: '4.6' });
    expect(rated.keys).toContain('deep');
    expect(rated.keys).not.toContain('sports');
    for (const hit of rated.hits) expect(hit.ratingAverage!).toBeGreaterThanOrEqual(4.6);

    const light = await search({ pressureMax: '1' });
    expect(new Set(light.keys)).toEqual(new Set(['lighttouch', 'markup']));
    const firm = await search({ pressureMin: '5' });
    expect(firm.keys).not.toContain('lighttouch');
    expect(firm.keys).not.toContain('markup');

    expect(new Set((await search({ mobile: '1' })).keys)).toEqual(new Set(['sciatica', 'sports']));
    expect(new Set((await search({ language: 'es' })).keys)).toEqual(new Set(['trigger']));
  });

  it('never shows hidden therapists, and hides one once its listing is hidden', async () => {
    expect((await search({ q: 'Hugo' })).keys).toEqual([]);
    expect((await search({ modality: 'deep-tissue' })).keys).not.toContain('hidden');
    await setHidden(database.db, fixture.ids.acupressure!, true);
    await drainAll();
    expect((await search({ q: 'Lin Zhao' })).keys).toEqual([]);
    await setHidden(database.db, fixture.ids.acupressure!, false);
    await drainAll();
    expect((await search({ q: 'Lin Zhao' })).keys).toEqual(['acupressure']);
  });
});

describe('places', () => {
  it('keeps to the radius around a city and sorts by distance', async () => {
    const r = await search({ place: 'Denver, CO', radius: '10', sort: 'distance' });
    expect(r.place?.label).toBe('Denver, CO');
    expect(new Set(r.keys)).toEqual(new Set(['deep', 'newcomer', 'sports']));
    const distances = r.hits.map((h) => h.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const d of distances) expect(d).toBeLessThanOrEqual(10 * 1.609344);
  });

  it('widens with the radius', async () => {
    const r = await search({ place: 'Denver', radius: '50' });
    expect(r.keys).toContain('trigger');
  });

  it('uses the nearest current location of therapists with several', async () => {
    const r = await search({ place: '80302', radius: '5' });
    const sports = r.hits.find((h) => h.slug === fixture.slugs.sports)!;
    expect(sports.city).toBe('Boulder');
    expect(sports.distanceKm!).toBeLessThan(distanceKm(PLACES.boulder, PLACES.denver));
  });

  it('reads a place inside the text ("acupressure near 10001", "... Denver")', async () => {
    const near = await search({ q: 'acupressure near 10001' });
    expect(near.place?.kind).toBe('postal_code');
    expect(new Set(near.keys)).toEqual(new Set(['acupressure', 'shiatsu']));
    const denver = await search({ q: 'lower back pain Denver' });
    expect(denver.place?.label).toBe('Denver, CO');
    expect(denver.keys).toEqual(['deep']);
  });

  it('searches around the browser\'s coordinates ("near me")', async () => {
    const r = await search({
      lat: String(PLACES.chelsea.latitude),
      lng: String(PLACES.chelsea.longitude),
      radius: '5',
      sort: 'distance',
    });
    expect(r.place?.kind).toBe('coordinates');
    expect(r.keys[0]).toMatch(/^(sciatica|acupressure|markup)$/);
    expect(r.keys).not.toContain('deep');
  });

  it('refuses a place it cannot find, naming the parameter', async () => {
    await expect(searchTherapists(query({ place: 'Atlantis' }))).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'place', message: expect.stringContaining('Atlantis') as string }],
    });
  });

  it('refuses sorting by distance without a place', async () => {
    const error = await searchTherapists(query({ sort: 'distance' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues[0]?.field).toBe('sort');
  });
});

describe('sorting', () => {
  it('by rating damps small numbers: one 5-star review does not outrank forty at 4.8', async () => {
    const r = await search({ modality: 'deep-tissue', sort: 'rating' });
    expect(r.keys.indexOf('deep')).toBeLessThan(r.keys.indexOf('newcomer'));
  });

  it('by lasting relief puts proven lasting relief first', async () => {
    const r = await search({ sort: 'relief' });
    expect(r.keys[0]).toBe('trigger');
    expect(r.hits[0]!.lastingRelief).toEqual({ count: 6, base: 6 });
  });

  it('by most reviewed', async () => {
    const r = await search({ sort: 'reviews' });
    const counts = r.hits.map((h) => h.reviewCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(r.keys[0]).toBe('deep');
  });

  it('by relevance, the best text match first', async () => {
    const r = await search({ q: 'sciatica hip' });
    expect(r.keys[0]).toBe('sciatica');
  });
});

describe('facets', () => {
  it('counts each facet with every filter but its own', async () => {
    const r = await search({ modality: 'deep-tissue' });
    const facet = (name: 'modality' | 'condition' | 'intent', value: string) =>
      r.facets[name].find((f) => f.value === value)?.count ?? 0;
    // Other specialties keep their counts so the chips can widen the search...
    expect(facet('modality', 'shiatsu')).toBe(1);
    expect(facet('modality', 'deep-tissue')).toBe(3);
    // ...while conditions and intents count only deep tissue therapists.
    expect(facet('condition', 'lower-back-pain')).toBe(2);
    expect(facet('condition', 'neck-pain')).toBe(0);
    expect(facet('intent', 'relaxation')).toBe(1);
    expect(r.facets.modality.find((f) => f.value === 'deep-tissue')?.label).toBe(
      'Deep tissue massage',
    );
  });

  it('keeps a chosen value in its facet even when nothing matches it', async () => {
    const r = await search({ condition: 'jaw-pain' });
    expect(r.total).toBe(0);
    expect(r.facets.condition.find((f) => f.value === 'jaw-pain')).toEqual({
      value: 'jaw-pain',
      label: 'Jaw pain (TMJ)',
      count: 0,
    });
  });
});

describe('pagination', () => {
  it('splits results into pages without repeats and reports the total', async () => {
    const all = await search({ pageSize: '50' });
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page++) {
      const r = await search({ pageSize: '3', page: String(page) });
      expect(r.total).toBe(all.total);
      expect(r.pageCount).toBe(Math.ceil(all.total / 3));
      seen.push(...r.keys);
    }
    expect(seen).toEqual(all.keys);
    const beyond = await search({ pageSize: '3', page: '20' });
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });
});

describe('result cards', () => {
  it('escape nothing into markup: highlights are plain-text segments', async () => {
    const r = await search({ q: 'Dana' });
    const hit = r.hits.find((h) => h.slug === fixture.slugs.markup)!;
    expect(segmentsToString(hit.highlight.name)).toBe('<script>alert(1)</script> [Dana] Byrne');
    expect(hit.highlight.name.map((s) => s.text).join('')).toBe(hit.name);
    expect(segmentsToString(hit.highlight.headline)).toBe('<b>Swedish</b> relaxation & hot stone');
  });

  it('carry rating, review count, modalities, the top review and lasting relief from 5 reports up', async () => {
    const r = await search({ q: 'Marco' });
    const hit = r.hits[0]!;
    expect(hit.reviewCount).toBe(6);
    expect(hit.ratingAverage).toBe(5);
    expect(hit.modalities.map((m) => m.slug)).toEqual(['trigger-point', 'myofascial-release']);
    expect(hit.topReview?.body).toContain('Three sessions');
    const few = (await search({ q: 'Priya' })).hits[0]!;
    expect(few.lastingRelief).toBeNull();
  });
});

describe('parameters', () => {
  it.each([
    ['modality', { modality: 'underwater-basket' }],
    ['condition', { condition: 'everything' }],
    ['intent', { intent: 'party' }],
    ['radius', { radius: '500' }],
    ['minRating', { minRating: '9' }],
    ['pressureMin', { pressureMin: '0' }],
    ['sort', { sort: 'random' }],
    ['page', { page: '0' }],
    ['pageSize', { pageSize: '1000' }],
    ['lat', { lat: '91', lng: '0' }],
    ['lng', { lat: '40' }],
    ['q', { q: 'x'.repeat(201) }],
  ])('names %s when it is bad', (parameter, params) => {
    const parsed = parseSearchQuery(params);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.parameter)).toContain(parameter);
  });
});
