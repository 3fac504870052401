/**
 * Marks the words of a text that a query matched. The result is a list of plain-text segments,
 * so nothing a therapist or reviewer wrote can ever become markup.
 */
import { foldText } from './analyze';
import type { HighlightSegment } from './types';

/** The forms a word may have without its plural or -ing ending ("headaches" -> headache, headach). */
function stems(word: string): string[] {
  const forms = [word];
  for (const ending of ['ing', 'es', 's']) {
    if (word.length > ending.length + 2 && word.endsWith(ending))
      forms.push(word.slice(0, -ending.length));
  }
  return forms;
}

/** True when two words share a form: "shoulders" and "shoulder", "headaches" and "headache". */
function sameWord(a: string, b: string): boolean {
  const other = stems(b);
  return stems(a).some((form) => other.includes(form));
}

/**
 * Splits `text` into segments; a word is a match when its folded form starts with one of
 * `terms` (prefix matching while typing) or shares its stem.
 */
export function highlight(text: string, terms: readonly string[]): HighlightSegment[] {
  const wanted = terms.map(foldText).filter((t) => t.length >= 2);
  if (wanted.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const segments: HighlightSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  for (const piece of text.split(/([\p{L}\p{N}]+)/u)) {
    if (piece === '') continue;
    const folded = foldText(piece);
    const match =
      folded !== '' &&
      wanted.some((term) => folded.startsWith(term) || (term.length > 3 && sameWord(folded, term)));
    push(piece, match);
  }
  return segments;
}

/** Segments back to their text with the matches wrapped as `open`…`close` (for tests and logs). */
export function segmentsToString(
  segments: readonly HighlightSegment[],
  open = '[',
  close = ']',
): string {
  return segments.map((s) => (s.match ? `${open}${s.text}${close}` : s.text)).join('');
}
