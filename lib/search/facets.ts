/** Facet values with their labels, shared by both engines so their answers look the same. */
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { INTENT_LABELS } from '@/lib/format';
import type { FacetCount, SearchFacets } from './types';

export const FACET_LABELS: Record<keyof SearchFacets, ReadonlyMap<string, string>> = {
  modality: new Map(MODALITIES.map((m) => [m.slug, m.name])),
  condition: new Map(CONDITIONS.map((c) => [c.slug, c.name])),
  intent: new Map<string, string>(Object.entries(INTENT_LABELS)),
};

/**
 * A facet's values, most frequent first: values with a count, and the chosen values even when
 * nothing matches them (so a chosen chip never disappears). Unknown values are left out.
 */
export function toFacetCounts(
  facet: keyof SearchFacets,
  distribution: Readonly<Record<string, number>>,
  selected: readonly string[],
): FacetCount[] {
  const labels = FACET_LABELS[facet];
  const counts = new Map(Object.entries(distribution).filter(([, count]) => count > 0));
  for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
  const facets: FacetCount[] = [];
  for (const [value, count] of counts) {
    const label = labels.get(value);
    if (label !== undefined) facets.push({ value, label, count });
  }
  return facets.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
