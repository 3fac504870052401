/**
 * Where demo therapists practise: real US cities, weighted roughly by population (New York
 * heavily, since the home page opens there). Postal codes and coordinates come from the offline
 * `zipcodes` data set; a practice sits within about 1.5 km of its zip code's centre.
 */
import zipcodes from 'zipcodes';
import { distanceKm } from '@/lib/geo';
import type { Random } from './random';

export interface City {
  name: string;
  /** Two-letter state (or DC) code. */
  region: string;
  /** Relative share of therapists. */
  weight: number;
  /** Telephone area code, for fictional 555-01xx numbers. */
  areaCode: string;
  /** Languages other than English that are common enough to raise their odds. */
  languages?: readonly string[];
}

export const CITIES: readonly City[] = [
  {
    name: 'New York',
    region: 'NY',
    weight: 170,
    areaCode: '212',
    languages: ['es', 'zh', 'ru', 'ko', 'fr'],
  },
  { name: 'Brooklyn', region: 'NY', weight: 45, areaCode: '718', languages: ['es', 'ru', 'zh'] },
  { name: 'Flushing', region: 'NY', weight: 8, areaCode: '718', languages: ['zh', 'ko'] },
  { name: 'Astoria', region: 'NY', weight: 5, areaCode: '718', languages: ['es'] },
  { name: 'Jersey City', region: 'NJ', weight: 9, areaCode: '201', languages: ['es'] },
  { name: 'Hoboken', region: 'NJ', weight: 4, areaCode: '201' },
  { name: 'Yonkers', region: 'NY', weight: 4, areaCode: '914', languages: ['es'] },
  { name: 'Newark', region: 'NJ', weight: 5, areaCode: '973', languages: ['es'] },
  { name: 'Stamford', region: 'CT', weight: 3, areaCode: '203' },
  {
    name: 'Los Angeles',
    region: 'CA',
    weight: 38,
    areaCode: '213',
    languages: ['es', 'ko', 'zh', 'vi'],
  },
  { name: 'Long Beach', region: 'CA', weight: 4, areaCode: '562', languages: ['es'] },
  { name: 'Chicago', region: 'IL', weight: 27, areaCode: '312', languages: ['es'] },
  { name: 'Houston', region: 'TX', weight: 22, areaCode: '713', languages: ['es', 'vi'] },
  { name: 'Phoenix', region: 'AZ', weight: 15, areaCode: '602', languages: ['es'] },
  { name: 'Scottsdale', region: 'AZ', weight: 3, areaCode: '480' },
  { name: 'Philadelphia', region: 'PA', weight: 15, areaCode: '215' },
  { name: 'San Antonio', region: 'TX', weight: 13, areaCode: '210', languages: ['es'] },
  { name: 'San Diego', region: 'CA', weight: 13, areaCode: '619', languages: ['es'] },
  { name: 'Dallas', region: 'TX', weight: 12, areaCode: '214', languages: ['es'] },
  { name: 'Fort Worth', region: 'TX', weight: 8, areaCode: '817', languages: ['es'] },
  { name: 'San Jose', region: 'CA', weight: 9, areaCode: '408', languages: ['vi', 'zh', 'es'] },
  { name: 'San Francisco', region: 'CA', weight: 12, areaCode: '415', languages: ['zh', 'es'] },
  { name: 'Oakland', region: 'CA', weight: 4, areaCode: '510', languages: ['es', 'zh'] },
  { name: 'Austin', region: 'TX', weight: 10, areaCode: '512', languages: ['es'] },
  { name: 'Jacksonville', region: 'FL', weight: 8, areaCode: '904' },
  { name: 'Columbus', region: 'OH', weight: 8, areaCode: '614' },
  { name: 'Charlotte', region: 'NC', weight: 8, areaCode: '704' },
  { name: 'Indianapolis', region: 'IN', weight: 8, areaCode: '317' },
  { name: 'Seattle', region: 'WA', weight: 11, areaCode: '206', languages: ['zh', 'vi', 'ko'] },
  { name: 'Denver', region: 'CO', weight: 11, areaCode: '303', languages: ['es'] },
  { name: 'Boulder', region: 'CO', weight: 3, areaCode: '303' },
  { name: 'Washington', region: 'DC', weight: 10, areaCode: '202', languages: ['es', 'fr'] },
  { name: 'Boston', region: 'MA', weight: 11, areaCode: '617', languages: ['zh', 'es'] },
  { name: 'Cambridge', region: 'MA', weight: 3, areaCode: '617' },
  { name: 'Nashville', region: 'TN', weight: 7, areaCode: '615' },
  { name: 'Oklahoma City', region: 'OK', weight: 5, areaCode: '405' },
  { name: 'El Paso', region: 'TX', weight: 5, areaCode: '915', languages: ['es'] },
  { name: 'Portland', region: 'OR', weight: 8, areaCode: '503' },
  { name: 'Las Vegas', region: 'NV', weight: 7, areaCode: '702', languages: ['es'] },
  { name: 'Detroit', region: 'MI', weight: 5, areaCode: '313' },
  { name: 'Ann Arbor', region: 'MI', weight: 2, areaCode: '734' },
  { name: 'Memphis', region: 'TN', weight: 4, areaCode: '901' },
  { name: 'Louisville', region: 'KY', weight: 4, areaCode: '502' },
  { name: 'Baltimore', region: 'MD', weight: 5, areaCode: '410' },
  { name: 'Milwaukee', region: 'WI', weight: 4, areaCode: '414' },
  { name: 'Madison', region: 'WI', weight: 3, areaCode: '608' },
  { name: 'Albuquerque', region: 'NM', weight: 4, areaCode: '505', languages: ['es'] },
  { name: 'Santa Fe', region: 'NM', weight: 2, areaCode: '505', languages: ['es'] },
  { name: 'Tucson', region: 'AZ', weight: 4, areaCode: '520', languages: ['es'] },
  { name: 'Sacramento', region: 'CA', weight: 5, areaCode: '916', languages: ['es'] },
  { name: 'Kansas City', region: 'MO', weight: 4, areaCode: '816' },
  { name: 'Saint Louis', region: 'MO', weight: 4, areaCode: '314' },
  { name: 'Atlanta', region: 'GA', weight: 9, areaCode: '404' },
  { name: 'Raleigh', region: 'NC', weight: 4, areaCode: '919' },
  { name: 'Asheville', region: 'NC', weight: 2, areaCode: '828' },
  { name: 'Miami', region: 'FL', weight: 9, areaCode: '305', languages: ['es', 'fr'] },
  { name: 'Miami Beach', region: 'FL', weight: 2, areaCode: '305', languages: ['es'] },
  { name: 'Orlando', region: 'FL', weight: 4, areaCode: '407', languages: ['es'] },
  { name: 'Tampa', region: 'FL', weight: 4, areaCode: '813', languages: ['es'] },
  { name: 'Minneapolis', region: 'MN', weight: 6, areaCode: '612' },
  { name: 'New Orleans', region: 'LA', weight: 4, areaCode: '504', languages: ['fr'] },
  { name: 'Pittsburgh', region: 'PA', weight: 4, areaCode: '412' },
  { name: 'Cleveland', region: 'OH', weight: 3, areaCode: '216' },
  { name: 'Salt Lake City', region: 'UT', weight: 4, areaCode: '801' },
  { name: 'Providence', region: 'RI', weight: 2, areaCode: '401' },
  { name: 'Honolulu', region: 'HI', weight: 3, areaCode: '808', languages: ['ko', 'zh'] },
  { name: 'Anchorage', region: 'AK', weight: 1, areaCode: '907' },
  { name: 'Boise', region: 'ID', weight: 2, areaCode: '208' },
];

