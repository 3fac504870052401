/** Product-wide settings that are not secrets and do not vary by deployment. */

/** The city the home page shows therapists near, before the visitor says where they are. */
export const DEFAULT_CITY = {
  name: 'New York',
  region: 'NY',
  latitude: 40.7128,
  longitude: -74.006,
} as const;

/** How many modalities a therapist card shows. */
export const CARD_MODALITIES = 3;

export { MEANINGFUL_PAIN_DROP, MIN_OUTCOME_REPORTS } from '@/db/aggregates';
