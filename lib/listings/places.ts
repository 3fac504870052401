import 'server-only';
import zipcodes from 'zipcodes';
import { isUsStateCode } from '@/lib/us-states';

export type ZipCheck =
  | { ok: true; zip: string; state: string; latitude: number; longitude: number; city: string }
  | { ok: false; message: string };

/** A US ZIP code (5 digits, or ZIP+4) from the offline `zipcodes` data set the seed uses. */
export function findZip(text: string): ZipCheck {
  const match = /^(\d{5})(?:-\d{4})?$/.exec(text.trim());
  if (!match) return { ok: false, message: 'Enter a 5-digit ZIP code, like 10001.' };
  const entry = zipcodes.lookup(match[1]!);
  if (
    !entry ||
    entry.country !== 'US' ||
    !isUsStateCode(entry.state) ||
    !Number.isFinite(entry.latitude) ||
    !Number.isFinite(entry.longitude) ||
    (entry.latitude === 0 && entry.longitude === 0)
  ) {
    return { ok: false, message: 'We do not know this ZIP code. Check the digits.' };
  }
  return {
    ok: true,
    zip: match[1]!,
    state: entry.state,
    latitude: entry.latitude,
    longitude: entry.longitude,
    city: entry.city,
  };
}

/**
 * Coordinates of a practice: its ZIP code's centre. The code must exist and lie in `state`.
 */
export function locateZip(text: string, state: string): ZipCheck {
  const found = findZip(text);
  if (!found.ok) return found;
  if (found.state !== state) {
    return {
      ok: false,
      message: `ZIP code ${found.zip} is in ${found.state}, not ${state}. Check the ZIP code or the state.`,
    };
  }
  return found;
}
