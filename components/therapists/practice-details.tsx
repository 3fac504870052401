import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { RangeScale } from '@/components/ui/range-scale';
import {
  PRESSURE_LABELS,
  PRESSURE_SCALE_MAX,
  formatList,
  formatPressureRange,
  intentLabel,
  languageName,
} from '@/lib/format';
import type { TherapistProfile } from '@/lib/therapists/types';

type PracticeDetailsProps = Pick<
  TherapistProfile,
  'intents' | 'pressureMin' | 'pressureMax' | 'languages' | 'mobileService'
>;

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1.5 py-4 first:pt-0 last:pb-0 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-stone-600">{term}</dt>
      <dd className="text-sm text-stone-900">{children}</dd>
    </div>
  );
}

/** Session types, pressure range, languages and whether they travel to you. */
export function PracticeDetails({
  intents,
  pressureMin,
  pressureMax,
  languages,
  mobileService,
}: PracticeDetailsProps) {
  return (
    <dl className="divide-y divide-stone-100">
      <Row term="Sessions offered">
        {intents.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5">
            {intents.map((intent) => (
              <li key={intent}>
                <Badge tone="brand">{intentLabel(intent)}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          'Not stated'
        )}
      </Row>
      <Row term="Pressure">
        <p>{formatPressureRange(pressureMin, pressureMax)}</p>
        <RangeScale
          min={pressureMin}
          max={pressureMax}
          steps={PRESSURE_SCALE_MAX}
          startLabel={PRESSURE_LABELS[0]}
          endLabel={PRESSURE_LABELS[PRESSURE_SCALE_MAX - 1]}
          className="mt-2"
        />
      </Row>
      <Row term="Languages">
        {languages.length > 0 ? formatList(languages.map(languageName)) : 'Not stated'}
      </Row>
      <Row term="Mobile / in-home">
        {mobileService ? 'Yes, comes to your home or office' : 'No, sessions at their practice'}
      </Row>
    </dl>
  );
}
