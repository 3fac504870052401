import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb, selectRows } from '@/db';
import { therapists } from '@/db/schema';
import { MODALITIES, CONDITIONS } from '@/db/taxonomy';
import { INTENT_LABELS } from '@/lib/format';
import { FALLBACK_COUNTER, searchTherapists, setSearchEngines } from '@/lib/search/index';
import { segmentsToString } from '@/lib/search/highlight';
import {
  createMeilisearchEngine,
  quoteFilterValue,
  toMeilisearchDocument,
} from '@/lib/search/meilisearch-engine';
import { DISPLAYED_ATTRIBUTES, meilisearchSettings } from '@/lib/search/meilisearch-settings';
import { synonymMap } from '@/lib/search/analyze';
import type { ResolvedPlace } from '@/lib/search/places';
import { createPostgresEngine } from '@/lib/search/postgres-engine';
import { KM_PER_MILE, parseSearchQuery, SORTS, type SearchQuery } from '@/lib/search/query';
import type { DocumentSource, EngineQuery, SearchDocument } from '@/lib/search/types';
import { toOutcomeFigure } from '@/lib/therapists/outcomes';
import { createTestDatabase, type TestDatabase } from '../support/database';
import {
  CONTRACT_COPY,
  CONTRACT_CORRECTIONS,
  CONTRACT_SHARED,
  MeilisearchContract,
  closedPortUrl,
  correctContract,
  listFixtures,
  loadFixture,
  parseFilter,
  readContract,
  startFakeMeilisearch,
  startSilentServer,
  type FakeMeilisearch,
  type FilterNode,
} from '../support/meilisearch-contract';

const INDEX = 'therapists';
const API_KEY = 'test-key-for-the-fake-server';
const DENVER: ResolvedPlace = {
  latitude: 39.7392,
  longitude: -104.9903,
  label: 'Denver, CO',
  kind: 'city',
};
const HOSTILE = 'a" OR id > 0 OR "';

const modalityName = (slug: string) => MODALITIES.find((m) => m.slug === slug)!.name;
const conditionName = (slug: string) => CONDITIONS.find((c) => c.slug === slug)!.name;

function makeDocument(overrides: Partial<SearchDocument> = {}): SearchDocument {
  const modalities = overrides.modalities ?? ['deep-tissue', 'trigger-point', 'myofascial-release'];
  const conditions = overrides.conditions ?? ['lower-back-pain', 'sciatica'];
  return {
    id: 7,
    slug: 'maya-okafor-denver',
    name: 'Maya Okafor',
    credentials: 'LMT',
    headline: 'Deep tissue for stubborn low back pain',
    bio: 'Fifteen years of clinical massage for desk workers and runners.',
    modalities,
    modalityNames: modalities.map(modalityName),
    conditions,
    conditionNames: conditions.map(conditionName),
    intents: ['therapeutic', 'rehab'],
    languages: ['en', 'es'],
    mobileService: false,
    pressureMin: 3,
    pressureMax: 5,
    city: 'Denver',
    region: 'CO',
    postalCodes: ['80202', '80120'],
    locations: [
      { latitude: 39.7508, longitude: -104.9966, city: 'Denver', region: 'CO' },
      { latitude: 39.6133, longitude: -105.0166, city: 'Littleton', region: 'CO' },
    ],
    ratingAverage: 4.8,
    dampedRating: 4.61,
    reviewCount: 37,
    followedUpCount: 12,
    lastingReliefCount: 9,
    lastingReliefScore: 0.52,
    topReview: {
      rating: 5,
      title: 'Finally sleeping through the night',
      body: 'Three sessions in and my lower back stopped waking me up.',
      authorName: 'Jordan P.',
    },
    reviewText: 'Finally sleeping through the night. Three sessions in and my lower back stopped.',
    ...overrides,
  };
}

function engineQuery(overrides: Partial<EngineQuery> = {}): EngineQuery {
  return {
    text: '',
    modality: [],
    condition: [],
    intent: [],
    place: null,
    radiusKm: null,
    minRating: null,
    pressureMin: null,
    pressureMax: null,
    mobile: null,
    language: null,
    sort: 'relevance',
    page: 1,
    pageSize: 10,
    ...overrides,
  };
}

