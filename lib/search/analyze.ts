/**
 * Reading what people type: folding, the taxonomy's phrases and synonyms ("pain down my leg"
 * is sciatica, "knots" are trigger points, shiatsu belongs with acupressure), and the generic
 * words that say nothing about whom to find. Both engines use the same map.
 */
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';

/** Lowercase ASCII words separated by single spaces ("Café-Massage!" -> "cafe massage"). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that match nearly every listing; dropped from the text query. */
const GENERIC_WORDS = new Set([
  'massage',
  'massages',
  'therapist',
  'therapists',
  'therapy',
  'masseuse',
  'masseur',
  'lmt',
  'bodywork',
  'bodyworker',
  'practitioner',
  'best',
  'good',
  'great',
  'top',
  'near',
  'me',
  'my',
  'for',
  'a',
  'an',
  'the',
  'and',
  'with',
  'of',
  'to',
  'in',
  'i',
  'have',
  'who',
  'can',
  'help',
  'treat',
  'treats',
  'fix',
]);

/**
 * Words the English text-search configuration ignores: a query made of them alone would match
 * nothing, so they are dropped before the text query is built.
 */
const STOPWORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is ' +
    'are was were be been being have has had having do does did doing a an the and but if or because as until ' +
    'while of at by for with about against between into through during before after above below to from up ' +
    'down in out on off over under again further then once here there when where why how all any both each ' +
    'few more most other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
);

/** Words of the search's own filters, which are never read as a place ("mobile", "in home"). */
const FILTER_WORDS = [
  'mobile',
  'home',
  'inhome',
  'house',
  'call',
  'english',
  'spanish',
  'chinese',
  'korean',
  'vietnamese',
  'russian',
  'french',
];

/** Phrases people use for any massage therapist: "massage therapist" ~ "LMT" ~ "masseuse". */
export const GENERIC_SYNONYMS = ['massage therapist', 'lmt', 'masseuse'] as const;

export interface TaxonomyMatch {
  /** The words of the query this came from. */
  phrase: string;
  kind: 'modality' | 'condition';
  /** Slugs the phrase names directly. */
  slugs: string[];
  /** Slugs of the same family the phrase is a synonym of (shiatsu -> the acupressure forms). */
  related: string[];
}

interface PhraseEntry {
  kind: 'modality' | 'condition';
  slugs: Set<string>;
}

function nameVariants(name: string): string[] {
  const folded = foldText(name.replace(/\(.*?\)/g, ' '));
  const variants = new Set([folded]);
  for (const part of name.split('/')) variants.add(foldText(part.replace(/\(.*?\)/g, ' ')));
  if (folded.endsWith(' massage')) variants.add(folded.slice(0, -' massage'.length));
  if (folded.endsWith(' therapy')) variants.add(folded.slice(0, -' therapy'.length));
  return [...variants].filter((v) => v.length > 1);
}

function buildPhraseIndex(): Map<string, PhraseEntry> {
  const index = new Map<string, PhraseEntry>();
  const add = (phrase: string, kind: PhraseEntry['kind'], slug: string) => {
    const key = foldText(phrase);
    if (!key) return;
    const entry = index.get(`${kind}:${key}`) ?? { kind, slugs: new Set<string>() };
    entry.slugs.add(slug);
    index.set(`${kind}:${key}`, entry);
  };
  for (const m of MODALITIES) {
    for (const v of [...nameVariants(m.name), foldText(m.slug), ...m.synonyms])
      add(v, 'modality', m.slug);
  }
  for (const c of CONDITIONS) {
    for (const v of [...nameVariants(c.name), foldText(c.slug), ...c.synonyms])
      add(v, 'condition', c.slug);
  }
  return index;
}

const PHRASES = buildPhraseIndex();

/** Every word the search understands by itself: generic words, filter words, taxonomy words. */
const SEARCH_WORDS = new Set([
  ...GENERIC_WORDS,
  ...FILTER_WORDS,
  ...[...PHRASES.keys()].flatMap((key) => key.split(':')[1]!.split(' ')),
]);

/** True for a word the search reads as something other than a place name. */
export function isSearchWord(word: string): boolean {
  return SEARCH_WORDS.has(foldText(word));
}
const LONGEST_PHRASE = Math.max(
  ...[...PHRASES.keys()].map((k) => k.split(':')[1]!.split(' ').length),
);

/** Modalities that share a synonym with `slug` (shiatsu and the acupressure forms). */
function relatedModalities(slug: string): string[] {
  const own = MODALITIES.find((m) => m.slug === slug);
  if (!own) return [];
  const words = new Set(own.synonyms.map(foldText));
  return MODALITIES.filter(
    (m) =>
      m.slug !== slug && m.family === own.family && m.synonyms.some((s) => words.has(foldText(s))),
  ).map((m) => m.slug);
}

function lookup(phrase: string): TaxonomyMatch | null {
  for (const kind of ['modality', 'condition'] as const) {
    const entry =
      PHRASES.get(`${kind}:${phrase}`) ??
      (phrase.endsWith('s') ? PHRASES.get(`${kind}:${phrase.slice(0, -1)}`) : undefined);
    if (entry) {
      const slugs = [...entry.slugs];
      const related =
        kind === 'modality'
          ? [...new Set(slugs.flatMap(relatedModalities))].filter((s) => !entry.slugs.has(s))
          : [];
      return { phrase, kind, slugs, related };
    }
  }
  return null;
}

export interface AnalyzedText {
  /** Taxonomy phrases found, longest first from the left. */
  matches: TaxonomyMatch[];
  /** The remaining words that carry meaning, in order. */
  words: string[];
}

/** Splits folded text into taxonomy phrases and the remaining meaningful words. */
export function analyzeText(text: string): AnalyzedText {
  const tokens = foldText(text).split(' ').filter(Boolean);
  const matches: TaxonomyMatch[] = [];
  const words: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: TaxonomyMatch | null = null;
    let length = Math.min(LONGEST_PHRASE, tokens.length - i);
    for (; length >= 1 && !found; length--) {
      const candidate = tokens.slice(i, i + length).join(' ');
      if (length === 1 && GENERIC_WORDS.has(candidate)) break;
      found = lookup(candidate);
    }
    if (found) {
      matches.push(found);
      i += found.phrase.split(' ').length;
    } else {
      const token = tokens[i]!;
      if (!GENERIC_WORDS.has(token) && !STOPWORDS.has(token)) words.push(token);
      i += 1;
    }
  }
  return { matches, words };
}

/**
 * The synonym groups as the Meilisearch engine's settings want them: every phrase maps to the
 * other phrases of its groups.
 */
export function synonymMap(): Record<string, string[]> {
  const groups: string[][] = [[...GENERIC_SYNONYMS]];
  for (const m of MODALITIES) groups.push([...nameVariants(m.name), ...m.synonyms.map(foldText)]);
  for (const c of CONDITIONS) groups.push([...nameVariants(c.name), ...c.synonyms.map(foldText)]);
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const unique = [...new Set(group.filter(Boolean))];
    for (const phrase of unique) {
      const set = map.get(phrase) ?? new Set<string>();
      for (const other of unique) if (other !== phrase) set.add(other);
      map.set(phrase, set);
    }
  }
  return Object.fromEntries(
    [...map.entries()].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s].sort()]),
  );
}
