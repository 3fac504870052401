import type { HTMLAttributes } from 'react';
import { cn } from './cn';

interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'div' | 'section' | 'article' | 'aside' | 'li';
}

/** A white surface with a hairline border. */
export function Card({ as: Tag = 'div', className, ...props }: CardProps) {
  return (
    <Tag
      className={cn('rounded-2xl border border-stone-200 bg-white shadow-xs', className)}
      {...props}
    />
  );
}
