import type { Metadata } from 'next';
import Link from 'next/link';
import { CountingNote } from '@/components/insights/counting-note';
import { OutcomeShareChart } from '@/components/insights/outcome-share-chart';
import { RatingChart } from '@/components/insights/rating-chart';
import { ReviewVolumeChart } from '@/components/insights/review-volume-chart';
import { VisitTotals } from '@/components/insights/visit-totals';
import { VisitsChart } from '@/components/insights/visits-chart';
import { AccessNotice } from '@/components/ui/access-notice';
import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { Section } from '@/components/ui/section';
import { loadViewerPage } from '@/lib/auth/page-access';
import { formatDate, formatWeeks } from '@/lib/format';
import { getListingInsights } from '@/lib/insights/queries';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage() {
  const page = await loadViewerPage('/dashboard/insights', getListingInsights);
  if (!page.ok) {
    return (
      <AccessNotice
        title="Insights"
        refusal={page.refusal}
        passkeyWhy="Your listing’s tools need a passkey, confirmed in this session."
        forbidden={
          <>
            <FormMessage tone="error">{page.refusal.message}</FormMessage>
            <p className="text-sm text-stone-700">
              Insights are for practitioners who hold a listing. Find your listing and claim it, or
              ask for a new one.
            </p>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href="/search">Find your listing</ButtonLink>
              <ButtonLink href="/listings/new" variant="secondary">
                Ask for a new listing
              </ButtonLink>
            </div>
          </>
        }
      />
    );
  }
  const insights = page.data;
  const { listing, months, weeks, totals, minMonthlyReports, painDrop, lastingWeeks } = insights;

  return (
    <div className="space-y-10">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl">
          Insights
        </h1>
        <p className="mt-2 text-stone-700">
          How{' '}
          <Link href={`/therapists/${listing.slug}`} className={TEXT_LINK}>
            your listing
          </Link>{' '}
          is doing: your published reviews over the last 12 months, and how often people found and
          opened your profile. Figures run to {formatDate(insights.asOf)} (UTC days).
        </p>
        {listing.status !== 'published' ? (
          <FormMessage tone="info" className="mt-4">
            Your listing is not shown publicly at the moment, so it does not appear in search and
            its profile cannot be opened by others.
          </FormMessage>
        ) : null}
      </div>

      <Section
        id="reviews"
        title="Your reviews"
        description="Only reviews that are published count. A review counts in the month it was published."
      >
        <div className="grid gap-6 lg:grid-cols-2">
          <RatingChart months={months} />
          <ReviewVolumeChart months={months} />
          <OutcomeShareChart
            id="improved-chart"
            title="Pain improved"
            measure={`reported pain at least ${painDrop} points lower`}
            baseName="report"
            baseHeading="Reports"
            minimum={minMonthlyReports}
            description={
              <p>
                Of the reviewers who gave their pain before the first session and when writing the
                review (0 to 10), the share whose pain was at least {painDrop} points lower.
              </p>
            }
            months={months.map((m) => ({
              month: m.month,
              base: m.outcomeReports,
              count: m.improved,
              share: m.improvedShare,
            }))}
          />
          <OutcomeShareChart
            id="lasting-chart"
            title={`Relief still there at ${formatWeeks(lastingWeeks)}`}
            measure={`were still at least ${painDrop} points below their pain before`}
            baseName="follow-up answer"
            baseHeading="Answers"
            minimum={minMonthlyReports}
            description={
              <p>
                About {formatWeeks(lastingWeeks)} after a review we ask the reviewer how they are.
                Of those who answered, the share still at least {painDrop} points below their pain
                before, by the month the review was published. Recent months have fewer answers
                because the question has not gone out yet.
              </p>
            }
            months={months.map((m) => ({
              month: m.month,
              base: m.followedUp,
              count: m.lasting,
              share: m.lastingShare,
            }))}
          />
        </div>
      </Section>

      <Section
        id="visits"
        title="Seen in search, and opened"
        description="The last 12 weeks, compared with the 12 weeks before."
      >
        <div className="space-y-6">
          <CountingNote />
          <VisitTotals current={totals.current} previous={totals.previous} />
          <VisitsChart weeks={weeks} />
        </div>
      </Section>
    </div>
  );
}
