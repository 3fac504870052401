import Link from 'next/link';
import type { ReactNode } from 'react';
import { ChevronLeftIcon } from './icons';

/** The way back to the page this one belongs to, above its heading. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex min-h-11 items-center gap-1 text-sm font-semibold text-teal-800 hover:text-teal-900"
    >
      <ChevronLeftIcon className="size-4" />
      {children}
    </Link>
  );
}
