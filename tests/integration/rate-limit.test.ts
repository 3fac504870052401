import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as searchRoute } from '@/app/api/search/route';
import { AppError } from '@/lib/errors';
import { clientAddress, consumeRateLimit, searchRateLimit } from '@/lib/rate-limit';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

afterEach(() => {
  delete process.env.RATE_LIMIT_SEARCHES_PER_MINUTE;
});

const rule = { name: 'tries', limit: 3, windowSeconds: 60 };

describe('consumeRateLimit', () => {
  it('lets the limit through, then refuses with the seconds to wait', async () => {
    for (let i = 0; i < 3; i++) await consumeRateLimit(rule, 'alpha');
    const refused = await consumeRateLimit(rule, 'alpha').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).retryAfter).toBeGreaterThanOrEqual(1);
    expect((refused as AppError).retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each key on its own, and a limit of 0 is off', async () => {
    await expect(consumeRateLimit(rule, 'beta')).resolves.toBeUndefined();
    for (let i = 0; i < 10; i++) await consumeRateLimit({ ...rule, limit: 0 }, 'alpha');
  });

  it('holds under a burst of concurrent requests', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => consumeRateLimit({ ...rule, limit: 5 }, 'burst')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  });
});

describe('clientAddress', () => {
  const headers = (xff: string) => new Headers({ 'x-forwarded-for': xff });

  it('takes the address the trusted proxy appended, never what the client wrote before it', () => {
    expect(clientAddress(headers('6.6.6.6, 203.0.113.7'), { TRUSTED_PROXIES: '1' })).toBe(
      '203.0.113.7',
    );
    expect(clientAddress(headers('6.6.6.6, 203.0.113.7, 10.0.0.2'), { TRUSTED_PROXIES: '2' })).toBe(
      '203.0.113.7',
    );
    expect(clientAddress(headers('198.51.100.4'), {})).toBe('198.51.100.4');
    expect(clientAddress(new Headers(), {})).toBe('unknown');
  });
});

describe('GET /api/search', () => {
  it('answers a burst from one address with 429 and Retry-After', async () => {
    process.env.RATE_LIMIT_SEARCHES_PER_MINUTE = '2';
    expect(searchRateLimit().limit).toBe(2);
    const request = () =>
      searchRoute(
        new NextRequest('http://localhost/api/search?q=neck', {
          headers: { 'x-forwarded-for': '192.0.2.44' },
        }),
      );
    expect((await request()).status).toBe(200);
    expect((await request()).status).toBe(200);
    const limited = await request();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('names a bad parameter with 422', async () => {
    const response = await searchRoute(new NextRequest('http://localhost/api/search?radius=500'));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ issues: [{ parameter: 'radius' }] });
  });
});
