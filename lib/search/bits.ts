/**
 * Taxonomy values as bits, so the Postgres engine filters and counts facets with integer
 * arithmetic. Bit i stands for the i-th entry of the taxonomy lists, which only ever grow at
 * the end (slugs and their order are stable); a new entry needs a reindex.
 */
import { INTENTS } from '@/db/schema/enums';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';

export const MODALITY_BITS: readonly string[] = MODALITIES.map((m) => m.slug);
export const CONDITION_BITS: readonly string[] = CONDITIONS.map((c) => c.slug);
export const INTENT_BITS: readonly string[] = INTENTS;

if (MODALITY_BITS.length > 52 || CONDITION_BITS.length > 52) {
  throw new Error('The taxonomy outgrew the 52 bits a search mask can hold exactly');
}

/** The mask with the bits of `values` set (values not in `bits` are ignored). */
export function toMask(bits: readonly string[], values: readonly string[]): number {
  const set = new Set(values.map((value) => bits.indexOf(value)).filter((i) => i >= 0));
  let mask = 0;
  for (const i of set) mask += 2 ** i;
  return mask;
}
