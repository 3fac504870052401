import type { Metadata, Viewport } from 'next';
import { GeistSans } from 'geist/font/sans';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { SkipLink } from '@/components/site/skip-link';
import { getViewer } from '@/lib/auth/viewer';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'Unknot · Find the therapist who gets rid of the pain',
    template: '%s · Unknot',
  },
  description:
    'Find a massage or bodywork therapist who actually gets rid of your pain, through reviews that record whether the pain went away and stayed away.',
  applicationName: 'Unknot',
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  themeColor: '#0f766e',
  colorScheme: 'light',
};

const MAIN_ID = 'main';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en" className={GeistSans.variable} data-scroll-behavior="smooth">
      <body className="flex min-h-dvh flex-col">
        <SkipLink targetId={MAIN_ID} />
        <SiteHeader
          viewer={viewer ? { displayName: viewer.displayName, role: viewer.role } : null}
        />
        <main id={MAIN_ID} tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
