import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm } from '@/lib/geo';

const newYork = { latitude: 40.7128, longitude: -74.006 };
const denver = { latitude: 39.7392, longitude: -104.9903 };

describe('distanceKm', () => {
  it('is zero from a point to itself', () => {
    expect(distanceKm(newYork, newYork)).toBe(0);
  });

  it('gives the known New York to Denver distance', () => {
    // About 2,620 km along the great circle.
    expect(distanceKm(newYork, denver)).toBeGreaterThan(2600);
    expect(distanceKm(newYork, denver)).toBeLessThan(2640);
  });

  it('is symmetric', () => {
    expect(distanceKm(newYork, denver)).toBeCloseTo(distanceKm(denver, newYork), 9);
  });
});

describe('boundingBox', () => {
  it('contains every point at the radius in the four directions', () => {
    const radius = 25;
    const box = boundingBox(denver, radius);
    for (const bearing of [0, 90, 180, 270]) {
      const rad = (bearing * Math.PI) / 180;
      const point = {
        latitude: denver.latitude + (radius / 111.2) * Math.cos(rad) * 0.999,
        longitude:
          denver.longitude +
          (radius / (111.2 * Math.cos((denver.latitude * Math.PI) / 180))) * Math.sin(rad) * 0.999,
      };
      expect(distanceKm(denver, point)).toBeLessThanOrEqual(radius);
      expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
      expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
      expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
    }
  });

  it('is wider in longitude than in latitude away from the equator', () => {
    const box = boundingBox(denver, 10);
    expect(box.maxLongitude - box.minLongitude).toBeGreaterThan(box.maxLatitude - box.minLatitude);
  });
});
