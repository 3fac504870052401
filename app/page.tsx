import { connection } from 'next/server';
import { Container } from '@/components/ui/container';
import { Section } from '@/components/ui/section';
import { HowReviewsWork } from '@/components/therapists/how-reviews-work';
import { TherapistGrid } from '@/components/therapists/therapist-grid';
import { TherapistSearchForm } from '@/components/therapists/therapist-search-form';
import { TopicLinks, type TopicLink } from '@/components/therapists/topic-links';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { DEFAULT_CITY } from '@/lib/config';
import { listTherapistsNear } from '@/lib/therapists/queries';

const FEATURED_MODALITIES = [
  'deep-tissue',
  'trigger-point',
  'sports-massage',
  'acupressure-firm',
  'acupressure-light-touch',
  'shiatsu',
  'reflexology',
  'myofascial-release',
] as const;

const FEATURED_CONDITIONS = [
  'lower-back-pain',
  'neck-pain',
  'sciatica',
  'tension-headache',
  'tight-shoulders',
] as const;

function pick(list: readonly TopicLink[], slugs: readonly string[]): TopicLink[] {
  return slugs.flatMap((slug) => {
    const found = list.find((item) => item.slug === slug);
    return found ? [{ slug: found.slug, name: found.name }] : [];
  });
}

const modalityTopics = pick(MODALITIES, FEATURED_MODALITIES);
const conditionTopics = pick(CONDITIONS, FEATURED_CONDITIONS);

export default async function HomePage() {
  await connection();
  const therapists = await listTherapistsNear(DEFAULT_CITY, { limit: 12 });
  const cityLabel = `${DEFAULT_CITY.name}, ${DEFAULT_CITY.region}`;

  return (
    <>
      <div className="border-b border-stone-200 bg-linear-to-b from-teal-50/70 to-stone-50">
        <Container className="py-10 sm:py-16">
          <div className="max-w-3xl">
            <h1 className="text-3xl font-semibold tracking-tight text-balance text-stone-900 sm:text-5xl">
              Get rid of the pain. Keep it gone.
            </h1>
            <p className="mt-4 max-w-2xl text-base text-pretty text-stone-700 sm:text-lg">
              Word-of-mouth reviews of massage and bodywork therapists that say what happened to the
              pain: how bad it was, how it is now, and whether it was still better weeks later.
            </p>
          </div>
          <TherapistSearchForm className="mt-8 max-w-4xl" />
          <div className="mt-8 grid max-w-4xl gap-6">
            <TopicLinks title="Common problems" param="condition" topics={conditionTopics} />
            <TopicLinks title="Specialties" param="modality" topics={modalityTopics} />
          </div>
        </Container>
      </div>

      <Container className="space-y-16 py-12">
        <Section
          id="nearby"
          title={`Therapists near ${cityLabel}`}
          description="Best rated first. Ratings and outcomes come from published reviews."
        >
          <TherapistGrid
            therapists={therapists}
            emptyTitle={`No therapists listed near ${cityLabel} yet`}
          />
        </Section>
        <HowReviewsWork />
      </Container>
    </>
  );
}
