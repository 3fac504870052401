import { searchTherapists } from '@/lib/search';
import { parseSearchQuery } from '@/lib/search/query';

/** The slugs that search (through whichever engine is set) finds for these URL parameters. */
export async function searchSlugs(params: Record<string, string | string[]>): Promise<string[]> {
  const parsed = parseSearchQuery(params);
  if (!parsed.ok) throw new Error(`bad query ${JSON.stringify(params)}`);
  return (await searchTherapists(parsed.query)).hits.map((h) => h.slug);
}
