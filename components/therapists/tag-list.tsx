import { Badge, type BadgeTone } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { shortTaxonomyName } from '@/lib/format';
import type { TaxonomyTag } from '@/lib/therapists/types';

interface TagListProps {
  tags: readonly TaxonomyTag[];
  tone?: BadgeTone;
  /** Show at most this many, then "+N more". */
  max?: number;
  /** Shorten long names ("Acupressure (light touch)"). */
  short?: boolean;
  className?: string;
}

/** Modalities or conditions as a row of badges. */
export function TagList({ tags, tone = 'neutral', max, short = false, className }: TagListProps) {
  if (tags.length === 0) return null;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <ul className={cn('flex flex-wrap gap-1.5', className)}>
      {shown.map((tag) => (
        <li key={tag.slug}>
          <Badge tone={tone}>{short ? shortTaxonomyName(tag.name) : tag.name}</Badge>
        </li>
      ))}
      {hidden > 0 ? (
        <li>
          <Badge>+{hidden} more</Badge>
        </li>
      ) : null}
    </ul>
  );
}
