/**
 * The search query model: one schema parses the search page's URL and `GET /api/search`.
 */
import { z } from 'zod';
import { INTENTS } from '@/db/schema/enums';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';

export const SORTS = ['relevance', 'rating', 'relief', 'distance', 'reviews'] as const;
export type SortOrder = (typeof SORTS)[number];

export const RADIUS_MILES = [5, 10, 25, 50, 100] as const;
export const DEFAULT_RADIUS_MILES = 25;
export const MAX_PAGE = 100;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
export const KM_PER_MILE = 1.609344;

const modalitySlugs = MODALITIES.map((m) => m.slug) as [string, ...string[]];
const conditionSlugs = CONDITIONS.map((c) => c.slug) as [string, ...string[]];

/** A repeated parameter (`?modality=a&modality=b`) or a comma-separated one (`?modality=a,b`). */
function list<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(z.enum(values, { message })).max(20, 'Choose at most 20'))
    .transform((values) => [...new Set(values)]);
}

/** A single text parameter: the last one wins when repeated. */
function single() {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => {
      const v = Array.isArray(value) ? value[value.length - 1] : value;
      const trimmed = v
        ?.normalize('NFKC')
        .replace(/\p{Cc}/gu, ' ')
        .trim();
      return trimmed ? trimmed : undefined;
    });
}

function number(options: { min: number; max: number; integer?: boolean; message: string }) {
  return single().pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (
          !Number.isFinite(n) ||
          n < options.min ||
          n > options.max ||
          (options.integer && !Number.isInteger(n))
        ) {
          ctx.addIssue({ code: 'custom', message: options.message });
          return z.NEVER;
        }
        return n;
      }),
  );
}

function flag() {
  return single().pipe(
    z
      .enum(['1', 'true', '0', 'false'], { message: 'Use 1 or 0' })
      .optional()
      .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true')),
  );
}

export const searchQuerySchema = z
  .object({
    q: single().pipe(z.string().max(200, 'Keep the search under 200 characters').optional()),
    modality: list(modalitySlugs, 'Unknown specialty'),
    condition: list(conditionSlugs, 'Unknown condition'),
    intent: list(INTENTS, 'Unknown session intent'),
    place: single().pipe(z.string().max(100, 'Keep the place under 100 characters').optional()),
    lat: number({ min: -90, max: 90, message: 'Latitude must be between -90 and 90' }),
    lng: number({ min: -180, max: 180, message: 'Longitude must be between -180 and 180' }),
    radius: number({ min: 1, max: 100, message: 'Radius must be between 1 and 100 miles' }),
    minRating: number({ min: 1, max: 5, message: 'Minimum rating must be between 1 and 5' }),
    pressureMin: number({ min: 1, max: 5, integer: true, message: 'Pressure runs from 1 to 5' }),
    pressureMax: number({ min: 1, max: 5, integer: true, message: 'Pressure runs from 1 to 5' }),
    mobile: flag(),
    language: single().pipe(
      z
        .string()
        .regex(/^[a-z]{2,3}$/, 'Use a language code such as en or es')
        .optional(),
    ),
    sort: single().pipe(z.enum(SORTS, { message: `Sort by ${SORTS.join(', ')}` }).optional()),
    page: number({
      min: 1,
      max: MAX_PAGE,
      integer: true,
      message: `Page must be 1 to ${MAX_PAGE}`,
    }),
    pageSize: number({
      min: 1,
      max: MAX_PAGE_SIZE,
      integer: true,
      message: `Page size must be 1 to ${MAX_PAGE_SIZE}`,
    }),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === undefined ? 'lat' : 'lng'],
        message: 'Give both latitude and longitude',
      });
    }
    if (
      v.pressureMin !== undefined &&
      v.pressureMax !== undefined &&
      v.pressureMin > v.pressureMax
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['pressureMin'],
        message: 'Lightest pressure must not exceed the firmest',
      });
    }
  })
  .transform((v) => ({
    q: v.q ?? '',
    modality: v.modality,
    condition: v.condition,
    intent: v.intent,
    place: v.place ?? null,
    near: v.lat !== undefined && v.lng !== undefined ? { latitude: v.lat, longitude: v.lng } : null,
    radiusMiles: v.radius ?? null,
    minRating: v.minRating ?? null,
    pressureMin: v.pressureMin ?? null,
    pressureMax: v.pressureMax ?? null,
    mobile: v.mobile ?? null,
    language: v.language ?? null,
    sort: v.sort ?? null,
    page: v.page ?? 1,
    pageSize: v.pageSize ?? DEFAULT_PAGE_SIZE,
  }));

export type SearchQuery = z.output<typeof searchQuerySchema>;

export interface ParameterIssue {
  parameter: string;
  message: string;
}

export type ParsedSearchQuery =
  { ok: true; query: SearchQuery } | { ok: false; issues: ParameterIssue[] };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: RawParams): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  const record: Record<string, string[]> = {};
  for (const [key, value] of params) (record[key] ??= []).push(value);
  return record;
}

/** Parses search parameters; unknown parameters are ignored, bad ones are named. */
export function parseSearchQuery(params: RawParams): ParsedSearchQuery {
  const result = searchQuerySchema.safeParse(toRecord(params));
  if (result.success) return { ok: true, query: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      parameter: String(issue.path[0] ?? 'query'),
      message: issue.message,
    })),
  };
}

/** The URL parameters that reproduce `query` (defaults left out), for links and the address bar. */
export function toSearchParams(query: Partial<SearchQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const slug of query.modality ?? []) params.append('modality', slug);
  for (const slug of query.condition ?? []) params.append('condition', slug);
  for (const intent of query.intent ?? []) params.append('intent', intent);
  if (query.place) params.set('place', query.place);
  if (query.near) {
    params.set('lat', query.near.latitude.toFixed(4));
    params.set('lng', query.near.longitude.toFixed(4));
  }
  if (query.radiusMiles) params.set('radius', String(query.radiusMiles));
  if (query.minRating) params.set('minRating', String(query.minRating));
  if (query.pressureMin) params.set('pressureMin', String(query.pressureMin));
  if (query.pressureMax) params.set('pressureMax', String(query.pressureMax));
  if (query.mobile !== null && query.mobile !== undefined)
    params.set('mobile', query.mobile ? '1' : '0');
  if (query.language) params.set('language', query.language);
  if (query.sort) params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE)
    params.set('pageSize', String(query.pageSize));
  return params;
}
