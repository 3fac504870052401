import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { Container } from '@/components/ui/container';
import { Section } from '@/components/ui/section';
import { ContactLinks } from '@/components/therapists/contact-links';
import { ModalityGroups } from '@/components/therapists/modality-groups';
import { PracticeDetails } from '@/components/therapists/practice-details';
import { PracticeLocations } from '@/components/therapists/practice-locations';
import { ProfileHeader } from '@/components/therapists/profile-header';
import { RatingOverview } from '@/components/therapists/rating-overview';
import { ReviewList } from '@/components/therapists/review-list';
import { TagList } from '@/components/therapists/tag-list';
import { MIN_OUTCOME_REPORTS } from '@/lib/config';
import { pluralize } from '@/lib/format';
import { getTherapistProfile, listTherapistReviews } from '@/lib/therapists/queries';

interface ProfilePageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function firstValue(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const values: readonly unknown[] = value;
  return values[0];
}

/** `?page=N`: a positive whole number (the first one when repeated), anything else is page 1. */
const pageParam = z
  .preprocess(
    firstValue,
    z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(1)),
  )
  .catch(1);

const loadProfile = cache(async (slug: string) => {
  await connection();
  return getTherapistProfile(slug);
});

export async function generateMetadata({ params }: ProfilePageProps): Promise<Metadata> {
  const { slug } = await params;
  const therapist = await loadProfile(slug);
  if (!therapist) return { title: 'Therapist not found' };
  const place = therapist.locations.find((location) => location.current);
  const name = therapist.credentials
    ? `${therapist.name}, ${therapist.credentials}`
    : therapist.name;
  return {
    title: place ? `${name} in ${place.city}, ${place.region}` : name,
    description: therapist.headline,
  };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export default async function TherapistProfilePage({ params, searchParams }: ProfilePageProps) {
  const { slug } = await params;
  const therapist = await loadProfile(slug);
  if (!therapist) notFound();

  const page = pageParam.parse((await searchParams).page);
  const reviews = await listTherapistReviews(therapist.id, { page });
  const basePath = `/therapists/${encodeURIComponent(therapist.slug)}`;
  const hrefForPage = (n: number) =>
    n <= 1 ? `${basePath}#reviews` : `${basePath}?page=${n}#reviews`;
  const bio = paragraphs(therapist.bio);

  return (
    <Container className="py-8 sm:py-12">
      <ProfileHeader therapist={therapist} />

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <aside className="space-y-4 lg:col-start-2 lg:row-start-1" aria-label="Booking and ratings">
          <ContactLinks
            bookingUrl={therapist.bookingUrl}
            phone={therapist.phone}
            website={therapist.website}
          />
          <RatingOverview
            rating={therapist.rating}
            improved={therapist.improved}
            lastingRelief={therapist.lastingRelief}
            minReports={MIN_OUTCOME_REPORTS}
          />
        </aside>

        <div className="min-w-0 space-y-10 lg:col-start-1 lg:row-start-1">
          {bio.length > 0 ? (
            <Section id="about" title="About">
              <div className="max-w-prose space-y-3 text-[0.9375rem] leading-relaxed text-stone-800">
                {bio.map((paragraph, index) => (
                  <p key={index} className="whitespace-pre-line">
                    {paragraph}
                  </p>
                ))}
              </div>
            </Section>
          ) : null}

          <Section id="practice" title="How they work">
            <PracticeDetails
              intents={therapist.intents}
              pressureMin={therapist.pressureMin}
              pressureMax={therapist.pressureMax}
              languages={therapist.languages}
              mobileService={therapist.mobileService}
            />
          </Section>

          <Section id="techniques" title="Techniques">
            <ModalityGroups modalities={therapist.modalities} />
          </Section>

          <Section id="conditions" title="Conditions treated">
            {therapist.conditions.length > 0 ? (
              <TagList tags={therapist.conditions} />
            ) : (
              <p className="text-sm text-stone-600">No conditions listed yet.</p>
            )}
          </Section>

          <Section id="locations" title="Where they practice">
            <PracticeLocations locations={therapist.locations} />
          </Section>

          <Section
            id="reviews"
            title="Reviews"
            aside={
              reviews.total > 0 ? (
                <p className="text-sm text-stone-600">
                  {pluralize(reviews.total, 'published review')}, newest first
                </p>
              ) : null
            }
          >
            <ReviewList reviews={reviews} requestedPage={page} hrefForPage={hrefForPage} />
          </Section>
        </div>
      </div>
    </Container>
  );
}
