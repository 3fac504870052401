'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const SECTIONS = [
  { href: '/dashboard', label: 'Overview' },
  { href: '/dashboard/profile', label: 'Profile' },
  { href: '/dashboard/contact', label: 'Contact details' },
  { href: '/dashboard/reviews', label: 'Reviews and replies' },
  { href: '/dashboard/invitations', label: 'Invitations' },
  { href: '/dashboard/insights', label: 'Insights' },
] as const;

/** The owner dashboard's sections; the current one is marked for screen readers too. */
export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Your listing" className="border-b border-stone-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {SECTIONS.map((section) => {
          const current = pathname === section.href;
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-block border-b-2 px-3 py-3 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-teal-700',
                  current
                    ? 'border-teal-700 text-teal-900'
                    : 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900',
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
