import { ChipLink } from '@/components/ui/chip-link';
import { shortTaxonomyName } from '@/lib/format';

export interface TopicLink {
  slug: string;
  name: string;
}

interface TopicLinksProps {
  /** Names the list ("Specialties"). */
  title: string;
  /** The search parameter the slug goes in: `modality` or `condition`. */
  param: 'modality' | 'condition';
  topics: readonly TopicLink[];
  /** Where each topic leads; a search for that topic alone unless given. */
  hrefFor?: (slug: string) => string;
  headingLevel?: 'h2' | 'h3';
}

/** A labelled row of chips, each a search filtered on one topic. */
export function TopicLinks({
  title,
  param,
  topics,
  hrefFor = (slug) => `/search?${param}=${encodeURIComponent(slug)}`,
  headingLevel: Heading = 'h2',
}: TopicLinksProps) {
  if (topics.length === 0) return null;
  const id = `topics-${param}`;
  return (
    <div>
      <Heading id={id} className="text-sm font-semibold text-stone-700">
        {title}
      </Heading>
      <ul aria-labelledby={id} className="mt-2 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <ChipLink href={hrefFor(topic.slug)}>{shortTaxonomyName(topic.name)}</ChipLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