/** Reads its batches through the executor it is given, as the real document source does. */
function sourceOf(...batches: SearchDocument[][]): DocumentSource {
  return async function* (executor) {
    for (const batch of batches) {
      await executor.execute(sql`select 1`);
      yield batch;
    }
  };
}

type SentQuery = Record<string, unknown>;

function multiSearchBodies(server: FakeMeilisearch): SentQuery[][] {
  return server
    .operations('multi_search_with_post')
    .map((r) => (r.body as { queries: SentQuery[] }).queries);
}

function lastMultiSearch(server: FakeMeilisearch): SentQuery[] {
  const all = multiSearchBodies(server);
  const last = all[all.length - 1];
  if (!last) throw new Error('no multi-search was sent');
  return last;
}

/** Operation ids of the writes (without the polling and lookups between them). */
function writes(server: FakeMeilisearch): string[] {
  return server.requests
    .map((r) => r.operationId ?? '?')
    .filter((id) => id !== 'get_task' && id !== 'get_index');
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  setSearchEngines(undefined);
  await database.dispose();
});

describe('the Meilisearch contract', () => {
  const contract = MeilisearchContract.load();

  it('is kept with the tests, identical to the shared contract', () => {
    expect(existsSync(CONTRACT_COPY)).toBe(true);
    expect(contract.version).toBe('1.53.0');
    if (existsSync(CONTRACT_SHARED)) {
      expect(readContract(CONTRACT_COPY)).toEqual(readContract(CONTRACT_SHARED));
    }
  });

  it('still needs each correction: without it, the contract rejects what the server does', () => {
    for (const correction of CONTRACT_CORRECTIONS) {
      const without = new MeilisearchContract(
        correctContract(
          readContract(CONTRACT_COPY),
          CONTRACT_CORRECTIONS.filter((c) => c !== correction),
        ),
      );
      const { schema, value } = correction.witness;
      expect(without.validateAt(schema, value), correction.reason).not.toEqual([]);
      expect(contract.validateAt(schema, value), correction.reason).toEqual([]);
    }
    expect(correctContract(readContract(CONTRACT_COPY))).toEqual(contract.document);
  });

  it('holds every recorded response valid for its operation and status', () => {
    const fixtures = listFixtures();
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining(['health', 'multi-search', 'task-enqueued', 'task-failed']),
    );
    for (const f of fixtures) {
      expect(
        contract.route(f.operation.method, f.operation.path.replace(/\{[^}]+\}/g, 'x')),
        f.name,
      ).not.toBeNull();
      expect(
        contract.validateResponse(f.operation.method, f.operation.path, f.status, f.body),
        f.name,
      ).toEqual([]);
    }
  });

  it('rejects requests and responses that break it', () => {
    const search = (body: unknown) =>
      contract.validateRequest({
        method: 'POST',
        path: '/multi-search',
        query: {},
        body,
        contentType: 'application/json',
      }).issues;
    expect(search({ queries: [{ indexUid: INDEX, q: 'x' }] })).toEqual([]);
    expect(search({ queries: [{ indexUid: INDEX, filtre: 'x' }] }).join()).toMatch(/filtre/);
    expect(search({ queries: [{ indexUid: INDEX, hitsPerPage: -1 }] })).not.toEqual([]);
    expect(search({ queries: [{ indexUid: INDEX, matchingStrategy: 'some' }] })).not.toEqual([]);
    expect(search(undefined).join()).toMatch(/needs a request body/);

    const settings = (body: unknown) =>
      contract.validateRequest({
        method: 'PATCH',
        path: `/indexes/${INDEX}/settings`,
        query: {},
        body,
        contentType: 'application/json',
      }).issues;
    expect(settings({ rankingRules: 'words' })).not.toEqual([]);
    expect(settings({ typoTolerance: { disableOnAttributes: 'postalCodes' } })).not.toEqual([]);

    const documents = contract.validateRequest({
      method: 'POST',
      path: `/indexes/${INDEX}/documents`,
      query: { primarykey: 'id' },
      body: [],
      contentType: 'application/json',
    });
    expect(documents.route?.operationId).toBe('replace_documents');
    expect(documents.issues.join()).toMatch(/primarykey/);
    expect(
      contract.validateRequest({
        method: 'GET',
        path: '/tasks/abc',
        query: {},
        body: undefined,
        contentType: null,
      }).issues,
    ).not.toEqual([]);
    expect(
      contract.validateRequest({
        method: 'GET',
        path: '/nowhere',
        query: {},
        body: undefined,
        contentType: null,
      }).route,
    ).toBeNull();

    expect(contract.validateResponse('GET', '/tasks/{task_id}', 200, { uid: 1 })).not.toEqual([]);
    expect(contract.validateResponse('GET', '/health', 200, { status: 'fine' })).not.toEqual([]);
  });

  it('accepts the settings as code, with keys the contract knows', () => {
    const settings = meilisearchSettings();
    expect(contract.validateSchema('Settings_Unchecked', settings)).toEqual([]);
    const known = contract.properties('Settings_Unchecked');
    expect(Object.keys(settings).filter((k) => !known.includes(k))).toEqual([]);
    const typoKnown = contract.properties('TypoSettings');
    expect(Object.keys(settings.typoTolerance ?? {}).filter((k) => !typoKnown.includes(k))).toEqual(
      [],
    );

    expect(settings.searchableAttributes?.filter((a) => a !== 'postalCodes')).toEqual([
      'name',
      'modalityNames',
      'conditionNames',
      'headline',
      'bio',
      'city',
      'reviewText',
    ]);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        '_geo',
        'modalities',
        'conditions',
        'intents',
        'languages',
        'mobileService',
        'pressureMin',
        'pressureMax',
        'ratingAverage',
      ]),
    );
    expect(settings.sortableAttributes).toEqual(
      expect.arrayContaining(['_geo', 'dampedRating', 'lastingReliefScore', 'reviewCount']),
    );
    expect(settings.rankingRules).toEqual([
      'words',
      'sort',
      'typo',
      'proximity',
      'attribute',
      'exactness',
      'dampedRating:desc',
    ]);
    expect(settings.synonyms).toEqual(synonymMap());
    expect(settings.typoTolerance?.disableOnAttributes).toContain('postalCodes');
    expect(settings.typoTolerance?.disableOnNumbers).toBe(true);
    expect(settings.displayedAttributes).toEqual([...DISPLAYED_ATTRIBUTES]);
  });
});

