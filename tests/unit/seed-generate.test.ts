import zipcodes from 'zipcodes';
import { FOLLOW_UP_WEEKS } from '@/db/aggregates';
import { describe, expect, it } from 'vitest';
import { NOT_RECOMMENDED_REASONS, PENDING_REASONS } from '@/db/seed/text';
import { MODERATION_REASON_OPTIONS } from '@/lib/moderation/reasons';
import { isRiskReason } from '@/lib/reviews/risk';
import { INTENTS } from '@/db/schema/enums';
import {
  allocateReviewCounts,
  ARCHETYPES,
  generateReview,
  generateTherapistProfile,
  licenseNumberFor,
  SCENARIO_RULES,
  SeedPlan,
  type PlannedReview,
  type ReviewSubject,
  type TherapistDraft,
  type UserDraft,
} from '@/db/seed/generate';
import { CITIES, MAX_JITTER_KM, zipsOf } from '@/db/seed/places';
import { distanceKm } from '@/lib/geo';
import { Random } from '@/db/seed/random';
import { expand, fitLength, slugify } from '@/db/seed/text';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MODALITY_SLUGS = new Set(MODALITIES.map((m) => m.slug));
const CONDITION_SLUGS = new Set(CONDITIONS.map((c) => c.slug));

function build(options: { therapists: number; reviews: number; seed?: number }) {
  const plan = new SeedPlan({ ...options, now: NOW });
  const therapists: TherapistDraft[] = [...plan.therapists()];
  const users: UserDraft[] = [...plan.users()];
  const reviews: PlannedReview[] = [...plan.reviews()];
  return { plan, therapists, users, reviews };
}

const small = build({ therapists: 400, reviews: 6000, seed: 99 });
const wide = build({ therapists: 3000, reviews: 0, seed: 5 });

describe('Random', () => {
  it('repeats the same sequence for the same seed and labels, and differs otherwise', () => {
    const draw = (...parts: (number | string)[]) => {
      const rng = new Random(...parts);
      return Array.from({ length: 8 }, () => rng.uint32());
    };
    expect(draw(1, 'a', 3)).toEqual(draw(1, 'a', 3));
    expect(draw(1, 'a', 3)).not.toEqual(draw(1, 'a', 4));
    expect(draw(1, 'a', 3)).not.toEqual(draw(2, 'a', 3));
    expect(draw(1, 'ab')).not.toEqual(draw(1, 'a', 'b'));
  });

  it('keeps int, float, pick, weighted, shuffle and sample within their contracts', () => {
    const rng = new Random(7);
    const ints = Array.from({ length: 5000 }, () => rng.int(-2, 3));
    expect(Math.min(...ints)).toBe(-2);
    expect(Math.max(...ints)).toBe(3);
    for (let i = 0; i < 1000; i += 1) {
      const f = rng.float(1.5, 2.5);
      expect(f).toBeGreaterThanOrEqual(1.5);
      expect(f).toBeLessThan(2.5);
    }
    const weighted = Array.from({ length: 2000 }, () =>
      rng.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : x === 'a' ? 3 : 1)),
    );
    expect(weighted).not.toContain('b');
    expect(weighted.filter((x) => x === 'a').length).toBeGreaterThan(
      weighted.filter((x) => x === 'c').length * 2,
    );
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(rng.shuffle(items).sort((a, b) => a - b)).toEqual(items);
    const sample = rng.sample(items, 7);
    expect(new Set(sample).size).toBe(7);
    expect(rng.sample(items, 50)).toHaveLength(20);
    expect(() => rng.pick([])).toThrow();
  });
});

describe('determinism', () => {
  it('builds exactly the same data set from the same seed', () => {
    const again = build({ therapists: 400, reviews: 6000, seed: 99 });
    expect(again.therapists).toEqual(small.therapists);
    expect(again.users).toEqual(small.users);
    expect(again.reviews).toEqual(small.reviews);
  });

  it('builds a different data set from another seed', () => {
    const other = build({ therapists: 50, reviews: 300, seed: 100 });
    expect(other.therapists.map((t) => t.slug)).not.toEqual(
      small.therapists.slice(0, 50).map((t) => t.slug),
    );
  });

  it('generates any therapist alone exactly as within the whole set', () => {
    expect(generateTherapistProfile(99, 123)).toEqual(small.therapists[123]?.profile);
  });
});

