import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db';
import { AppError } from '@/lib/errors';

export interface RateLimit {
  /** What is limited, for the message ("searches"). */
  name: string;
  /** Requests allowed per window; 0 switches the limit off. */
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one request for `key` in the current window (stored in Postgres, so the limit holds
 * across app processes) and throws a `rate_limited` AppError with the seconds to wait when the
 * limit is passed.
 */
export async function consumeRateLimit(rule: RateLimit, key: string): Promise<void> {
  if (rule.limit <= 0) return;
  const [row] = await selectRows<{ hits: number; reset_in: number }>(
    getDb(),
    sql`insert into rate_limit_buckets as b (key, window_start, hits)
        values (${`${rule.name}:${key}`},
                to_timestamp(floor(extract(epoch from now()) / ${rule.windowSeconds}::int) * ${rule.windowSeconds}::int),
                1)
        on conflict (key, window_start) do update set hits = b.hits + 1
        returning b.hits,
          extract(epoch from b.window_start + make_interval(secs => ${rule.windowSeconds}::int) - now())::float8 as reset_in`,
  );
  if (Math.random() < 0.01) {
    await getDb().execute(
      sql`delete from rate_limit_buckets where window_start < now() - interval '1 day'`,
    );
  }
  if (row && row.hits > rule.limit) {
    throw new AppError(
      'rate_limited',
      `Too many ${rule.name}: please wait a moment and try again.`,
      {
        retryAfter: Math.max(1, Math.ceil(Number(row.reset_in))),
      },
    );
  }
}

/**
 * The client's address from X-Forwarded-For. Behind `TRUSTED_PROXIES` proxies that each append
 * the address they saw, it is the entry the outermost of them wrote (that many from the end);
 * what a client wrote in front of it is never used. Without a proxy (0, the default) the server
 * fills the header from the connection, unless the client sent one: deploy behind a proxy.
 */
export function clientAddress(
  headers: Headers,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const hops = Number(env.TRUSTED_PROXIES ?? '0');
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const index = Number.isInteger(hops) && hops > 0 ? chain.length - hops : chain.length - 1;
  return chain[Math.max(0, index)] ?? 'unknown';
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A limit whose count per window is read from the setting `setting` (a whole number; 0 turns
 * the limit off; anything else falls back to `fallback`).
 */
export function configuredLimit(
  env: Env,
  setting: string,
  fallback: number,
  rule: Omit<RateLimit, 'limit'>,
): RateLimit {
  const value = Number(env[setting] ?? fallback);
  return { ...rule, limit: Number.isInteger(value) && value >= 0 ? value : fallback };
}

/** Searches per client address and minute (RATE_LIMIT_SEARCHES_PER_MINUTE, 0 turns it off). */
export function searchRateLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_SEARCHES_PER_MINUTE', 300, {
    name: 'searches',
    windowSeconds: 60,
  });
}