describe('filter values', () => {
  it('are always quoted, with backslashes and double quotes escaped', () => {
    expect(quoteFilterValue('deep-tissue')).toBe('"deep-tissue"');
    expect(quoteFilterValue(HOSTILE)).toBe(String.raw`"a\" OR id > 0 OR \""`);
    expect(quoteFilterValue('back\\slash')).toBe(String.raw`"back\\slash"`);
    expect(quoteFilterValue('ends with \\')).toBe(String.raw`"ends with \\"`);
    expect(quoteFilterValue('\\" OR "')).toBe(String.raw`"\\\" OR \""`);
    expect(quoteFilterValue(4.5)).toBe('"4.5"');
    expect(quoteFilterValue(false)).toBe('"false"');
  });

  it('read back as the same single value, whatever they hold', () => {
    const values = [
      HOSTILE,
      'x\\" y',
      'ends with \\',
      '\\\\"',
      "it's ) OR ( 'x'",
      '"] OR modalities IN ["',
      '_geoRadius(0, 0, 1)',
      'AND',
      'ünïcödé ✓',
      '',
    ];
    for (const value of values) {
      const node = parseFilter(`languages = ${quoteFilterValue(value)} AND mobileService = "true"`);
      const expected: FilterNode = {
        kind: 'and',
        children: [
          { kind: 'compare', attribute: 'languages', operator: '=', value },
          { kind: 'compare', attribute: 'mobileService', operator: '=', value: 'true' },
        ],
      };
      expect(node, value).toEqual(expected);
    }
  });
});