export interface ZipPoint {
  postalCode: string;
  latitude: number;
  longitude: number;
}

/** Zip codes further than this from the city's median point are left out (odd PO-box codes). */
const MAX_ZIP_DISTANCE_KM = 35;
/** How far a practice may sit from its zip code's centre. */
export const MAX_JITTER_KM = 1.5;
const KM_PER_DEGREE = 111.32;

function median(values: number[]): number {
  const sorted = values.slice().sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const zipCache = new Map<string, readonly ZipPoint[]>();

/** The city's zip codes, from the offline data set, sorted so the order never varies. */
export function zipsOf(city: Pick<City, 'name' | 'region'>): readonly ZipPoint[] {
  const key = `${city.name}|${city.region}`;
  const cached = zipCache.get(key);
  if (cached) return cached;
  const entries = zipcodes
    .lookupByName(city.name, city.region)
    .filter((z) => Number.isFinite(z.latitude) && Number.isFinite(z.longitude) && z.latitude !== 0);
  if (entries.length === 0) throw new Error(`No zip codes known for ${city.name}, ${city.region}`);
  const midLat = median(entries.map((z) => z.latitude));
  const midLng = median(entries.map((z) => z.longitude));
  const points = entries
    .filter((z) => distanceKm({ latitude: midLat, longitude: midLng }, z) <= MAX_ZIP_DISTANCE_KM)
    .map((z) => ({ postalCode: z.zip, latitude: z.latitude, longitude: z.longitude }))
    .sort((x, y) => x.postalCode.localeCompare(y.postalCode));
  zipCache.set(key, points);
  return points;
}

export function pickCity(rng: Random): City {
  return rng.weighted(CITIES, (city) => city.weight);
}

/** Another city, usually in the same region when it has one (people tend to move nearby). */
export function pickOtherCity(rng: Random, from: City): City {
  const sameRegion = CITIES.filter((c) => c.region === from.region && c.name !== from.name);
  if (sameRegion.length > 0 && rng.chance(0.5)) return rng.pick(sameRegion);
  const others = CITIES.filter((c) => c !== from);
  return rng.weighted(others, (c) => c.weight);
}

const STREET_NAMES = [
  'Main',
  'Oak',
  'Maple',
  'Cedar',
  'Pine',
  'Elm',
  'Washington',
  'Lake',
  'Hill',
  'Park',
  'Walnut',
  'Spring',
  'Church',
  'Highland',
  'Jefferson',
  'Lincoln',
  'Franklin',
  'Madison',
  'Chestnut',
  'Willow',
  'Sunset',
  'Ridge',
  'Grant',
  'Market',
  'Union',
  'Prospect',
  'Water',
  'Center',
  'Mill',
  'River',
  'Front',
  'Broad',
  'Bridge',
  'Forest',
  'Locust',
  'Adams',
  'Cherry',
  'Meadow',
  'Grove',
  'Summit',
  'Orchard',
  'Jackson',
  'Monroe',
  'Hawthorne',
  'Magnolia',
  'Sycamore',
  'Poplar',
  'Dogwood',
  'Birch',
  'Spruce',
  'Laurel',
  'Harrison',
] as const;
const STREET_SUFFIXES = ['St', 'Ave', 'Blvd', 'Rd', 'Dr', 'Ln', 'Pl', 'Way', 'Ct'] as const;
const ORDINAL_STREETS = [
  '1st',
  '2nd',
  '3rd',
  '4th',
  '5th',
  '6th',
  '7th',
  '8th',
  '9th',
  '10th',
  '11th',
  '12th',
  '14th',
  '16th',
  '18th',
  '21st',
  '23rd',
  '28th',
  '34th',
  '42nd',
  '57th',
  '72nd',
  '86th',
] as const;

export function streetAddress(rng: Random): string {
  const number = rng.chance(0.6) ? rng.int(10, 999) : rng.int(1000, 9899);
  const street = rng.chance(0.25)
    ? `${rng.pick(ORDINAL_STREETS)} ${rng.pick(['St', 'Ave'] as const)}`
    : `${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}`;
  const unit = rng.chance(0.35)
    ? rng.pick([
        `, Suite ${rng.int(1, 9)}${rng.int(0, 2)}${rng.int(0, 9)}`,
        `, Floor ${rng.int(2, 12)}`,
        `, Unit ${rng.pick(['A', 'B', 'C', 'D', '2', '3'])}`,
      ])
    : '';
  return `${number} ${street}${unit}`;
}

const CLINIC_PREFIXES = [
  'Riverside',
  'Northside',
  'Eastside',
  'Westside',
  'Uptown',
  'Downtown',
  'Parkside',
  'Harbor',
  'Summit',
  'Cedar',
  'Willow',
  'Lotus',
  'Evergreen',
  'Bluebird',
  'Still Point',
  'True North',
  'Kinetic',
  'Second Wind',
  'Quiet Hands',
  'Fulcrum',
  'Keystone',
  'Solstice',
  'Juniper',
  'Open Door',
  'Lighthouse',
  'Ironwood',
  'Common Ground',
  'Red Oak',
  'Beacon',
  'Tidewater',
] as const;

/** A clinic name: the therapist's own practice, or a named studio with a fitting suffix. */
export function clinicName(
  rng: Random,
  suffixes: readonly string[],
  surname: string,
  city: City,
): string {
  const suffix = rng.pick(suffixes);
  const style = rng.int(1, 10);
  if (style <= 3) return `${surname} ${suffix}`;
  if (style === 4) return `${city.name} ${suffix}`;
  return `${rng.pick(CLINIC_PREFIXES)} ${suffix}`;
}

export interface PlacedLocation {
  city: string;
  region: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  address: string;
}

/** A real zip code of the city, and a point at most 1.5 km from its centre. */
export function placeIn(rng: Random, city: City): PlacedLocation {
  const zip = rng.pick(zipsOf(city));
  const distance = MAX_JITTER_KM * Math.sqrt(rng.next()) * 0.98;
  const bearing = rng.float(0, 2 * Math.PI);
  const dLat = (distance * Math.cos(bearing)) / KM_PER_DEGREE;
  const dLng =
    (distance * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos((zip.latitude * Math.PI) / 180));
  return {
    city: city.name,
    region: city.region,
    postalCode: zip.postalCode,
    latitude: Math.round((zip.latitude + dLat) * 1e6) / 1e6,
    longitude: Math.round((zip.longitude + dLng) * 1e6) / 1e6,
    address: streetAddress(rng),
  };
}
