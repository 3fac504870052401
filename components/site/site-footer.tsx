import Link from 'next/link';
import { Container } from '@/components/ui/container';
import { Wordmark } from './wordmark';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <Container className="grid gap-6 py-10 text-sm text-stone-600 md:grid-cols-[auto_1fr] md:gap-12">
        <Link href="/" className="self-start rounded-lg text-stone-900" aria-label="Unknot home">
          <Wordmark className="text-base" />
        </Link>
        <div className="max-w-2xl space-y-2">
          <p>
            Outcome figures on Unknot are self-reported by reviewers. They are not verified clinical
            results.
          </p>
          <p>
            Massage and bodywork are not a substitute for medical care. If your pain is severe,
            sudden, follows an injury or comes with numbness or weakness, see a doctor first.
          </p>
          <p className="text-stone-500">Unknot is open source.</p>
        </div>
      </Container>
    </footer>
  );
}
