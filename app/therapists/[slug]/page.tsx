import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { after, connection } from 'next/server';
import { cache } from 'react';
import Link from 'next/link';
import { IsThisYou } from '@/components/claims/is-this-you';
import { Container } from '@/components/ui/container';
import { Section } from '@/components/ui/section';
import { ConditionOutcomes } from '@/components/therapists/condition-outcomes';
import { ContactLinks } from '@/components/therapists/contact-links';
import { HeldBackReviews } from '@/components/therapists/held-back-reviews';
import { ModalityGroups } from '@/components/therapists/modality-groups';
import { OpeningHoursList } from '@/components/therapists/opening-hours';
import { PracticeDetails } from '@/components/therapists/practice-details';
import { PriceList } from '@/components/therapists/price-list';
import { ScopeOfCare } from '@/components/therapists/scope-of-care';
import { PracticeLocations } from '@/components/therapists/practice-locations';
import { ProfileHeader } from '@/components/therapists/profile-header';
import { RatingOverview } from '@/components/therapists/rating-overview';
import { ReliefCurve } from '@/components/therapists/relief-curve';
import { ReviewFilters } from '@/components/therapists/review-filters';
import { ReviewList } from '@/components/therapists/review-list';
import { ReviewParamNotices } from '@/components/therapists/review-param-notices';
import { FormMessage } from '@/components/ui/form-message';
import { TagList } from '@/components/therapists/tag-list';
import { WriteReviewLink } from '@/components/therapists/write-review-link';
import { INTENTS } from '@/db/schema/enums';
import { CONDITIONS } from '@/db/taxonomy';
import { getViewer } from '@/lib/auth/viewer';
import { recordProfileView } from '@/lib/insights/counts';
import { isProfileOpen } from '@/lib/insights/visits';
import { MIN_OUTCOME_REPORTS } from '@/lib/config';
import { pluralize } from '@/lib/format';
import { serializeJsonLd, toTherapistJsonLd } from '@/lib/reviews/json-ld';
import {
  getOwnReview,
  listReviewConditionOptions,
  viewerOwnsTherapist,
} from '@/lib/reviews/queries';
import { getTherapistProfile, listTherapistReviews } from '@/lib/therapists/queries';
import {
  REVIEW_SORT_LABELS,
  hasReviewFilters,
  parseReviewListParams,
  reviewListHref,
  toReviewSearchParams,
} from '@/lib/therapists/review-params';
import { TEXT_LINK } from '@/components/ui/text-link';

interface ProfilePageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

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

/**
 * This site's origin for absolute addresses: AUTH_URL's when set (as sign-in uses), otherwise
 * the request's host.
 */
function siteOrigin(requestHeaders: Headers): string {
  const configured = process.env.AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's host
    }
  }
  const host = requestHeaders.get('host') ?? 'localhost';
  const protocol = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${protocol}://${host}`;
}

