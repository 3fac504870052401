import { describe, expect, it } from 'vitest';
import { deviceLabel } from '@/lib/auth/device';
import { normalizeEmail } from '@/lib/auth/email';
import { onSiteOrigin, safeCallbackPath } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';

/** The message normalizeEmail refuses `raw` with (and checks it is a field error on `email`). */
function refusal(raw: unknown): string {
  try {
    normalizeEmail(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation');
    expect(appError.status).toBe(422);
    expect(appError.issues).toEqual([{ field: 'email', message: appError.message }]);
    return appError.message;
  }
  throw new Error(`normalizeEmail accepted ${JSON.stringify(raw)}`);
}

describe('normalizeEmail accepts ordinary addresses', () => {
  it.each([
    ['maya@example.com', 'maya@example.com'],
    ['  Maya.Rivera@Example.COM  ', 'maya.rivera@example.com'],
    ['first.last+tag@mail.example.co.uk', 'first.last+tag@mail.example.co.uk'],
    ["o'neil_99@sub-domain.example.org", "o'neil_99@sub-domain.example.org"],
    ['user@xn--bcher-kva.example', 'user@xn--bcher-kva.example'],
    ['user@example.xn--p1ai', 'user@example.xn--p1ai'],
    // Full-width Latin letters and digits are the same letters: NFKC makes them plain.
    ['ｍａｙａ１@example.com', 'maya1@example.com'],
    ['maya@ｅｘａｍｐｌｅ.com', 'maya@example.com'],
  ])('%j becomes %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it('accepts the longest parts the standard allows', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    const email = `${local}@${domain}`;
    expect(email.length).toBeLessThanOrEqual(254);
    expect(normalizeEmail(email)).toBe(email);
  });

  it('gives the same result for the same address however it was typed', () => {
    const forms = [
      'Maya@Example.com',
      'MAYA@EXAMPLE.COM',
      ' maya@example.com',
      'ｍａｙａ@example.com',
    ];
    expect(new Set(forms.map(normalizeEmail))).toEqual(new Set(['maya@example.com']));
  });
});

describe('normalizeEmail refuses, saying why', () => {
  it.each([
    // Quoted local parts: some mail software would deliver these to victim.test.
    ['"a@evil.test"@victim.test', 'Email addresses with quotation marks are not accepted.'],
    ['"maya"@example.com', 'Email addresses with quotation marks are not accepted.'],
    ['＂a@evil.test＂@victim.test', 'Email addresses with quotation marks are not accepted.'],
    ['＂maya＂@example.com', 'Email addresses with quotation marks are not accepted.'],
    // Look-alike @ signs, which NFKC would turn into a real one.
    ['maya＠example.com', 'Use the plain @ sign from your keyboard'],
    ['maya﹫example.com', 'Use the plain @ sign from your keyboard'],
    ['attacker@evil.test＠victim.test', 'Use the plain @ sign from your keyboard'],
    // Not exactly one @.
    ['maya.example.com', 'An email address needs an @ sign.'],
    ['maya@evil.test@example.com', 'An email address has only one @ sign.'],
    ['maya@@example.com', 'An email address has only one @ sign.'],
    // Letters from other scripts that look like Latin ones.
    ['p\u0430ypal@example.com', 'This address has Cyrillic letters that look like Latin ones.'],
    ['maya@ex\u0430mple.com', 'This address has Cyrillic letters that look like Latin ones.'],
    ['\u03bfmega@example.com', 'This address has Greek letters that look like Latin ones.'],
    ['josé@example.com', 'Use plain Latin letters, digits and . _ + - in the email address.'],
    ['maya@bücher.example', 'Use plain Latin letters, digits and . _ + - in the email address.'],
    // Spaces, control and invisible characters.
    ['maya rivera@example.com', 'An email address has no spaces.'],
    ['maya@example .com', 'An email address has no spaces.'],
    ['maya\u00a0@example.com', 'An email address has no spaces.'],
    ['maya\u3000x@example.com', 'An email address has no spaces.'],
    ['maya\u0000@example.com', 'An email address cannot contain control characters.'],
    ['maya@example.com\r\nBcc: x@evil.test', 'An email address cannot contain control characters.'],
    ['maya\tx@example.com', 'An email address cannot contain control characters.'],
    ['maya\u007f@example.com', 'An email address cannot contain control characters.'],
    ['maya\u200b@example.com', 'An email address cannot contain invisible characters.'],
    ['maya@exa\u202emple.com', 'An email address cannot contain invisible characters.'],
    // The domain.
    ['maya@localhost', 'The part after the @ needs an ending such as .com or .org.'],
    ['maya@', 'Enter the part after the @, such as example.com.'],
    ['maya@example.c', 'The ending of the domain (after the last dot) is not a valid one.'],
    ['maya@example.123', 'The ending of the domain (after the last dot) is not a valid one.'],
    ['maya@-example.com', 'The part after the @ can only have letters, digits, dots and hyphens'],
    ['maya@exa_mple.com', 'The part after the @ can only have letters, digits, dots and hyphens'],
    ['maya@[192.0.2.1]', 'The part after the @ can only have letters, digits, dots and hyphens'],
    ['maya@.example.com', 'The part after the @ cannot start or end with a dot.'],
    ['maya@example.com.', 'The part after the @ cannot start or end with a dot.'],
    ['maya@example..com', 'An email address cannot have two dots in a row.'],
    // The part before the @.
    ['@example.com', 'Enter the part before the @.'],
    ['.maya@example.com', 'The part before the @ cannot start or end with a dot.'],
    ['maya.@example.com', 'The part before the @ cannot start or end with a dot.'],
    ['ma..ya@example.com', 'An email address cannot have two dots in a row.'],
    [
      'ma(ya)@example.com',
      'The part before the @ has a character that email addresses cannot use.',
    ],
    [
      'maya,x@example.com',
      'The part before the @ has a character that email addresses cannot use.',
    ],
    [
      'maya\\x@example.com',
      'The part before the @ has a character that email addresses cannot use.',
    ],
    // Nothing at all.
    ['', 'Enter your email address.'],
    ['   ', 'Enter your email address.'],
  ])('%j', (raw, message) => {
    expect(refusal(raw)).toContain(message);
  });

  it('refuses what is not a string', () => {
    for (const raw of [undefined, null, 42, ['maya@example.com'], { email: 'maya@example.com' }]) {
      expect(refusal(raw)).toBe('Enter your email address.');
    }
  });

  it('refuses a part before the @ longer than 64 characters', () => {
    expect(refusal(`${'a'.repeat(65)}@example.com`)).toBe(
      'The part before the @ is too long (64 characters at most).',
    );
  });

  it('refuses a domain longer than 253 characters, and a domain label longer than 63', () => {
    const longDomain = `${Array.from({ length: 4 }, () => 'd'.repeat(62)).join('.')}.com`;
    expect(longDomain.length).toBeGreaterThan(253);
    expect(refusal(`a@${longDomain}`)).toBe(
      'The part after the @ is too long (253 characters at most).',
    );
    expect(refusal(`a@${'d'.repeat(64)}.com`)).toBe(
      'Each part of the domain between dots can have at most 63 characters.',
    );
  });

  it('refuses an address longer than 254 characters, and huge input at once', () => {
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    const email = `${'a'.repeat(64)}@${domain}`;
    expect(email.length).toBeGreaterThan(254);
    expect(refusal(email)).toBe('That email address is too long (254 characters at most).');
    expect(refusal(`${'a'.repeat(100_000)}@example.com`)).toBe(
      'That email address is too long (254 characters at most).',
    );
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/', '/'],
    ['/account', '/account'],
    ['/therapists/maya-rivera?tab=reviews#latest', '/therapists/maya-rivera?tab=reviews#latest'],
    ['/search?q=neck%20pain', '/search?q=neck%20pain'],
    ['/a/../account', '/account'],
  ])('keeps the path %j', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    'https://evil.test',
    'https://evil.test/account',
    'http://localhost:3000/account',
    '//evil.test',
    '//evil.test/account',
    '/\\evil.test',
    '\\\\evil.test',
    '/\t/evil.test',
    '/ /evil.test',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'account',
    '',
    `/${'a'.repeat(2001)}`,
  ])('falls back to / for %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('falls back to the fallback given, and for what is not a string', () => {
    expect(safeCallbackPath('https://evil.test', '/account')).toBe('/account');
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath(['/account'])).toBe('/');
    expect(safeCallbackPath(null, '/sign-in')).toBe('/sign-in');
  });
});

