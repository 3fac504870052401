/**
 * A small seeded pseudo-random generator (sfc32) and the helpers the demo-data generator needs.
 * Streams are derived from a seed plus labels ("therapist", 42), so any item can be generated on
 * its own, in any order, and always comes out the same.
 */

export const DEFAULT_SEED = 20_240_917;

export type SeedPart = number | string;

/** Four 32-bit words mixed from the parts (murmur3-style mixing, four salted lanes). */
function hashParts(parts: readonly SeedPart[]): [number, number, number, number] {
  const lanes: [number, number, number, number] = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];
  const mix = (value: number): void => {
    for (let lane = 0; lane < 4; lane += 1) {
      let h = (lanes[lane] ?? 0) ^ Math.imul(value, 0xcc9e2d51);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64 + lane) | 0;
      lanes[lane] = h;
    }
  };
  for (const part of parts) {
    if (typeof part === 'number') {
      mix(part | 0);
      mix(Math.floor(part / 0x1_0000_0000) | 0);
    } else {
      mix(part.length);
      for (let i = 0; i < part.length; i += 1) mix(part.charCodeAt(i));
    }
    mix(0x5bd1e995);
  }
  for (let lane = 0; lane < 4; lane += 1) {
    let h = lanes[lane] ?? 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    lanes[lane] = h >>> 0;
  }
  return lanes;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...parts: SeedPart[]) {
    const [a, b, c, d] = hashParts(parts.length > 0 ? parts : [DEFAULT_SEED]);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A normally distributed value (Box-Muller). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: no items');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += Math.max(0, weight(item));
    if (!(total > 0)) throw new RangeError('weighted: no item has a positive weight');
    let target = this.next() * total;
    for (const item of items) {
      const w = Math.max(0, weight(item));
      if (target < w) return item;
      target -= w;
    }
    return items[items.length - 1] as T;
  }

  /** One key of a `{ key: weight }` table. */
  weightedKey<K extends string>(table: Readonly<Record<K, number>>): K {
    const keys = Object.keys(table) as K[];
    return this.weighted(keys, (key) => table[key]);
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  }

  /** `count` distinct items (fewer if there are not that many), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(Math.max(0, count), copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy.slice(0, n);
  }
}
