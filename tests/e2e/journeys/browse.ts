/** Browsing: home, profiles, search and the 404 page, at phone and desktop sizes. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  VIEWPORTS,
  checkPage,
  checkSecurityHeaders,
  emailAddressesIn,
  newContext,
  origin,
  recordPage,
  type PageRecord,
} from '../harness';

for (const viewport of ['mobile', 'desktop'] as const) {
  describe(`journey at ${viewport} size (${VIEWPORTS[viewport].width}x${VIEWPORTS[viewport].height})`, () => {
    let context: BrowserContext | undefined;
    let page: Page | undefined;
    let record: PageRecord | undefined;
    let cardName = '';

    before(async () => {
      context = await newContext(viewport);
      page = await context.newPage();
      record = recordPage(page);
    });

    after(async () => {
      await context?.close();
    });

    test('home page lists therapists', async (t) => {
      assert.ok(page && record);
      const response = await page.goto(`${origin}/`, { waitUntil: 'load' });
      assert.ok(response, 'no response for the home page');
      assert.equal(response.status(), 200, 'home page status');
      checkSecurityHeaders(t, response, 'home');

      const heading = page.getByRole('heading', { level: 1 });
      await heading.first().waitFor({ state: 'visible' });
      const headingText = (await heading.first().innerText()).trim();
      assert.ok(headingText.length > 0, 'the home page heading is empty');
      t.diagnostic(`heading: ${headingText}`);

      const cards = page.locator('main article a[href^="/therapists/"]');
      const cardCount = await cards.count();
      assert.ok(cardCount > 0, 'the home page shows no therapist card');
      t.diagnostic(`therapist links: ${cardCount}`);
      cardName = (await cards.first().innerText()).trim().replace(/\s+/g, ' ');

      await checkPage(t, page, record, origin, `${viewport}-home`);
    });

    test('first therapist card opens the profile', async (t) => {
      assert.ok(page && record);
      record.consoleErrors.length = 0;
      record.pageErrors.length = 0;
      record.requests.length = 0;

      const card = page.locator('main article a[href^="/therapists/"]').first();
      const href = await card.getAttribute('href');
      assert.ok(href, 'the first card has no link');
      await Promise.all([page.waitForURL((url) => url.pathname === href), card.click()]);

      const heading = page.getByRole('heading', { level: 1 });
      await heading.first().waitFor({ state: 'visible' });
      const name = (await heading.first().innerText()).trim();
      assert.ok(name.length > 0, 'the profile has no name heading');
      assert.ok(
        name.includes(cardName),
        `the profile heading "${name}" does not name the therapist on the card ("${cardName}")`,
      );

      const ratingSummary = page.getByRole('region', { name: /rating/i }).first();
      await ratingSummary.waitFor({ state: 'visible' });
      const summaryText = await ratingSummary.innerText();
      assert.match(summaryText, /\d/, 'the rating summary shows no figures');

      const reviews = page.getByRole('region', { name: /^reviews/i }).getByRole('article');
      await reviews.first().waitFor({ state: 'visible' });
      const reviewCount = await reviews.count();
      assert.ok(reviewCount > 0, 'the profile shows no review');
      t.diagnostic(`${name}: ${reviewCount} reviews on the first page`);

      const html = await page.content();
      assert.deepEqual(
        emailAddressesIn(html),
        [],
        'the profile exposes email addresses (TRUST 11)',
      );

      const response = await page.request.get(`${origin}${href}`);
      assert.equal(response.status(), 200, 'profile status');
      checkSecurityHeaders(t, response, 'profile');

      await checkPage(t, page, record, origin, `${viewport}-profile`);
    });
  });
}

describe('search', () => {
  test('from the home page: a misspelt specialty, typing, a filter chip and the JSON API', async (t) => {
    const context = await newContext('desktop');
    try {
      const page = await context.newPage();
      const record = recordPage(page);
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page.getByLabel('What').fill('deep tisue');
      await Promise.all([
        page.waitForURL(
          (url) => url.pathname === '/search' && url.searchParams.get('q') === 'deep tisue',
        ),
        page.getByRole('button', { name: 'Search' }).click(),
      ]);
      await page
        .getByText(/Showing results for/)
        .first()
        .waitFor({ state: 'visible' });
      assert.match(
        await page.locator('main').innerText(),
        /deep tissue/i,
        'the corrected spelling is not shown',
      );
      const results = page.locator('main article a[href^="/therapists/"]');
      assert.ok((await results.count()) > 0, 'no results for "deep tisue"');
      await checkPage(t, page, record, origin, 'desktop-search-typo');

      // Results while typing: the address follows the box without pressing Search.
      const what = page.getByLabel('What');
      await what.fill('sciatica');
      await page.waitForURL((url) => url.searchParams.get('q') === 'sciatica');
      await page
        .getByRole('status')
        .filter({ hasText: /therapists? found/ })
        .first()
        .waitFor();
      assert.equal(await what.inputValue(), 'sciatica', 'typing lost the text in the box');

      // A filter chip narrows the results and lands in the address.
      const chip = page.locator('input[type="checkbox"][name="intent"]').first();
      const value = await chip.getAttribute('value');
      assert.ok(value, 'no session intent filter chip');
      await chip.check({ force: true });
      await page.waitForURL((url) => url.searchParams.getAll('intent').includes(value));
      await page
        .getByRole('status')
        .filter({ hasText: /therapists? found/ })
        .first()
        .waitFor();
      await checkPage(t, page, record, origin, 'desktop-search-filtered');

      const api = await page.request.get(`${origin}/api/search?q=sciatica&intent=${value}`);
      assert.equal(api.status(), 200, 'search API status');
      const body = (await api.json()) as { total: number; engine: string; hits: unknown[] };
      assert.ok(body.total > 0 && body.hits.length > 0, 'the search API found nothing');
      assert.equal(body.engine, 'postgres');

      const bad = await page.request.get(`${origin}/api/search?radius=500`);
      assert.equal(bad.status(), 422, 'a bad parameter must get 422');
      const problem = (await bad.json()) as { issues?: { parameter: string }[] };
      assert.equal(problem.issues?.[0]?.parameter, 'radius');
    } finally {
      await context.close();
    }
  });
});

describe('not found', () => {
  test('an unknown therapist gets a friendly 404 page', async (t) => {
    const context = await newContext('desktop');
    try {
      const page = await context.newPage();
      const record = recordPage(page);
      const response = await page.goto(`${origin}/therapists/does-not-exist`, {
        waitUntil: 'load',
      });
      assert.ok(response, 'no response for the unknown therapist');
      assert.equal(response.status(), 404, 'unknown therapist status');
      checkSecurityHeaders(t, response, '404');

      const heading = page.getByRole('heading', { level: 1 });
      await heading.first().waitFor({ state: 'visible' });
      const headingText = (await heading.first().innerText()).trim();
      assert.ok(headingText.length > 0, 'the 404 page has no heading');

      const homeLink = page.locator('a[href="/"]');
      assert.ok((await homeLink.count()) > 0, 'the 404 page offers no way back home');

      const body = await page.locator('body').innerText();
      assert.doesNotMatch(
        body,
        /\bat \S+ \(|node_modules|DATABASE_URL/,
        'the 404 page leaks internals',
      );

      await checkPage(t, page, record, origin, 'desktop-404', { expectedErrorStatus: 404 });
    } finally {
      await context.close();
    }
  });
});
