import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { TEXT_LINK } from '@/components/ui/text-link';

/** The frame of a moderation page: its heading, the way to the other pages, and the last decision. */
export function ModerationFrame({
  title,
  links,
  done,
  className,
  children,
}: {
  title: string;
  /** The other moderation pages to go to from here. */
  links: readonly { href: string; label: string }[];
  /** What the last decision did (the page is opened again with it in the address). */
  done?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Container className={cn('max-w-4xl py-10', className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">{title}</h1>
        <nav aria-label="Moderation sections">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className={TEXT_LINK}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {done ? (
        <FormMessage tone="success" className="mt-6">
          {done}
        </FormMessage>
      ) : null}
      {children}
    </Container>
  );
}
