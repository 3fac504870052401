/**
 * Environment settings for one test file: what its tests need, put back as it was once they are
 * done, so that the next file starts from the same settings.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

type Settings = Record<string, string | undefined>;

/** Sets each setting, removing those given as undefined. */
function apply(settings: Settings): void {
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** Keeps `keys` as they are before the file's tests and puts them back after them. */
function preserveEnv(keys: readonly string[]): void {
  let saved: Settings = {};
  beforeAll(() => {
    saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  });
  afterAll(() => apply(saved));
}

/** Settings (undefined removes one) for all of the file's tests, put back after them. */
export function setUpEnv(settings: Settings): void {
  preserveEnv(Object.keys(settings));
  beforeAll(() => apply(settings));
}

export interface MailEnv {
  /** AUTH_URL, the base of the links in mail. */
  authUrl?: string;
  /** AUTH_SECRET, which signs those links. */
  authSecret?: string;
  /** More settings reset before each test (undefined removes one), e.g. rate limits a test sets. */
  perTest?: Settings;
}

/**
 * A real SMTP sink for the tests of the file (or of the describe block it is called in): before
 * each test SMTP_URL points at it, and AUTH_URL, AUTH_SECRET and `perTest` are set when given;
 * all of them are put back afterwards.
 */
export function setUpMail({ authUrl, authSecret, perTest = {} }: MailEnv = {}): SmtpSink {
  let started: SmtpSink | undefined;
  const current = (): SmtpSink => {
    if (!started) throw new Error('the SMTP sink starts before the first test');
    return started;
  };
  const links: Settings = {
    ...(authUrl === undefined ? {} : { AUTH_URL: authUrl }),
    ...(authSecret === undefined ? {} : { AUTH_SECRET: authSecret }),
  };
  preserveEnv(['SMTP_URL', ...Object.keys(links), ...Object.keys(perTest)]);
  beforeAll(async () => {
    started = await startSmtpSink();
  });
  beforeEach(() => apply({ ...links, SMTP_URL: current().url, ...perTest }));
  afterAll(async () => {
    await started?.close();
  });
  return {
    get url() {
      return current().url;
    },
    get mails() {
      return current().mails;
    },
    mailsTo: (address) => current().mailsTo(address),
    waitForMail: (address, options) => current().waitForMail(address, options),
    close: () => current().close(),
  };
}
