import { z } from 'zod';

const schema = z.object({
  MEILISEARCH_HOST: z
    .url({ message: 'MEILISEARCH_HOST must be a URL such as http://127.0.0.1:7700' })
    .optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  MEILISEARCH_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'MEILISEARCH_INDEX may hold letters, digits, - and _')
    .default('therapists'),
  SEARCH_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(800),
});

export interface SearchConfig {
  meilisearch: { host: string; apiKey: string | undefined; index: string } | null;
  /** How long the Meilisearch engine may take before the Postgres engine answers instead. */
  timeoutMs: number;
}

export function searchConfig(env: NodeJS.ProcessEnv = process.env): SearchConfig {
  const parsed = schema.safeParse({
    MEILISEARCH_HOST: env.MEILISEARCH_HOST?.trim() || undefined,
    MEILISEARCH_API_KEY: env.MEILISEARCH_API_KEY?.trim() || undefined,
    MEILISEARCH_INDEX: env.MEILISEARCH_INDEX?.trim() || undefined,
    SEARCH_TIMEOUT_MS: env.SEARCH_TIMEOUT_MS?.trim() || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Search configuration: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  }
  const v = parsed.data;
  return {
    meilisearch: v.MEILISEARCH_HOST
      ? { host: v.MEILISEARCH_HOST, apiKey: v.MEILISEARCH_API_KEY, index: v.MEILISEARCH_INDEX }
      : null,
    timeoutMs: v.SEARCH_TIMEOUT_MS,
  };
}
