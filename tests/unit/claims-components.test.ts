import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EvidenceLink } from '@/components/claims/evidence-link';
import { LicenceFields } from '@/components/claims/form-bits';
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

describe('LicenceFields', () => {
  const controls = (html: string) =>
    ['licenseState', 'licenseNumber', 'licenseName'].map((name) => {
      const tag = new RegExp(`<(?:input|select)[^>]*id="licence-${name}"[^>]*>`).exec(html);
      expect(tag, name).not.toBeNull();
      return tag![0];
    });

  it('marks all three fields when the licence as a whole does not match', () => {
    const html = renderToStaticMarkup(
      createElement(LicenceFields, {
        form: 'licence',
        values: {},
        errors: { licence: 'The licence does not match this listing.' },
        required: true,
      }),
    );
    expect(html).toContain('id="licence-licence-error"');
    expect(html).toContain('The licence does not match this listing.');
    for (const tag of controls(html)) {
      expect(tag).toContain('aria-invalid="true"');
      expect(tag).toMatch(/aria-describedby="[^"]*licence-licence-error/);
    }
  });

  it('marks only the field with its own error otherwise', () => {
    const html = renderToStaticMarkup(
      createElement(LicenceFields, {
        form: 'licence',
        values: {},
        errors: { licenseNumber: 'Enter the licence number.' },
        required: true,
      }),
    );
    const [state, number, name] = controls(html);
    expect(number).toContain('aria-invalid="true"');
    expect(number).toContain(
      'aria-describedby="licence-licenseNumber-error licence-licenseNumber-hint"',
    );
    expect(state).not.toContain('aria-invalid=');
    expect(name).not.toContain('aria-invalid=');
    expect(html).not.toContain('licence-licence-error');
  });
});
