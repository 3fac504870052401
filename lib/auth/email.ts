import { AppError } from '@/lib/errors';

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

function refuse(message: string): never {
  throw new AppError('validation', message, { issues: [{ field: 'email', message }] });
}

/**
 * The one form of an email address we store, send to and compare: NFKC-normalised, lower case,
 * plain ASCII with exactly one ASCII `@` and no quoted local part. Anything else is refused with
 * the reason, before any mail is sent: quoted local parts (`"a@evil.test"@victim.test`),
 * full-width or other look-alike `@` signs, and letters from other scripts that look like Latin
 * ones.
 */
export function normalizeEmail(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') refuse('Enter your email address.');
  const trimmed = raw.trim();
  if (trimmed.length > 254) refuse('That email address is too long.');
  const asciiAts = trimmed.split('@').length - 1;
  if (asciiAts !== 1) {
    refuse(
      /[\uFE6B\uFF20]/.test(trimmed) || asciiAts === 0
        ? 'An email address needs exactly one plain @ sign.'
        : 'An email address has only one @ sign.',
    );
  }
  const email = trimmed.normalize('NFKC').toLowerCase();
  if (email.split('@').length - 1 !== 1) refuse('An email address has only one @ sign.');
  if (/[^\x21-\x7e]/.test(email)) {
    refuse(
      /\s/.test(email)
        ? 'An email address has no spaces.'
        : 'Use plain Latin letters and digits in the email address.',
    );
  }
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.includes('"')) refuse('Quoted email addresses are not accepted.');
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    refuse('The part before the @ is not a valid email address.');
  }
  const labels = domain.split('.');
  if (
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    !TOP_LEVEL.test(labels[labels.length - 1] ?? '')
  ) {
    refuse('The part after the @ is not a valid domain.');
  }
  return email;
}
