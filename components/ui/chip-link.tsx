import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';

/** The look of a chip, for links and for checkbox labels that toggle a filter. */
export function chipClasses(className?: string, current = false): string {
  return cn(
    'inline-flex min-h-10 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 transition-colors hover:border-teal-700 hover:bg-teal-50 hover:text-teal-900',
    current && 'border-teal-700 bg-teal-700 text-white hover:bg-teal-800 hover:text-white',
    className,
  );
}

interface ChipLinkProps {
  href: string;
  /** The filter the page shows now (one among several chips). */
  current?: boolean;
  className?: string;
  children: ReactNode;
}

/** A rounded link used for quick filters and topics. */
export function ChipLink({ href, current = false, className, children }: ChipLinkProps) {
  return (
    <Link
      href={href}
      prefetch={false}
      aria-current={current ? 'page' : undefined}
      className={chipClasses(className, current)}
    >
      {children}
    </Link>
  );
}
