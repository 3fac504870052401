import 'server-only';
import { clientAddress, configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import { normalizeEmail } from './email';

/** Sign-in emails per address per 15 minutes (RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS). */
export function signInAddressLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS', 5, {
    name: 'sign-in emails to this address',
    windowSeconds: 15 * 60,
  });
}

/** Sign-in emails per client address per hour (RATE_LIMIT_SIGN_IN_EMAILS_PER_IP). */
export function signInClientLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_SIGN_IN_EMAILS_PER_IP', 30, {
    name: 'sign-in emails from your network',
    windowSeconds: 60 * 60,
  });
}

/**
 * The checks before a sign-in email is sent, wherever the request comes from: the address is
 * normalised and validated (a refused address sends nothing), then counted per client address
 * and per email address. Returns the address to send to.
 */
export async function admitSignInEmail(raw: unknown, headers: Headers): Promise<string> {
  const email = normalizeEmail(raw);
  await consumeRateLimit(signInClientLimit(), clientAddress(headers));
  await consumeRateLimit(signInAddressLimit(), email);
  return email;
}
