import type { ReactNode } from 'react';
import { cn } from './cn';

interface SectionProps {
  /** Used for the heading's id, so the section is named by its heading. */
  id: string;
  title: ReactNode;
  description?: ReactNode;
  /** Shown at the end of the heading row (a count, a link). */
  aside?: ReactNode;
  headingLevel?: 'h2' | 'h3';
  className?: string;
  children: ReactNode;
}

/** A titled region of a page. */
export function Section({
  id,
  title,
  description,
  aside,
  headingLevel: Heading = 'h2',
  className,
  children,
}: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className={cn('scroll-mt-6', className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <Heading
          id={headingId}
          className={cn(
            'font-semibold tracking-tight text-stone-900',
            Heading === 'h2' ? 'text-xl' : 'text-base',
          )}
        >
          {title}
        </Heading>
        {aside}
      </div>
      {description ? <div className="mt-1 text-sm text-stone-600">{description}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
