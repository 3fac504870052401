/** Distances on the Earth's surface, in the app and in SQL (the same formula in both). */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = 111.045;

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box that contains every point within `radiusKm` of `center`. */
export function boundingBox(center: LatLng, radiusKm: number) {
  const dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const cosLat = Math.cos((center.latitude * Math.PI) / 180);
  const dLng = cosLat < 1e-6 ? 180 : Math.min(180, radiusKm / (KM_PER_DEGREE_LATITUDE * cosLat));
  return {
    minLatitude: Math.max(-90, center.latitude - dLat),
    maxLatitude: Math.min(90, center.latitude + dLat),
    minLongitude: center.longitude - dLng,
    maxLongitude: center.longitude + dLng,
  };
}

/** SQL for the haversine distance in km between columns and a point. */
export function distanceKmSql(
  latitude: SQLWrapper,
  longitude: SQLWrapper,
  point: LatLng,
): SQL<number> {
  const lat = sql`${point.latitude}::float8`;
  const lng = sql`${point.longitude}::float8`;
  return sql<number>`(${2 * EARTH_RADIUS_KM}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(${latitude} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${latitude})) *
    power(sin(radians(${longitude} - ${lng}) / 2), 2)))))`;
}

/** SQL that keeps rows whose columns fall inside the box around `center` (uses btree indexes). */
export function withinBoxSql(
  latitude: SQLWrapper,
  longitude: SQLWrapper,
  center: LatLng,
  radiusKm: number,
): SQL {
  const box = boundingBox(center, radiusKm);
  return sql`${latitude} between ${box.minLatitude}::float8 and ${box.maxLatitude}::float8
    and ${longitude} between ${box.minLongitude}::float8 and ${box.maxLongitude}::float8`;
}
