import type { ReactNode } from 'react';
import { cn } from './cn';

interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}

/** What to show where a list has nothing in it, and what to do next. */
export function EmptyState({ title, children, action, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        'rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center',
        className,
      )}
    >
      <p className="text-base font-semibold text-balance text-stone-900">{title}</p>
      {children ? (
        <div className="mx-auto mt-2 max-w-prose text-sm text-stone-600">{children}</div>
      ) : null}
      {action ? <div className="mt-5 flex justify-center">{action}</div> : null}
    </div>
  );
}