describe('onSiteOrigin', () => {
  it('keeps URLs and paths on the origin', () => {
    expect(onSiteOrigin('/account?x=1', 'https://unknot.example')?.toString()).toBe(
      'https://unknot.example/account?x=1',
    );
    expect(onSiteOrigin('https://unknot.example/a', 'https://unknot.example')?.pathname).toBe('/a');
  });

  it('takes localhost for a loopback address on the same port (Next.js writes it so)', () => {
    expect(onSiteOrigin('http://localhost:3000/account', 'http://127.0.0.1:3000')?.toString()).toBe(
      'http://127.0.0.1:3000/account',
    );
    expect(onSiteOrigin('http://localhost:3000/', 'http://[::1]:3000')?.origin).toBe(
      'http://[::1]:3000',
    );
  });

  it('refuses other origins', () => {
    for (const url of [
      'https://evil.test/account',
      'http://unknot.example/account',
      'https://unknot.example.evil.test/',
      'https://localhost/account',
    ]) {
      expect(onSiteOrigin(url, 'https://unknot.example')).toBeNull();
    }
    expect(onSiteOrigin('http://localhost:3001/', 'http://127.0.0.1:3000')).toBeNull();
    expect(onSiteOrigin('https://localhost:3000/', 'http://127.0.0.1:3000')).toBeNull();
    expect(onSiteOrigin('http://localhost:3000/', 'http://10.0.0.1:3000')).toBeNull();
  });
});

describe('deviceLabel', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome on Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
      'Edge on Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari on macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
      'Chrome on iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox on Linux'],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome on ChromeOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0',
      'Opera on Windows',
    ],
    ['curl/8.5.0', 'Unknown device'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'Windows'],
  ])('labels %j as %j', (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });

  it('keeps nothing of the user agent beyond the label', () => {
    const label = deviceLabel(
      'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007) Chrome/126.0.0.0 Mobile Safari/537.36',
    );
    expect(label).toBe('Chrome on Android');
    expect(label).not.toMatch(/SM-S918B|126|UP1A/);
  });

  it('gives null without a user agent', () => {
    expect(deviceLabel(null)).toBeNull();
    expect(deviceLabel(undefined)).toBeNull();
    expect(deviceLabel('')).toBeNull();
  });
});