describe('the Meilisearch engine over HTTP', () => {
  let server: FakeMeilisearch;

  const engine = () => createMeilisearchEngine({ host: server.url, apiKey: API_KEY, index: INDEX });
  const seedSearchableIndex = () =>
    server.seedIndex(INDEX, {
      settings: meilisearchSettings(),
      documents: [toMeilisearchDocument(makeDocument())],
    });

  beforeEach(async () => {
    server = await startFakeMeilisearch({ apiKey: API_KEY });
  });

  afterEach(async () => {
    await server.close();
  });

  it('creates the index with its primary key and applies the settings once, before the first write', async () => {
    const meili = engine();
    await meili.upsert([makeDocument()]);
    await meili.upsert([makeDocument({ id: 8, slug: 'sam-rivera-aurora', name: 'Sam Rivera' })]);

    expect(writes(server)).toEqual([
      'create_index',
      'update_all',
      'replace_documents',
      'replace_documents',
    ]);
    const [create] = server.operations('create_index');
    expect(create?.body).toEqual({ uid: INDEX, primaryKey: 'id' });
    const [settings] = server.operations('update_all');
    expect(settings?.path).toBe(`/indexes/${INDEX}/settings`);
    expect(settings?.body).toEqual(JSON.parse(JSON.stringify(meilisearchSettings())));
    expect(server.index(INDEX)?.settings).toEqual(settings?.body);
    expect(
      server.requests.every(
        (r) => r.operationId === 'get_health' || r.authorization === `Bearer ${API_KEY}`,
      ),
    ).toBe(true);
    expect(server.failures).toEqual([]);
  });

  it('sends documents with the primary key and the projected fields, and waits for the task', async () => {
    const document = makeDocument();
    await engine().upsert([document]);

    const [add] = server.operations('replace_documents');
    expect(add?.query).toEqual({ primaryKey: 'id' });
    const [sent] = add?.body as Record<string, unknown>[];
    expect(Object.keys(sent ?? {}).sort()).toEqual(
      [
        'id',
        'slug',
        'name',
        'credentials',
        'headline',
        'bio',
        'modalities',
        'modalityNames',
        'conditions',
        'conditionNames',
        'intents',
        'languages',
        'mobileService',
        'pressureMin',
        'pressureMax',
        'city',
        'region',
        'postalCodes',
        '_geo',
        'ratingAverage',
        'dampedRating',
        'reviewCount',
        'followedUpCount',
        'lastingReliefCount',
        'lastingReliefScore',
        'topReview',
        'reviewText',
      ].sort(),
    );
    expect(sent?._geo).toEqual({ lat: 39.7508, lng: -104.9966 });
    expect(sent?.modalityNames).toEqual(document.modalityNames);
    // The write resolved only once the task had succeeded: the document is in the index.
    expect(server.index(INDEX)?.documents.get('7')?.slug).toBe(document.slug);
    expect(server.failures).toEqual([]);
  });

  it('removes documents by id', async () => {
    const meili = engine();
    await meili.upsert([makeDocument(), makeDocument({ id: 8, slug: 'sam-rivera-aurora' })]);
    await meili.remove([7]);
    await meili.remove([]);

    const [removal] = server.operations('delete_documents_batch');
    expect(removal?.path).toBe(`/indexes/${INDEX}/documents/delete-batch`);
    expect(removal?.body).toEqual([7]);
    expect([...(server.index(INDEX)?.documents.keys() ?? [])]).toEqual(['8']);
    expect(server.operations('delete_documents_batch')).toHaveLength(1);
    expect(server.failures).toEqual([]);
  });

  it('throws with the task error message when a write task fails', async () => {
    const meili = engine();
    const recorded = loadFixture('task-failed').body as { error: { message: string } };
    server.failNextTask('documentAdditionOrUpdate');
    await expect(meili.upsert([makeDocument()])).rejects.toThrow(recorded.error.message);
    expect(server.index(INDEX)?.documents.size).toBe(0);

    server.failNextTask('documentDeletion', {
      message: 'Index `therapists`: deletion refused.',
      code: 'internal',
      type: 'internal',
      link: 'https://docs.meilisearch.com/errors#internal',
    });
    await expect(meili.remove([7])).rejects.toThrow('Index `therapists`: deletion refused.');
    expect(server.failures).toEqual([]);
  });

  it('applies the settings again on the next write when applying them failed', async () => {
    const meili = engine();
    server.failNextTask('settingsUpdate');
    await expect(meili.upsert([makeDocument()])).rejects.toThrow(/settings of therapists failed/);
    await meili.upsert([makeDocument()]);
    expect(server.operations('update_all')).toHaveLength(2);
    expect(server.index(INDEX)?.documents.size).toBe(1);
    expect(server.failures).toEqual([]);
  });

  it('sends one valid multi-search with every filter kind, each value quoted and escaped', async () => {
    seedSearchableIndex();
    const q = engineQuery({
      text: 'back pain',
      modality: [HOSTILE, 'deep-tissue'],
      condition: ['lower-back-pain', 'x\\" y'],
      intent: ['therapeutic', 'rehab'],
      place: DENVER,
      radiusKm: 25 * KM_PER_MILE,
      minRating: 4.5,
      pressureMin: 2,
      pressureMax: 4,
      mobile: true,
      language: 'es" OR "1"="1',
      sort: 'rating',
      page: 2,
      pageSize: 5,
    });
    await engine().search(q);

    expect(server.operations('multi_search_with_post')).toHaveLength(1);
    const [main, modality, condition, intent] = lastMultiSearch(server);
    const parts = {
      modality: String.raw`modalities IN ["a\" OR id > 0 OR \"", "deep-tissue"]`,
      condition: String.raw`conditions IN ["lower-back-pain", "x\\\" y"]`,
      intent: 'intents IN ["therapeutic", "rehab"]',
      other: [
        'ratingAverage >= "4.5"',
        'pressureMax >= "2"',
        'pressureMin <= "4"',
        'mobileService = "true"',
        String.raw`languages = "es\" OR \"1\"=\"1"`,
        '_geoRadius(39.739200, -104.990300, 40234)',
      ].join(' AND '),
    };
    expect(main?.filter).toBe(
      [parts.modality, parts.condition, parts.intent, parts.other].join(' AND '),
    );
    expect(main).toMatchObject({
      indexUid: INDEX,
      q: 'back pain',
      matchingStrategy: 'last',
      page: 2,
      hitsPerPage: 5,
      sort: ['dampedRating:desc', 'reviewCount:desc'],
      attributesToHighlight: ['name', 'headline'],
      highlightPreTag: '\u0002',
      highlightPostTag: '\u0003',
    });

    // Read as Meilisearch reads it, the hostile values stay values.
    const parsed = parseFilter(String(main?.filter));
    expect(parsed.kind).toBe('and');
    const children = parsed.kind === 'and' ? parsed.children : [];
    expect(children).toHaveLength(9);
    expect(children[0]).toEqual({
      kind: 'in',
      attribute: 'modalities',
      values: [HOSTILE, 'deep-tissue'],
    });
    expect(children[1]).toEqual({
      kind: 'in',
      attribute: 'conditions',
      values: ['lower-back-pain', 'x\\" y'],
    });
    expect(children[7]).toEqual({
      kind: 'compare',
      attribute: 'languages',
      operator: '=',
      value: 'es" OR "1"="1',
    });
    expect(children[8]).toEqual({
      kind: 'geoRadius',
      latitude: 39.7392,
      longitude: -104.9903,
      meters: 40234,
    });

    // Each facet is counted with every filter but its own.
    expect(modality).toEqual({
      indexUid: INDEX,
      q: 'back pain',
      matchingStrategy: 'last',
      filter: [parts.condition, parts.intent, parts.other].join(' AND '),
      limit: 0,
      facets: ['modalities'],
    });
    expect(condition).toMatchObject({
      filter: [parts.modality, parts.intent, parts.other].join(' AND '),
      limit: 0,
      facets: ['conditions'],
    });
    expect(intent).toMatchObject({
      filter: [parts.modality, parts.condition, parts.other].join(' AND '),
      limit: 0,
      facets: ['intents'],
    });
    expect(server.failures).toEqual([]);
  });

  it('sends no filter when there is nothing to filter on', async () => {
    seedSearchableIndex();
    await engine().search(engineQuery({ text: 'knots' }));
    const queries = lastMultiSearch(server);
    expect(queries).toHaveLength(4);
    for (const query of queries) expect(query).not.toHaveProperty('filter');
    expect(queries[0]).not.toHaveProperty('sort');
    expect(server.failures).toEqual([]);
  });

  it('sorts as asked', async () => {
    seedSearchableIndex();
    const meili = engine();
    const expected: Record<(typeof SORTS)[number], string[] | undefined> = {
      relevance: undefined,
      rating: ['dampedRating:desc', 'reviewCount:desc'],
      relief: ['lastingReliefScore:desc', 'dampedRating:desc'],
      reviews: ['reviewCount:desc', 'dampedRating:desc'],
      distance: ['_geoPoint(39.739200,-104.990300):asc'],
    };
    for (const sort of SORTS) {
      await meili.search(engineQuery({ sort, place: DENVER, radiusKm: 40 }));
      expect(lastMultiSearch(server)[0]?.sort, sort).toEqual(expected[sort]);
    }
    await meili.search(engineQuery({ sort: 'relevance', place: DENVER, radiusKm: 40 }));
    expect(lastMultiSearch(server)[0]).not.toHaveProperty('sort');
    expect(server.failures).toEqual([]);
  });

  it('maps hits to search hits, with highlights as plain-text segments', async () => {
    seedSearchableIndex();
    const result = await engine().search(
      engineQuery({ text: 'back pain', place: DENVER, radiusKm: 40, sort: 'distance' }),
    );

    expect(result.total).toBe(2);
    expect(result.correctedText).toBeNull();
    expect(result.relaxed).toBe(false);
    const [maya, sam] = result.hits;
    expect(maya).toEqual({
      slug: 'maya-okafor-denver',
      name: 'Maya Okafor',
      credentials: 'LMT',
      headline: 'Deep tissue for stubborn low back pain',
      highlight: {
        name: [{ text: 'Maya Okafor', match: false }],
        headline: [
          { text: 'Deep tissue for stubborn low ', match: false },
          { text: 'back', match: true },
          { text: ' ', match: false },
          { text: 'pain', match: true },
        ],
      },
      modalities: ['deep-tissue', 'trigger-point', 'myofascial-release'].map((slug) => ({
        slug,
        name: modalityName(slug),
      })),
      city: 'Denver',
      region: 'CO',
      distanceKm: 1.402,
      ratingAverage: 4.8,
      reviewCount: 37,
      lastingRelief: toOutcomeFigure(9, 12),
      mobileService: false,
      topReview: {
        rating: 5,
        title: 'Finally sleeping through the night',
        body: 'Three sessions in and my lower back stopped waking me up.',
        authorName: 'Jordan P.',
      },
    });
    expect(maya?.lastingRelief).toEqual({ count: 9, base: 12 });

    // Markup in a name is text: it comes back verbatim, split only around the match.
    expect(sam?.name).toBe('Sam <script>alert("back")</script> Rivera');
    expect(sam?.highlight.name).toEqual([
      { text: 'Sam <script>alert("', match: false },
      { text: 'back', match: true },
      { text: '")</script> Rivera', match: false },
    ]);
    expect(segmentsToString(sam!.highlight.name, '', '')).toBe(sam?.name);
    expect(sam?.highlight.headline.filter((s) => s.match).map((s) => s.text)).toEqual([
      'Back',
      'pain',
    ]);
    expect(sam).toMatchObject({
      ratingAverage: null,
      reviewCount: 0,
      lastingRelief: null,
      mobileService: true,
      topReview: null,
      distanceKm: 13.877,
      modalities: [
        { slug: 'medical-massage', name: modalityName('medical-massage') },
        { slug: 'neuromuscular', name: modalityName('neuromuscular') },
      ],
    });

    const withoutPlace = await engine().search(engineQuery({ text: 'back pain' }));
    expect(withoutPlace.hits.map((h) => h.distanceKm)).toEqual([null, null]);
    expect(server.failures).toEqual([]);
  });

  it('labels facets like the Postgres engine and keeps selected values without matches', async () => {
    seedSearchableIndex();
    const result = await engine().search(
      engineQuery({
        modality: ['craniosacral', 'deep-tissue'],
        condition: ['lower-back-pain'],
        intent: ['maintenance'],
      }),
    );
    expect(result.facets.modality).toEqual([
      { value: 'deep-tissue', label: modalityName('deep-tissue'), count: 14 },
      { value: 'trigger-point', label: modalityName('trigger-point'), count: 9 },
      { value: 'swedish', label: modalityName('swedish'), count: 6 },
      { value: 'craniosacral', label: modalityName('craniosacral'), count: 0 },
    ]);
    expect(result.facets.condition).toEqual([
      { value: 'lower-back-pain', label: conditionName('lower-back-pain'), count: 11 },
      { value: 'sciatica', label: conditionName('sciatica'), count: 4 },
      { value: 'neck-pain', label: conditionName('neck-pain'), count: 3 },
    ]);
    expect(result.facets.intent).toEqual([
      { value: 'therapeutic', label: INTENT_LABELS.therapeutic, count: 12 },
      { value: 'relaxation', label: INTENT_LABELS.relaxation, count: 5 },
      { value: 'rehab', label: INTENT_LABELS.rehab, count: 2 },
      { value: 'maintenance', label: INTENT_LABELS.maintenance, count: 0 },
    ]);
    expect(server.failures).toEqual([]);
  });

  it('throws when Meilisearch rejects the search, so the service can fall back', async () => {
    seedSearchableIndex();
    server.failNextRequest('multi_search_with_post', 'invalid-search-filter');
    await expect(engine().search(engineQuery({ text: 'back' }))).rejects.toThrow(/not filterable/);
    expect(server.failures).toEqual([]);
  });

  it('rebuilds into a fresh index: creates, fills, swaps, then deletes the old one', async () => {
    server.seedIndex(INDEX, {
      settings: meilisearchSettings(),
      documents: [toMeilisearchDocument(makeDocument({ id: 99, slug: 'gone-therapist' }))],
    });
    const progress: number[] = [];
    await engine().reindex(
      sourceOf(
        [makeDocument({ id: 1, slug: 'a' }), makeDocument({ id: 2, slug: 'b' })],
        [],
        [makeDocument({ id: 3, slug: 'c' })],
      ),
      (indexed) => progress.push(indexed),
    );

    expect(writes(server)).toEqual([
      'create_index',
      'update_all',
      'replace_documents',
      'replace_documents',
      'swap_indexes',
      'delete_index',
    ]);
    const [create] = server.operations('create_index');
    const next = (create?.body as { uid: string }).uid;
    expect(next).toMatch(/^therapists_next_\d+$/);
    expect(create?.body).toEqual({ uid: next, primaryKey: 'id' });
    expect(server.operations('update_all')[0]?.path).toBe(`/indexes/${next}/settings`);
    for (const add of server.operations('replace_documents')) {
      expect(add.path).toBe(`/indexes/${next}/documents`);
      expect(add.query).toEqual({ primaryKey: 'id' });
    }
    expect(server.operations('swap_indexes')[0]?.body).toEqual([
      { indexes: [INDEX, next], rename: false },
    ]);
    expect(server.operations('delete_index')[0]?.path).toBe(`/indexes/${next}`);

    expect(progress).toEqual([2, 3]);
    expect(server.indexUids()).toEqual([INDEX]);
    expect([...(server.index(INDEX)?.documents.keys() ?? [])].sort()).toEqual(['1', '2', '3']);
    expect(server.index(INDEX)?.settings).toEqual(
      JSON.parse(JSON.stringify(meilisearchSettings())),
    );
    expect(server.failures).toEqual([]);
  });

  it('creates the main index first when a reindex finds none', async () => {
    await engine().reindex(sourceOf([makeDocument()]));
    const created = server.operations('create_index').map((r) => r.body);
    expect(created[0]).toEqual({ uid: INDEX, primaryKey: 'id' });
    expect((created[1] as { uid: string }).uid).toMatch(/^therapists_next_/);
    expect(server.indexUids()).toEqual([INDEX]);
    expect(server.index(INDEX)?.documents.size).toBe(1);
    expect(server.failures).toEqual([]);
  });

  it('keeps the current index and drops the fresh one when a reindex fails', async () => {
    seedSearchableIndex();
    server.failNextTask('documentAdditionOrUpdate');
    await expect(engine().reindex(sourceOf([makeDocument({ id: 1, slug: 'a' })]))).rejects.toThrow(
      /unexpected fields/,
    );
    expect(server.operations('swap_indexes')).toEqual([]);
    expect(server.indexUids()).toEqual([INDEX]);
    expect([...(server.index(INDEX)?.documents.keys() ?? [])]).toEqual(['7']);
    expect(server.failures).toEqual([]);
  });

  it('reports health from /health and the index stats, and never throws', async () => {
    const meili = engine();
    const missing = await meili.health();
    expect(missing).toMatchObject({ ok: false, documents: null });
    expect(missing.detail).toMatch(/Index `therapists` not found/);

    server.seedIndex(INDEX, {
      settings: meilisearchSettings(),
      documents: [1, 2, 3].map((id) =>
        toMeilisearchDocument(makeDocument({ id, slug: `t-${id}` })),
      ),
    });
    expect(await meili.health()).toEqual({
      ok: true,
      detail: 'Meilisearch index therapists',
      documents: 3,
    });
    expect(server.operations('get_health', 'get_index_stats').map((r) => r.path)).toEqual([
      '/health',
      `/indexes/${INDEX}/stats`,
      '/health',
      `/indexes/${INDEX}/stats`,
    ]);

    const unreachable = createMeilisearchEngine({
      host: await closedPortUrl(),
      apiKey: undefined,
      index: INDEX,
    });
    const down = await unreachable.health();
    expect(down).toMatchObject({ ok: false, documents: null });
    expect(down.detail).toMatch(/has failed/);
    expect(server.failures).toEqual([]);
  });

  it('gives up on a server that never answers when the signal aborts', async () => {
    const silent = await startSilentServer();
    try {
      const meili = createMeilisearchEngine({ host: silent.url, apiKey: API_KEY, index: INDEX });
      const started = performance.now();
      await expect(
        meili.search(engineQuery({ text: 'back' }), AbortSignal.timeout(150)),
      ).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(silent.requestsReceived()).toBe(1);
      // The request itself was cut: the client closed its connection.
      await waitFor(() => silent.requestsAbandoned() === 1);
    } finally {
      await silent.close();
    }
  });
});

