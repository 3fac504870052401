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
