import Link from 'next/link';
import { Container } from '@/components/ui/container';
import { Wordmark } from './wordmark';

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <Container className="flex min-h-16 flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3">
        <Link href="/" className="rounded-lg text-stone-900" aria-label="Unknot home">
          <Wordmark />
        </Link>
        <p className="text-sm text-stone-600">Find the therapist who gets rid of the pain</p>
      </Container>
    </header>
  );
}
