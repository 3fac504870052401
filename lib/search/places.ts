/**
 * Places resolved offline: US postal codes and city names to coordinates, from the postal-code
 * dataset shipped with the app (no geocoding service is called).
 */
import zipcodes from 'zipcodes';
import type { LatLng } from '@/lib/geo';
import { foldText, isSearchWord } from './analyze';

export interface ResolvedPlace extends LatLng {
  /** How the place is shown back ("Denver, CO", "10001 (New York, NY)", "your location"). */
  label: string;
  kind: 'postal_code' | 'city' | 'coordinates';
}

interface CityEntry {
  name: string;
  region: string;
  latitude: number;
  longitude: number;
  /** Postal codes in the city: a stand-in for its size when a name exists in several states. */
  postalCodes: number;
}

/** Military mail "states" have no place on a map. */
const NOT_PLACES = new Set(['AA', 'AE', 'AP']);
/** Cities large enough to be recognised inside free text ("upper back pain denver"). */
const MIN_POSTAL_CODES_IN_TEXT = 8;

let cityIndex: Map<string, CityEntry[]> | null = null;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * City name (folded) -> its entries in each state, largest first. A city's point is the median
 * of its postal codes' points, which stray codes (PO boxes far away) do not drag off.
 */
function cities(): Map<string, CityEntry[]> {
  if (cityIndex) return cityIndex;
  const groups = new Map<string, { name: string; region: string; lat: number[]; lng: number[] }>();
  for (const code of Object.values(zipcodes.codes)) {
    if (code.country !== 'US' || NOT_PLACES.has(code.state)) continue;
    const key = `${foldText(code.city)}|${code.state}`;
    const group = groups.get(key) ?? { name: code.city, region: code.state, lat: [], lng: [] };
    group.lat.push(code.latitude);
    group.lng.push(code.longitude);
    groups.set(key, group);
  }
  const index = new Map<string, CityEntry[]>();
  for (const group of groups.values()) {
    const city: CityEntry = {
      name: group.name,
      region: group.region,
      latitude: median(group.lat),
      longitude: median(group.lng),
      postalCodes: group.lat.length,
    };
    const key = foldText(city.name);
    const list = index.get(key) ?? [];
    list.push(city);
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.postalCodes - a.postalCodes);
  cityIndex = index;
  return index;
}

function regionCode(text: string): string | null {
  const folded = foldText(text).toUpperCase();
  if (!folded) return null;
  const code = zipcodes.states.normalize(folded) as string | undefined;
  return code && /^[A-Z]{2}$/.test(code) && !NOT_PLACES.has(code) ? code : null;
}

function fromPostalCode(text: string): ResolvedPlace | null {
  const match = /^(\d{5})(?:-\d{4})?$/.exec(text.trim());
  if (!match) return null;
  const code = zipcodes.lookup(match[1]!);
  if (!code || code.country !== 'US' || NOT_PLACES.has(code.state)) return null;
  return {
    label: `${code.zip} (${code.city}, ${code.state})`,
    latitude: code.latitude,
    longitude: code.longitude,
    kind: 'postal_code',
  };
}

function fromCityName(name: string, region: string | null): ResolvedPlace | null {
  const entries = cities().get(foldText(name));
  const city = region ? entries?.find((e) => e.region === region) : entries?.[0];
  if (!city) return null;
  return {
    label: `${city.name}, ${city.region}`,
    latitude: city.latitude,
    longitude: city.longitude,
    kind: 'city',
  };
}

/**
 * Resolves what someone typed in the "where" box: a postal code ("10001"), a city with or
 * without its state ("Denver", "Denver, CO", "Portland, Oregon", "Austin TX").
 */
export function resolvePlace(text: string): ResolvedPlace | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const postal = fromPostalCode(trimmed);
  if (postal) return postal;

  const comma = trimmed.lastIndexOf(',');
  if (comma > 0) {
    const region = regionCode(trimmed.slice(comma + 1));
    if (region) return fromCityName(trimmed.slice(0, comma), region);
  }
  const words = foldText(trimmed).split(' ');
  for (let tail = Math.min(3, words.length - 1); tail >= 1; tail--) {
    const region = regionCode(words.slice(-tail).join(' '));
    if (region) {
      const found = fromCityName(words.slice(0, -tail).join(' '), region);
      if (found) return found;
    }
  }
  return fromCityName(trimmed, null);
}

export function coordinatesPlace(point: LatLng): ResolvedPlace {
  return {
    label: 'your location',
    latitude: point.latitude,
    longitude: point.longitude,
    kind: 'coordinates',
  };
}

/**
 * Finds a place inside free text ("acupressure near 10001", "upper back pain Denver") and
 * returns it with the rest of the text. Only postal codes, "near <place>" and the names of
 * larger cities at the end of the text are recognised, so ordinary words stay words.
 */
export function extractPlace(text: string): { place: ResolvedPlace; rest: string } | null {
  const postal = /(?:^|\s)(?:(?:near|in|around)\s+)?(\d{5})(?:-\d{4})?(?=\s|$)/i.exec(text);
  if (postal) {
    const place = fromPostalCode(postal[1]!);
    if (place) return { place, rest: collapse(text.replace(postal[0], ' ')) };
  }
  const near = /\s*\b(?:near|in|around)\s+([^\d][^,]*(?:,\s*[a-z .]+)?)$/i.exec(text);
  if (near) {
    // "in home", "in spring": small towns share names with ordinary words, so a place named
    // after a preposition counts only with its state or when it is a larger city.
    const candidate = near[1]!;
    const place = resolvePlace(candidate);
    const plausible =
      place !== null &&
      (place.kind !== 'city' ||
        namesRegion(candidate) ||
        (isLargeCity(candidate) && !isSearchWord(candidate)));
    if (place && plausible) {
      return { place, rest: collapse(text.slice(0, near.index)) };
    }
  }
  const words = text.trim().split(/\s+/);
  for (let tail = Math.min(4, words.length - 1); tail >= 1; tail--) {
    const candidate = words.slice(-tail).join(' ');
    const place = resolvePlace(candidate);
    if (
      place &&
      place.kind === 'city' &&
      isLargeCity(candidate) &&
      !(tail === 1 && isSearchWord(candidate))
    ) {
      return { place, rest: collapse(words.slice(0, -tail).join(' ')) };
    }
  }
  return null;
}

/** True when the text ends with a state ("Austin, TX", "Portland Oregon"). */
function namesRegion(text: string): boolean {
  if (text.includes(',')) return regionCode(text.slice(text.lastIndexOf(',') + 1)) !== null;
  const words = foldText(text).split(' ');
  for (let tail = Math.min(3, words.length - 1); tail >= 1; tail--) {
    if (regionCode(words.slice(-tail).join(' '))) return true;
  }
  return false;
}

function isLargeCity(text: string): boolean {
  const cleaned = text.replace(/,.*$/, '');
  const words = foldText(cleaned).split(' ');
  for (let tail = Math.min(3, words.length - 1); tail >= 0; tail--) {
    const name = tail === 0 ? words.join(' ') : words.slice(0, -tail).join(' ');
    const top = cities().get(name)?.[0];
    if (top && top.postalCodes >= MIN_POSTAL_CODES_IN_TEXT) return true;
  }
  return false;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