describe('falling back to the Postgres engine', () => {
  let query: SearchQuery;
  const slug = 'fallback-maya-okafor';

  async function fallbacks(): Promise<number> {
    const [row] = await selectRows<{ value: number | string }>(
      getDb(),
      sql`select value from search_counters where name = ${FALLBACK_COUNTER}`,
    );
    return row ? Number(row.value) : 0;
  }

  beforeAll(async () => {
    const [row] = await database.db
      .insert(therapists)
      .values({ slug, name: 'Maya Okafor', headline: 'Deep tissue for stubborn low back pain' })
      .returning({ id: therapists.id });
    const postgres = createPostgresEngine();
    await postgres.upsert([makeDocument({ id: row!.id, slug })]);
    const parsed = parseSearchQuery(new URLSearchParams({ modality: 'deep-tissue' }));
    if (!parsed.ok) throw new Error('the query does not parse');
    query = parsed.query;
    // Warm the Postgres engine so that the timings below measure the fallback.
    await postgres.search(engineQuery({ modality: ['deep-tissue'] }));
  });

  afterEach(() => {
    setSearchEngines(undefined);
  });

  it('answers from Postgres at once when Meilisearch refuses connections, and counts it', async () => {
    const meili = createMeilisearchEngine({
      host: await closedPortUrl(),
      apiKey: undefined,
      index: INDEX,
    });
    setSearchEngines({ primary: meili, fallback: createPostgresEngine(), timeoutMs: 300 });
    const before = await fallbacks();

    const started = performance.now();
    const result = await searchTherapists(query);
    expect(performance.now() - started).toBeLessThan(1_000);

    expect(result.engine).toBe('postgres');
    expect(result.fallback).toBe(true);
    expect(result.hits.map((h) => h.slug)).toContain(slug);
    expect(await fallbacks()).toBe(before + 1);
  });

  it('answers from Postgres within the time budget when Meilisearch never answers, and counts it', async () => {
    const silent = await startSilentServer();
    try {
      const meili = createMeilisearchEngine({ host: silent.url, apiKey: undefined, index: INDEX });
      setSearchEngines({ primary: meili, fallback: createPostgresEngine(), timeoutMs: 300 });
      const before = await fallbacks();

      const started = performance.now();
      const result = await searchTherapists(query);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1_000);

      expect(result.engine).toBe('postgres');
      expect(result.fallback).toBe(true);
      expect(result.hits.map((h) => h.slug)).toContain(slug);
      expect(await fallbacks()).toBe(before + 1);
      expect(silent.requestsReceived()).toBe(1);
      await waitFor(() => silent.requestsAbandoned() === 1);
    } finally {
      await silent.close();
    }
  });
});
