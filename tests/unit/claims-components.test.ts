import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EvidenceLink } from '@/components/claims/evidence-link';
import { IsThisYou } from '@/components/claims/is-this-you';

describe('IsThisYou', () => {
  it('invites the practitioner to claim an unclaimed listing', () => {
    const html = renderToStaticMarkup(
      createElement(IsThisYou, { slug: 'maya-rodriguez', claimed: false }),
    );
    expect(html).toContain('Is this you?');
    expect(html).toContain('href="/therapists/maya-rodriguez/claim"');
    expect(html).toContain('Claim this listing');
    expect(html).not.toContain('Dispute');
  });

  it('offers a claimed listing only a discreet way to dispute it', () => {
    const html = renderToStaticMarkup(
      createElement(IsThisYou, { slug: 'maya-rodriguez', claimed: true }),
    );
    expect(html).toContain('Is this your listing? Dispute the claim');
    expect(html).toContain('href="/therapists/maya-rodriguez/claim"');
    expect(html).not.toContain('Claim this listing');
  });
});

describe('EvidenceLink', () => {
  it('links https addresses without credit, referrer or opener', () => {
    const html = renderToStaticMarkup(
      createElement(EvidenceLink, { href: 'https://board.example/ma/1' }),
    );
    expect(html).toContain('rel="nofollow noopener noreferrer ugc"');
    expect(html).toContain('href="https://board.example/ma/1"');
  });

  it.each(['javascript:alert(1)', 'http://clinic.example', 'not a link'])(
    'keeps %s as text',
    (href) => {
      const html = renderToStaticMarkup(createElement(EvidenceLink, { href }));
      expect(html).not.toContain('<a');
    },
  );
});