describe('therapists', () => {
  it('come from coherent archetypes: pressure, intents, modalities and conditions fit together', () => {
    const problems: string[] = [];
    const check = (ok: boolean, t: TherapistDraft, what: string) => {
      if (!ok) problems.push(`${t.slug} (${t.profile.archetype}): ${what}`);
    };
    for (const t of wide.therapists) {
      const a = ARCHETYPES[t.profile.archetype];
      check(
        t.pressureMin >= a.pressureMin[0] && t.pressureMin <= a.pressureMin[1],
        t,
        `pressure min ${t.pressureMin}`,
      );
      check(
        t.pressureMax >= Math.max(t.pressureMin, a.pressureMax[0]) &&
          t.pressureMax <= a.pressureMax[1],
        t,
        `pressure max ${t.pressureMax}`,
      );
      const allowedIntents: string[] = [
        ...a.intents,
        ...a.optionalIntents,
        ...(a.key === 'prenatal-lymphatic' ? ['relaxation'] : []),
      ];
      check(
        a.intents.every((i) => t.intents.includes(i)),
        t,
        `intents ${t.intents.join(',')} miss a required one`,
      );
      check(
        t.intents.every((i) => allowedIntents.includes(i)),
        t,
        `intents ${t.intents.join(',')}`,
      );
      const allowedModalities: string[] = [
        ...a.anchorModalities,
        ...a.coreModalities,
        ...a.extraModalities,
      ];
      check(
        t.modalities.length >= 2 && t.modalities.length <= 5,
        t,
        `${t.modalities.length} modalities`,
      );
      check(new Set(t.modalities).size === t.modalities.length, t, 'duplicate modality');
      check(
        t.modalities.every((m) => allowedModalities.includes(m) && MODALITY_SLUGS.has(m)),
        t,
        `modalities ${t.modalities.join(',')}`,
      );
      check(
        a.anchorModalities.every((m) => t.modalities.includes(m)),
        t,
        'missing anchor modality',
      );
      const allowedConditions: string[] = [...a.coreConditions, ...a.extraConditions];
      check(
        t.conditions.length >= 3 && t.conditions.length <= 8,
        t,
        `${t.conditions.length} conditions`,
      );
      check(new Set(t.conditions).size === t.conditions.length, t, 'duplicate condition');
      check(
        t.conditions.every((c) => allowedConditions.includes(c) && CONDITION_SLUGS.has(c)),
        t,
        `conditions ${t.conditions.join(',')}`,
      );
    }
    expect(problems).toEqual([]);
    expect(new Set(wide.therapists.map((t) => t.profile.archetype)).size).toBe(
      Object.keys(ARCHETYPES).length,
    );
  });

  it('keeps firm and light work apart', () => {
    for (const t of wide.therapists) {
      if (
        t.modalities.includes('acupressure-light-touch') ||
        t.modalities.includes('craniosacral')
      ) {
        expect(t.pressureMax).toBeLessThanOrEqual(2);
      }
      if (t.modalities.includes('deep-tissue') || t.modalities.includes('tui-na')) {
        expect(t.pressureMax).toBeGreaterThanOrEqual(4);
      }
      if (t.intents.includes('relaxation') && t.profile.archetype !== 'light-touch') {
        expect(t.pressureMax).toBeLessThanOrEqual(3);
      }
    }
  });

  it('have unique slugs, unique licences and fictional contact details', () => {
    const slugs = new Set(wide.therapists.map((t) => t.slug));
    expect(slugs.size).toBe(wide.therapists.length);
    const licences = new Set(wide.therapists.map((t) => `${t.licenseState}:${t.licenseNumber}`));
    expect(licences.size).toBe(wide.therapists.length);
    for (const t of wide.therapists) {
      expect(t.slug).toMatch(SLUG);
      expect(t.name.length).toBeGreaterThanOrEqual(2);
      expect(t.licenseState).toMatch(/^[A-Z]{2}$/);
      expect(t.licenseState).toBe(t.locations[0]?.region);
      if (t.contactEmail) expect(t.contactEmail).toMatch(/^[a-z0-9.]+@example\.(com|org|net)$/);
      if (t.phone) expect(t.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
      for (const url of [t.website, t.bookingUrl])
        if (url) expect(url).toMatch(/^https:\/\/example\.(com|org)\//);
      expect(t.languages[0]).toBe('en');
      expect(t.headline.length).toBeLessThanOrEqual(120);
      expect(t.bio.length).toBeGreaterThan(100);
      expect(t.bio).not.toMatch(/\{|\}|\[|\]|undefined/);
    }
  });

  it('mostly publish and verify, with a few moved or in two places', () => {
    const n = wide.therapists.length;
    const share = (test: (t: TherapistDraft) => boolean) => wide.therapists.filter(test).length / n;
    expect(share((t) => t.status === 'hidden')).toBeLessThan(0.03);
    expect(share((t) => t.licenseStatus === 'verified')).toBeGreaterThan(0.75);
    expect(share((t) => t.locations.some((l) => l.endsOn !== null))).toBeGreaterThan(0.06);
    expect(share((t) => t.locations.some((l) => l.endsOn !== null))).toBeLessThan(0.15);
    expect(share((t) => t.locations.filter((l) => l.endsOn === null).length === 2)).toBeGreaterThan(
      0.02,
    );
    expect(share((t) => t.languages.length > 1)).toBeGreaterThan(0.05);
    expect(share((t) => t.profile.city === 'New York')).toBeGreaterThan(0.15);
  });

  it('practise at real zip codes of their city, within 1.5 km of the zip centre', () => {
    const problems: string[] = [];
    const today = NOW.toISOString().slice(0, 10);
    for (const t of wide.therapists) {
      if (!t.locations.some((l) => l.endsOn === null))
        problems.push(`${t.slug}: no current location`);
      for (const l of t.locations) {
        const zip = zipcodes.lookup(l.postalCode);
        const off = distanceKm({ latitude: zip?.latitude ?? 0, longitude: zip?.longitude ?? 0 }, l);
        if (zip?.city !== l.city || zip.state !== l.region)
          problems.push(`${t.slug}: ${l.postalCode} is not in ${l.city}`);
        if (off > MAX_JITTER_KM)
          problems.push(`${t.slug}: ${off.toFixed(2)} km from the zip centre`);
        if (!/^\d+ \S/.test(l.address)) problems.push(`${t.slug}: address ${l.address}`);
        if (l.endsOn !== null && l.endsOn < l.startsOn)
          problems.push(`${t.slug}: ends before it starts`);
        if (l.startsOn > today) problems.push(`${t.slug}: starts in the future`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('licence numbers are unique per index', () => {
    const seen = new Set(Array.from({ length: 20000 }, (_, i) => licenseNumberFor(i * 37, 'NY')));
    expect(seen.size).toBe(20000);
  });
});

describe('places', () => {
  it('resolves every city to zip codes of that city, New York weighted most', () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(55);
    for (const city of CITIES) expect(zipsOf(city).length).toBeGreaterThan(0);
    const heaviest = [...CITIES].sort((a, b) => b.weight - a.weight)[0];
    expect(heaviest?.name).toBe('New York');
    const names = CITIES.map((c) => `${c.name}, ${c.region}`);
    for (const wanted of [
      'Denver, CO',
      'Chicago, IL',
      'Los Angeles, CA',
      'Austin, TX',
      'Seattle, WA',
      'Boston, MA',
    ]) {
      expect(names).toContain(wanted);
    }
  });
});

describe('users', () => {
  it('have unique lowercase emails and pseudonymous display names', () => {
    const emails = new Set(small.users.map((u) => u.email));
    expect(emails.size).toBe(small.users.length);
    expect(new Set(small.users.map((u) => u.id)).size).toBe(small.users.length);
    for (const u of small.users) {
      expect(u.email).toBe(u.email.toLowerCase());
      expect(u.email).toMatch(/^reviewer\d+@example\.net$/);
      expect(u.displayName.length).toBeGreaterThanOrEqual(2);
      expect(u.displayName.length).toBeLessThanOrEqual(40);
      expect(u.displayName.toLowerCase()).not.toContain('reviewer');
      expect(u.createdAt.getTime()).toBeLessThan(NOW.getTime());
    }
    expect(small.users.length).toBe(Math.ceil(6000 / 3));
  });
});

describe('review allocation', () => {
  it('gives exactly the requested total, skewed, never above the cap', () => {
    const counts = small.plan.reviewCounts;
    expect(counts.reduce((s, n) => s + n, 0)).toBe(6000);
    expect(small.reviews).toHaveLength(6000);
    const sorted = [...counts].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(sorted[sorted.length - 1]).toBeGreaterThan(median * 4);
    expect(sorted.filter((n) => n === 0).length).toBeGreaterThan(0);
    const capped = allocateReviewCounts([100, 1, 1, 0], 30, 12);
    expect([...capped]).toEqual([12, 9, 9, 0]);
    expect([...allocateReviewCounts([0, 0], 5, 5)].reduce((s, n) => s + n, 0)).toBe(5);
  });

  it('never lets the same reviewer review a therapist twice', () => {
    const pairs = new Set(small.reviews.map((r) => `${r.authorIndex}:${r.therapistIndex}`));
    expect(pairs.size).toBe(small.reviews.length);
    for (const r of small.reviews) expect(r.authorIndex).toBeLessThan(small.plan.userCount);
  });

  it('still works when the reviews outnumber what three per reviewer allows', () => {
    const crowded = new SeedPlan({ therapists: 2, reviews: 50, now: NOW });
    const pairs = new Set(
      [...crowded.reviews()].map((r) => `${r.authorIndex}:${r.therapistIndex}`),
    );
    expect(pairs.size).toBe(50);
  });
});

describe('reviews', () => {
  const byTherapist = new Map(small.therapists.map((t) => [t.profile.index, t]));
  const entries = small.reviews.map((r) => ({
    ...r,
    therapist: byTherapist.get(r.therapistIndex),
  }));

  it('keep every structured field consistent with the story and the therapist', () => {
    const earliestVisit = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - 35, 1))
      .toISOString()
      .slice(0, 10);
    const improving = ['lasting', 'gradual', 'rehab', 'sports', 'fading'];
    const problems: string[] = [];
    for (const [i, { review: r, therapist: t }] of entries.entries()) {
      const check = (ok: boolean, what: string) => {
        if (!ok) problems.push(`review ${i} (${r.scenario}): ${what}`);
      };
      if (!t) throw new Error('review of an unknown therapist');
      const rule = SCENARIO_RULES[r.scenario];
      check(
        t.intents.includes(r.intent) && INTENTS.includes(r.intent),
        `intent ${r.intent} not offered`,
      );
      check(
        r.rating >= 1 && r.rating <= 5 && (rule.stars[r.rating - 1] ?? 0) > 0,
        `rating ${r.rating}`,
      );
      check(r.rating < 4 || r.wouldRecommend, 'happy but would not recommend');
      check(r.rating > 2 || !r.wouldRecommend, 'unhappy but would recommend');
      check(r.title.length > 0 && r.title.length <= 120, `title length ${r.title.length}`);
      check(r.body.length > 0 && r.body.length <= 5000, `body length ${r.body.length}`);
      check(!/\{|\}|\[|\]|undefined|NaN/.test(`${r.title} ${r.body}`), 'unfilled template');
      check(/^\d{4}-\d{2}-01$/.test(r.visitMonth), `visit month ${r.visitMonth}`);
      check(r.visitMonth >= earliestVisit, 'visit more than three years ago');
      check(
        r.visitMonth <= r.createdAt.toISOString().slice(0, 10),
        'review written before the visit',
      );
      check(r.createdAt.getTime() <= NOW.getTime(), 'review in the future');
      check(r.sessionsCount >= 1, 'no sessions');
      const hasPain = r.painBefore !== null && r.painNow !== null;
      check(
        r.scenario === 'relaxation' ? !hasPain && r.intent === 'relaxation' : hasPain,
        'pain fields do not fit the story',
      );
      if (r.painBefore !== null && r.painNow !== null) {
        check(
          r.painBefore >= 0 && r.painBefore <= 10 && r.painNow >= 0 && r.painNow <= 10,
          'pain out of range',
        );
        if (improving.includes(r.scenario))
          check(r.painBefore - r.painNow >= 2, 'no meaningful improvement');
        if (r.scenario === 'worse') check(r.painNow > r.painBefore, 'not worse');
        if (r.scenario === 'temporary')
          check(r.painBefore - r.painNow <= 1, 'relief did not come back');
      }
      if (r.pressureReceived !== null && r.pressureWanted !== null) {
        check(
          r.pressureReceived >= t.pressureMin && r.pressureReceived <= t.pressureMax,
          'pressure outside the therapist range',
        );
        check(r.pressureWanted >= 1 && r.pressureWanted <= 5, 'pressure wanted out of range');
      }
      if (r.pressureAdjusted === 'no')
        check(r.pressureWanted !== r.pressureReceived, 'ignored but got what was wanted');
      if (r.pressureAdjusted === 'not_asked')
        check(r.pressureWanted === r.pressureReceived, 'not asked but different');
      if (r.scenario === 'pressure-ignored')
        check(r.pressureAdjusted === 'no', 'pressure story without ignored pressure');
      if (r.scenario === 'referred')
        check(r.referredOut !== false, 'referral story without referral');
      if (r.conditionPublic) {
        check(
          r.condition !== null && r.conditionConsentAt !== null && r.conditionConsentText !== null,
          'public without consent',
        );
      }
      check(r.status !== 'published' || r.publishedAt !== null, 'published without a date');
      check(r.status === 'published' || Boolean(r.statusReason), 'held without a reason');
    }
    expect(problems).toEqual([]);
  });

  it('quote the same pain scores in the text as in the fields', () => {
    for (const { review: r } of entries) {
      for (const match of r.body.matchAll(/from an? (\d+) to an? (\d+)/g)) {
        expect(Number(match[1])).toBe(r.painBefore);
        expect(Number(match[2])).toBe(r.painNow);
      }
      if (r.painBefore === null) expect(r.body).not.toMatch(/out of 10|from an? \d/);
      if (r.referredOut === true) expect(r.body).toMatch(/sent me|referred me/);
      if (r.pressureAdjusted === 'no') expect(r.body).toMatch(/pressure|firmer|ease off|for less/);
    }
  });

  it('use the condition the therapist treats most of the time, and show it publicly for about 40%', () => {
    const withCondition = entries.filter((e) => e.review.condition !== null);
    const treated = withCondition.filter((e) =>
      e.therapist?.conditions.includes(e.review.condition ?? ''),
    );
    expect(treated.length / withCondition.length).toBeGreaterThan(0.75);
    const shown =
      withCondition.filter((e) => e.review.conditionPublic).length / withCondition.length;
    expect(shown).toBeGreaterThan(0.33);
    expect(shown).toBeLessThan(0.47);
  });

  it('are mostly published, a few pending or not recommended', () => {
    const share = (status: string) =>
      small.reviews.filter((r) => r.review.status === status).length / small.reviews.length;
    expect(share('published')).toBeGreaterThan(0.95);
    expect(share('pending')).toBeGreaterThan(0.01);
    expect(share('pending')).toBeLessThan(0.035);
    expect(share('not_recommended')).toBeGreaterThan(0.003);
    expect(share('not_recommended')).toBeLessThan(0.02);
  });

  it('rarely repeat a text verbatim', () => {
    const bodies = new Set(small.reviews.map((r) => r.review.body));
    expect(bodies.size / small.reviews.length).toBeGreaterThan(0.97);
  });

  it('follow up about half the outcome reviews, and relief that lasted stays while temporary relief returns', () => {
    const outcome = small.reviews.filter((r) => r.review.painBefore !== null);
    const followed = outcome.filter((r) => r.review.followUps.length > 0);
    expect(followed.length / outcome.length).toBeGreaterThan(0.4);
    expect(followed.length / outcome.length).toBeLessThan(0.55);
    for (const { review: r } of followed) {
      const weeks = r.followUps.map((f) => f.weeksAfter);
      expect(weeks).toEqual(FOLLOW_UP_WEEKS.slice(0, weeks.length));
      for (const f of r.followUps) {
        expect(f.painNow).toBeGreaterThanOrEqual(0);
        expect(f.painNow).toBeLessThanOrEqual(10);
        expect(f.answeredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(f.answeredAt.getTime()).toBeGreaterThanOrEqual(
          r.createdAt.getTime() + f.weeksAfter * 7 * 86_400_000,
        );
      }
      const before = r.painBefore ?? 0;
      if (r.scenario === 'lasting')
        for (const f of r.followUps) expect(before - f.painNow).toBeGreaterThanOrEqual(2);
      const last = r.followUps[r.followUps.length - 1];
      if ((r.scenario === 'temporary' || r.scenario === 'fading') && last && last.weeksAfter >= 6) {
        expect(before - last.painNow).toBeLessThanOrEqual(1);
      }
    }
  });

  it('shift with the therapist’s skill: skilled therapists get more lasting relief', () => {
    const subject = (skill: number): ReviewSubject => ({
      archetype: 'clinical',
      skill,
      firstName: 'Maya',
      pronoun: 'she',
      city: 'Denver',
      modalities: ['deep-tissue', 'trigger-point'],
      conditions: ['lower-back-pain', 'neck-pain', 'sciatica'],
      intents: ['therapeutic', 'maintenance'],
      pressureMin: 3,
      pressureMax: 5,
    });
    const lastingShare = (skill: number) => {
      let lasting = 0;
      for (let i = 0; i < 1500; i += 1) {
        const r = generateReview(new Random(3, 'skill', skill, i), subject(skill), {
          now: NOW,
          notBefore: new Date('2022-01-01'),
        });
        if (r.scenario === 'lasting' || r.scenario === 'gradual') lasting += 1;
      }
      return lasting / 1500;
    };
    expect(lastingShare(0.9)).toBeGreaterThan(lastingShare(0.2) + 0.2);
  });
});

describe('text helpers', () => {
  it('expand fills alternatives and slots, and refuses a missing slot', () => {
    const rng = new Random(1);
    const seen = new Set(
      Array.from({ length: 60 }, () => expand(rng, '[a|b|c] {x}[!|]', { x: 'y' })),
    );
    expect([...seen].every((s) => /^[abc] y!?$/.test(s))).toBe(true);
    expect(seen.size).toBeGreaterThan(3);
    expect(() => expand(rng, '{missing}', {})).toThrow(/missing/);
  });

  it('slugify and fitLength', () => {
    expect(slugify("José O'Brien Saint Louis")).toBe('jose-obrien-saint-louis');
    expect(slugify('Ji-woo  Kim, New York')).toBe('ji-woo-kim-new-york');
    const long = 'word '.repeat(100);
    expect(fitLength(long, 120).length).toBeLessThanOrEqual(120);
    expect(fitLength('short', 120)).toBe('short');
  });
});

describe('seeded moderation reasons', () => {
  it('are codes the review risk check and the moderators use', () => {
    for (const reason of PENDING_REASONS) expect(isRiskReason(reason)).toBe(true);
    const moderation = new Set<string>(MODERATION_REASON_OPTIONS.map((o) => o.value));
    for (const reason of NOT_RECOMMENDED_REASONS) expect(moderation.has(reason)).toBe(true);
  });
});