function signInHref(callbackPath: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** What the profile says after the viewer published, edited or deleted their review. */
const OWN_REVIEW_MESSAGES: Record<string, string> = {
  published:
    'Thank you: your review is published. We will email you in a few weeks to ask whether the relief lasted.',
  pending:
    'Thank you: your review is saved. A moderator checks it before it appears; you will find its status on this page.',
  not_recommended: 'Your review is saved. It stays among the not recommended reviews.',
  deleted: 'Your review is deleted.',
};

export default async function TherapistProfilePage({ params, searchParams }: ProfilePageProps) {
  const { slug } = await params;
  const therapist = await loadProfile(slug);
  if (!therapist) notFound();

  // `review` says what just happened to the viewer's own review; the rest is the review list.
  const allParams = await searchParams;
  const { review: justDone, invitation: invitationOutcome, ...listParams } = allParams;
  const { query, notices } = parseReviewListParams(listParams);
  const ownReviewMessage =
    typeof justDone === 'string' && Object.hasOwn(OWN_REVIEW_MESSAGES, justDone)
      ? OWN_REVIEW_MESSAGES[justDone]
      : undefined;
  const viewer = await getViewer();
  const [reviews, conditionOptions, ownReview, ownsProfile, requestHeaders] = await Promise.all([
    listTherapistReviews(therapist.id, { ...query, viewer }),
    listReviewConditionOptions(therapist.id),
    getOwnReview(viewer, therapist.id),
    viewerOwnsTherapist(viewer, therapist.id),
    headers(),
  ]);
  // Counted in aggregate after the response: never who, never the owner, only real opens.
  if (isProfileOpen(requestHeaders, allParams)) {
    const userAgent = requestHeaders.get('user-agent');
    after(() => recordProfileView(therapist.id, viewer, userAgent));
  }

  const basePath = `/therapists/${encodeURIComponent(therapist.slug)}`;
  const hrefForPage = (n: number) => reviewListHref(basePath, query, { page: n });
  const currentParams = toReviewSearchParams(query).toString();
  const currentPath = `${basePath}${currentParams ? `?${currentParams}` : ''}`;
  const filtered = hasReviewFilters(query);
  const clearFiltersHref = filtered
    ? reviewListHref(basePath, query, { condition: null, intent: null, stars: null, page: 1 })
    : null;
  const activeCondition = query.condition
    ? CONDITIONS.find((c) => c.slug === query.condition)
    : undefined;
  const conditions =
    activeCondition && !conditionOptions.some((c) => c.slug === activeCondition.slug)
      ? [...conditionOptions, { slug: activeCondition.slug, name: activeCondition.name, count: 0 }]
      : conditionOptions;
  const reviewPath = `${basePath}/review`;
  const notRecommendedHref = `${basePath}/reviews/not-recommended`;
  const { rating } = therapist;
  const bio = paragraphs(therapist.bio);
  const nonce = requestHeaders.get('x-nonce') ?? undefined;
  const jsonLd = serializeJsonLd(
    toTherapistJsonLd({
      url: `${siteOrigin(requestHeaders)}${basePath}`,
      profile: therapist,
      reviews: reviews.items,
    }),
  );

  return (
    <Container className="py-8 sm:py-12">
      <script
        type="application/ld+json"
        nonce={nonce}
        // Escaped by serializeJsonLd: no "<" survives, so review text cannot end the element.
        dangerouslySetInnerHTML={{ __html: jsonLd }}
      />
      <ProfileHeader therapist={therapist} />
      <div className="mt-3">
        {ownsProfile ? (
          <p className="text-sm text-stone-700">
            This is your listing.{' '}
            <Link href="/dashboard" className={TEXT_LINK}>
              Manage it
            </Link>
          </p>
        ) : (
          <IsThisYou slug={therapist.slug} claimed={therapist.claimed} />
        )}
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <aside className="space-y-4 lg:col-start-2 lg:row-start-1" aria-label="Booking and ratings">
          <ContactLinks
            bookingUrl={therapist.bookingUrl}
            phone={therapist.phone}
            website={therapist.website}
          />
          <RatingOverview
            rating={rating}
            improved={therapist.improved}
            lastingRelief={therapist.lastingRelief}
            minReports={MIN_OUTCOME_REPORTS}
            notRecommendedHref={notRecommendedHref}
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
            <div className="mt-6">
              <ScopeOfCare notTreated={therapist.notTreated} referrals={therapist.referrals} />
            </div>
          </Section>

          <Section id="hours-and-prices" title="Hours and prices">
            <div className="grid gap-6 sm:grid-cols-2">
              <div>
                <h3 className="mb-2 text-sm font-semibold text-stone-700">Opening hours</h3>
                <OpeningHoursList hours={therapist.hours} />
              </div>
              <div>
                <h3 className="mb-2 text-sm font-semibold text-stone-700">Prices</h3>
                <PriceList prices={therapist.prices} />
              </div>
            </div>
          </Section>

          <Section id="locations" title="Where they practice">
            <PracticeLocations locations={therapist.locations} />
          </Section>

          <Section
            id="outcomes"
            title="Did the pain go away?"
            description="What reviewers reported about their pain, before, at review and in the follow-ups weeks later."
          >
            {therapist.reliefCurve || therapist.conditionOutcomes.length > 0 ? (
              <div className="space-y-8">
                {therapist.reliefCurve ? (
                  <ReliefCurve curve={therapist.reliefCurve} minReports={MIN_OUTCOME_REPORTS} />
                ) : null}
                {therapist.conditionOutcomes.length > 0 ? (
                  <ConditionOutcomes
                    outcomes={therapist.conditionOutcomes}
                    minReports={MIN_OUTCOME_REPORTS}
                  />
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-stone-600">
                Shown once {MIN_OUTCOME_REPORTS} reviewers have reported their pain before and after
                ({pluralize(rating.outcomeReports, 'report')} so far).
              </p>
            )}
          </Section>

          <Section
            id="reviews"
            title="Reviews"
            aside={
              rating.reviewCount > 0 ? (
                <p className="text-sm text-stone-600">
                  {filtered
                    ? `${reviews.total.toLocaleString('en-US')} of ${pluralize(rating.reviewCount, 'published review')} match`
                    : pluralize(rating.reviewCount, 'published review')}
                  , {REVIEW_SORT_LABELS[query.sort].toLowerCase()} first
                </p>
              ) : null
            }
          >
            <div className="space-y-4">
              <WriteReviewLink
                href={reviewPath}
                signInHref={signInHref(reviewPath)}
                signedIn={viewer !== null}
                ownReview={ownReview}
                ownsProfile={ownsProfile}
              />
              <HeldBackReviews
                pending={rating.pendingCount}
                notRecommended={rating.notRecommendedCount}
                notRecommendedHref={notRecommendedHref}
              />
              {ownReviewMessage ? (
                <FormMessage tone="success">{ownReviewMessage}</FormMessage>
              ) : null}
              {ownReviewMessage && invitationOutcome === 'not_applied' ? (
                <FormMessage tone="info">
                  The invitation link could not be used (it was not valid, had expired or was
                  already used), so your review does not carry the “invited” label. It is saved like
                  any other review.
                </FormMessage>
              ) : null}
              <ReviewParamNotices notices={notices} />
              {rating.reviewCount > 0 ? (
                <ReviewFilters
                  action={basePath}
                  query={query}
                  conditions={conditions}
                  intents={INTENTS}
                />
              ) : null}
              <ReviewList
                reviews={reviews}
                requestedPage={query.page}
                hrefForPage={hrefForPage}
                signInHrefFor={(id) => signInHref(`${currentPath}#review-${id}`)}
                clearFiltersHref={clearFiltersHref}
              />
            </div>
          </Section>
        </div>
      </div>
    </Container>
  );
}
