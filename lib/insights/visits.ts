/**
 * Which requests count as a person looking: decided from the request alone, without storing
 * anything about who sent it.
 */

/** Words that crawlers, link previewers and fetch tools put in their user-agent. */
const AUTOMATED = /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl\/|wget\//i;

/**
 * True for user-agents that announce a robot (search crawlers, link previews, fetch tools), and
 * for a missing one: every browser sends a user-agent.
 */
export function isLikelyBot(userAgent: string | null | undefined): boolean {
  const agent = userAgent?.trim() ?? '';
  if (agent === '') return true;
  return AUTOMATED.test(agent);
}

/** True when the browser is only fetching ahead, not showing the page to anyone yet. */
export function isPrefetchRequest(headers: Pick<Headers, 'get'>): boolean {
  if (headers.get('next-router-prefetch') !== null) return true;
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
  return /prefetch|prerender/i.test(purpose);
}

/**
 * Parameters a profile only carries once someone is already on it: the review list's paging,
 * sorting and filters, and the landing after writing a review.
 */
const ON_PAGE_PARAMS = ['page', 'sort', 'stars', 'condition', 'intent', 'review', 'invitation'];

/**
 * True when a profile request is someone opening it: not a prefetch, not the page rendered again
 * after a button on it (a server action), not paging or filtering its reviews.
 */
export function isProfileOpen(
  headers: Pick<Headers, 'get'>,
  params: Readonly<Record<string, unknown>>,
): boolean {
  if (isPrefetchRequest(headers) || headers.get('next-action') !== null) return false;
  return !ON_PAGE_PARAMS.some((key) => params[key] !== undefined);
}
