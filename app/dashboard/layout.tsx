import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DashboardNav } from '@/components/dashboard/dashboard-nav';
import { Container } from '@/components/ui/container';

export const metadata: Metadata = {
  title: { template: '%s · Your listing', default: 'Your listing' },
  robots: { index: false },
};

/**
 * The owner dashboard's frame. Each page checks the viewer itself (through the data layer):
 * a layout is not a guard.
 */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <Container className="py-8">
      <DashboardNav />
      <div className="pt-8">{children}</div>
    </Container>
  );
}
