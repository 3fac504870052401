/**
 * The profile's review list in the address: sort, filters and page. One strict schema parses
 * `?sort=&condition=&intent=&stars=&page=`; a setting that fails is left out and reported, so a
 * bad link still shows the reviews (never an error page).
 */
import { z } from 'zod';
import { INTENTS, type Intent } from '@/db/schema/enums';
import { CONDITIONS } from '@/db/taxonomy';

export const REVIEW_SORTS = ['helpful', 'newest', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const DEFAULT_REVIEW_SORT: ReviewSort = 'helpful';

export const REVIEW_SORT_LABELS: Record<ReviewSort, string> = {
  helpful: 'Most helpful',
  newest: 'Newest',
  highest: 'Highest rated',
  lowest: 'Lowest rated',
};

/** Pages past this are refused (a review list this long is read by filtering, not paging). */
export const MAX_REVIEW_PAGE = 10_000;

/** The review list one address asks for. */
export interface ReviewListQuery {
  sort: ReviewSort;
  /** Condition slug: only reviews whose reviewer chose to show this condition. */
  condition: string | null;
  intent: Intent | null;
  /** Exactly this many stars. */
  stars: number | null;
  page: number;
}

export const DEFAULT_REVIEW_QUERY: ReviewListQuery = {
  sort: DEFAULT_REVIEW_SORT,
  condition: null,
  intent: null,
  stars: null,
  page: 1,
};

/** What each parameter is called on the page, for notices about it. */
export const REVIEW_PARAM_LABELS: Record<keyof ReviewListQuery, string> = {
  sort: 'Sort',
  condition: 'Condition',
  intent: 'Kind of session',
  stars: 'Stars',
  page: 'Page',
};

const conditionSlugs = CONDITIONS.map((c) => c.slug) as [string, ...string[]];

/** One value per parameter: the last wins when repeated; blank means "not set". */
function single<T extends z.ZodType<unknown, string>>(inner: T) {
  return z.preprocess((value) => {
    const last: unknown = Array.isArray(value) ? (value as unknown[])[value.length - 1] : value;
    if (typeof last !== 'string') return last;
    const trimmed = last.trim();
    return trimmed === '' ? undefined : trimmed;
  }, inner.optional());
}

/** The address's parameters, each checked on its own; unknown parameters are refused. */
export const reviewListParams = z.strictObject({
  sort: single(
    z.enum(REVIEW_SORTS, {
      error: 'Choose most helpful, newest, highest rated or lowest rated',
    }),
  ),
  condition: single(z.enum(conditionSlugs, { error: 'This is not a condition we know' })),
  intent: single(z.enum(INTENTS, { error: 'This is not a kind of session we know' })),
  stars: single(
    z
      .string()
      .regex(/^[1-5]$/, { error: 'Stars go from 1 to 5' })
      .transform(Number),
  ),
  page: single(
    z
      .string()
      .regex(/^\d{1,6}$/, { error: 'A page is a whole number from 1' })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, { error: 'A page is a whole number from 1' })
          .max(MAX_REVIEW_PAGE, { error: 'There are not that many pages' }),
      ),
  ),
});

/** A setting in the address that was left out, and why. */
export interface ReviewParamNotice {
  /** The parameter's name in the address. */
  parameter: string;
  /** What the page calls it. */
  label: string;
  message: string;
}

type RawParams = Record<string, string | string[] | undefined>;

/** Notices shown at most; an address with more problems gets one notice for the rest. */
export const MAX_PARAM_NOTICES = 5;

function labelOf(parameter: string): string {
  if (Object.hasOwn(REVIEW_PARAM_LABELS, parameter)) {
    return REVIEW_PARAM_LABELS[parameter as keyof ReviewListQuery];
  }
  return parameter.length > 40 ? `${parameter.slice(0, 39)}…` : parameter;
}

/**
 * Parses the review list settings from a page's search parameters. Each setting that fails the
 * schema is dropped with a notice; the others still apply.
 */
export function parseReviewListParams(raw: RawParams): {
  query: ReviewListQuery;
  notices: ReviewParamNotice[];
} {
  const notices: ReviewParamNotice[] = [];
  // No prototype: a parameter named "__proto__" is a parameter like any other.
  const working = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) working[name] = value;
  }
  // Each round drops every parameter at fault; the fields are independent, so two rounds do.
  for (let round = 0; round < 3; round += 1) {
    const parsed = reviewListParams.safeParse(working);
    if (parsed.success) {
      const { sort, condition, intent, stars, page } = parsed.data;
      return {
        query: {
          sort: sort ?? DEFAULT_REVIEW_SORT,
          condition: condition ?? null,
          intent: intent ?? null,
          stars: stars ?? null,
          page: page ?? 1,
        },
        notices,
      };
    }
    for (const issue of parsed.error.issues) {
      const names =
        issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? 'form')];
      for (const name of names) {
        delete working[name];
        if (notices.some((n) => n.parameter === name)) continue;
        if (notices.length === MAX_PARAM_NOTICES) {
          notices.push({
            parameter: '…',
            label: 'Other settings',
            message: 'More settings in this address could not be used',
          });
        }
        if (notices.length > MAX_PARAM_NOTICES) continue;
        notices.push({
          parameter: name,
          label: labelOf(name),
          message:
            issue.code === 'unrecognized_keys'
              ? 'This is not a setting of this page'
              : issue.message,
        });
      }
    }
  }
  return { query: { ...DEFAULT_REVIEW_QUERY }, notices };
}

/** The address parameters of a query, without the defaults (so addresses stay short). */
export function toReviewSearchParams(query: ReviewListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.sort !== DEFAULT_REVIEW_SORT) params.set('sort', query.sort);
  if (query.condition) params.set('condition', query.condition);
  if (query.intent) params.set('intent', query.intent);
  if (query.stars !== null) params.set('stars', String(query.stars));
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** The address of a review list on a page at `basePath`, jumping to the reviews. */
export function reviewListHref(
  basePath: string,
  query: ReviewListQuery,
  changes: Partial<ReviewListQuery> = {},
  anchor = 'reviews',
): string {
  const params = toReviewSearchParams({ ...query, ...changes }).toString();
  return `${basePath}${params ? `?${params}` : ''}#${anchor}`;
}

/** The filters in use (those the "Clear filters" link removes). */
export function hasReviewFilters(query: ReviewListQuery): boolean {
  return query.condition !== null || query.intent !== null || query.stars !== null;
}
