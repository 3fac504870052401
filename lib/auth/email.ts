import { AppError } from '@/lib/errors';

/** Characters allowed in the part before the @ (RFC 5322 atext), dots handled separately. */
const LOCAL_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]+(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
/** Signs that look like @ and become one under NFKC (full-width ＠ and small ﹫). */
const LOOK_ALIKE_AT = /[\uFE6B\uFF20]/;
const CONTROL = /\p{Cc}/u;
/** Invisible formatting characters: zero-width spaces and joiners, direction overrides. */
const INVISIBLE = /\p{Cf}/u;
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, 'Cyrillic'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Armenian}/u, 'Armenian'],
  [/\p{Script=Cherokee}/u, 'Cherokee'],
];

/** Longest input looked at before anything else (the longest valid address has 254). */
const INPUT_LIMIT = 1000;

function refuse(message: string): never {
  throw new AppError('validation', message, { issues: [{ field: 'email', message }] });
}

function checkLocalPart(local: string): void {
  if (local.length === 0) refuse('Enter the part before the @.');
  if (local.length > 64) refuse('The part before the @ is too long (64 characters at most).');
  if (local.startsWith('.') || local.endsWith('.')) {
    refuse('The part before the @ cannot start or end with a dot.');
  }
  if (local.includes('..')) refuse('An email address cannot have two dots in a row.');
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) {
    refuse('The part before the @ has a character that email addresses cannot use.');
  }
}

function checkDomain(domain: string): void {
  if (domain.length === 0) refuse('Enter the part after the @, such as example.com.');
  if (domain.length > 253) refuse('The part after the @ is too long (253 characters at most).');
  if (domain.startsWith('.') || domain.endsWith('.')) {
    refuse('The part after the @ cannot start or end with a dot.');
  }
  if (domain.includes('..')) refuse('An email address cannot have two dots in a row.');
  const labels = domain.split('.');
  if (labels.length < 2) refuse('The part after the @ needs an ending such as .com or .org.');
  if (labels.some((label) => label.length > 63)) {
    refuse('Each part of the domain between dots can have at most 63 characters.');
  }
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) {
    refuse(
      'The part after the @ can only have letters, digits, dots and hyphens (no hyphen next to a dot).',
    );
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? '')) {
    refuse('The ending of the domain (after the last dot) is not a valid one.');
  }
}

/**
 * The one form of an email address we store, send to and compare: NFKC-normalised, lower case,
 * plain ASCII with exactly one ASCII `@` and no quoted local part. Anything else is refused with
 * the reason, before any mail is sent: quoted local parts (`"a@evil.test"@victim.test`),
 * full-width or other look-alike `@` signs, control and invisible characters, and letters from
 * other scripts that look like Latin ones. Full-width Latin letters and digits become plain ones.
 */
export function normalizeEmail(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') refuse('Enter your email address.');
  if (raw.length > INPUT_LIMIT) refuse('That email address is too long (254 characters at most).');
  const trimmed = raw.trim();
  if (CONTROL.test(trimmed)) refuse('An email address cannot contain control characters.');
  if (INVISIBLE.test(trimmed)) refuse('An email address cannot contain invisible characters.');
  if (LOOK_ALIKE_AT.test(trimmed)) {
    refuse(
      'Use the plain @ sign from your keyboard: this address has one that only looks like it.',
    );
  }
  const email = trimmed.normalize('NFKC').toLowerCase();
  if (email.includes('"')) refuse('Email addresses with quotation marks are not accepted.');
  const ats = email.split('@').length - 1;
  if (ats === 0) refuse('An email address needs an @ sign.');
  if (ats > 1) refuse('An email address has only one @ sign.');
  if (/\s/.test(email)) refuse('An email address has no spaces.');
  if (/[^\x21-\x7e]/.test(email)) {
    for (const [script, name] of SCRIPTS) {
      if (script.test(email)) {
        refuse(
          `This address has ${name} letters that look like Latin ones. Type it with plain Latin letters.`,
        );
      }
    }
    refuse('Use plain Latin letters, digits and . _ + - in the email address.');
  }
  const at = email.indexOf('@');
  checkLocalPart(email.slice(0, at));
  checkDomain(email.slice(at + 1));
  if (email.length > 254) refuse('That email address is too long (254 characters at most).');
  return email;
}
