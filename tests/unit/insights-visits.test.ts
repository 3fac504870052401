import { describe, expect, it } from 'vitest';
import { isLikelyBot, isPrefetchRequest, isProfileOpen } from '@/lib/insights/visits';

describe('isLikelyBot', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'Mozilla/5.0 (compatible; YandexBot/3.0)',
    'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
    'Baiduspider+(+http://www.baidu.com/search/spider.htm)',
    'Mozilla/5.0 (compatible; SemrushCrawler/1.0)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Mozilla/5.0 (Macintosh) Slack-LinkExpanding Slackbot-LinkExpanding 1.0',
    'WhatsApp/2.23 link preview',
    'SkypeUriPreview Preview/0.5',
    'curl/8.5.0',
    'Wget/1.21.4',
  ])('treats %s as a robot', (agent) => {
    expect(isLikelyBot(agent)).toBe(true);
  });

  it('treats a missing or blank user-agent as a robot: every browser sends one', () => {
    expect(isLikelyBot(null)).toBe(true);
    expect(isLikelyBot(undefined)).toBe(true);
    expect(isLikelyBot('   ')).toBe(true);
  });

  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  ])('counts the browser %s', (agent) => {
    expect(isLikelyBot(agent)).toBe(false);
  });
});

describe('isPrefetchRequest', () => {
  it('recognises router prefetches and browser prefetch or prerender requests', () => {
    expect(isPrefetchRequest(new Headers({ 'next-router-prefetch': '1' }))).toBe(true);
    expect(isPrefetchRequest(new Headers({ 'sec-purpose': 'prefetch;prerender' }))).toBe(true);
    expect(isPrefetchRequest(new Headers({ purpose: 'prefetch' }))).toBe(true);
  });

  it('leaves ordinary navigations alone', () => {
    expect(isPrefetchRequest(new Headers({ accept: 'text/html' }))).toBe(false);
    expect(isPrefetchRequest(new Headers())).toBe(false);
  });
});

describe('isProfileOpen', () => {
  const browser = new Headers({ 'user-agent': 'Mozilla/5.0' });

  it('counts a plain opening of a profile', () => {
    expect(isProfileOpen(browser, {})).toBe(true);
  });

  it('does not count prefetches, renders after a button on the page, or paging and filters', () => {
    expect(isProfileOpen(new Headers({ 'next-router-prefetch': '1' }), {})).toBe(false);
    expect(isProfileOpen(new Headers({ 'next-action': 'abc123' }), {})).toBe(false);
    for (const key of ['page', 'sort', 'stars', 'condition', 'intent', 'review', 'invitation']) {
      expect(isProfileOpen(browser, { [key]: '2' }), key).toBe(false);
    }
  });
});
