/**
 * Marks the words of a text that a query matched. The result is a list of plain-text segments,
 * so nothing a therapist or reviewer wrote can ever become markup.
 */
import { foldText } from './analyze';
import type { HighlightSegment } from './types';

/** A crude English stem, enough to see that "shoulders" and "shoulder" are the same word. */
function stem(word: string): string {
  return word.replace(/(ing|es|s)$/, '');
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
      wanted.some(
        (term) => folded.startsWith(term) || (term.length > 3 && stem(folded) === stem(term)),
      );
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
