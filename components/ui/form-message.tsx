import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  error: 'border-red-200 bg-red-50 text-red-900',
  success: 'border-teal-200 bg-teal-50 text-teal-900',
  info: 'border-stone-200 bg-stone-50 text-stone-800',
} as const;

/** A message about a form, announced to screen readers when it appears. */
export function FormMessage({
  tone,
  children,
  className,
}: {
  tone: keyof typeof TONES;
  children: ReactNode;
  className?: string;
}) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-xl border px-4 py-3 text-sm', TONES[tone], className)}
    >
      {children}
    </p>
  );
}
