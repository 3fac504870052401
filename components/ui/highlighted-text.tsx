import { Fragment } from 'react';
import { cn } from './cn';

/** A piece of text; `match` pieces are shown marked. */
export interface TextSegment {
  text: string;
  match: boolean;
}

interface HighlightedTextProps {
  segments: readonly TextSegment[];
  className?: string;
}

/** Text with the matched pieces in <mark>. Every piece is rendered as text, never as markup. */
export function HighlightedText({ segments, className }: HighlightedTextProps) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className={cn('rounded-sm bg-amber-100 px-px text-inherit', className)}>
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
