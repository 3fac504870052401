/**
 * Words for the demo data: therapists' headlines and bios in their own voice, and reviews in
 * the voices of people who came in pain. Texts are composed from phrase pools with inline
 * alternatives (`[a|b]`) and slots (`{area}`), so thousands of reviews rarely repeat verbatim,
 * and every number or claim in a text comes from the structured fields it is given.
 */
import type { Intent, PressureAdjusted } from '../schema/enums';
import type { Random } from './random';

export const ARCHETYPE_KEYS = [
  'clinical',
  'relaxation',
  'sports',
  'asian-firm',
  'light-touch',
  'prenatal-lymphatic',
  'medical',
] as const;
export type ArchetypeKey = (typeof ARCHETYPE_KEYS)[number];

export const SCENARIOS = [
  'lasting',
  'gradual',
  'fading',
  'maintenance',
  'sports',
  'rehab',
  'referred',
  'temporary',
  'relaxation',
  'relaxation-for-pain',
  'no-change',
  'pressure-ignored',
  'worse',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type Pronoun = 'she' | 'he';

type Piece = { text: string } | { slot: string } | { choices: Piece[][] };

function compileRun(run: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of run.matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) pieces.push({ text: run.slice(last, match.index) });
    pieces.push({ slot: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < run.length) pieces.push({ text: run.slice(last) });
  return pieces;
}

function compile(template: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of template.matchAll(/\[([^[\]]*)\]/g)) {
    pieces.push(...compileRun(template.slice(last, match.index)));
    pieces.push({ choices: (match[1] ?? '').split('|').map(compileRun) });
    last = match.index + match[0].length;
  }
  pieces.push(...compileRun(template.slice(last)));
  return pieces;
}

const compiled = new Map<string, Piece[]>();

function render(
  rng: Random,
  pieces: readonly Piece[],
  vars: Readonly<Record<string, string>>,
  template: string,
): string {
  let out = '';
  for (const piece of pieces) {
    if ('text' in piece) out += piece.text;
    else if ('slot' in piece) {
      const value = vars[piece.slot];
      if (value === undefined)
        throw new Error(`Missing text slot {${piece.slot}} in "${template}"`);
      out += value;
    } else out += render(rng, rng.pick(piece.choices), vars, template);
  }
  return out;
}

/** Fills `[a|b|c]` with one alternative and `{slot}` with its value. */
export function expand(
  rng: Random,
  template: string,
  vars: Readonly<Record<string, string>>,
): string {
  let pieces = compiled.get(template);
  if (!pieces) {
    pieces = compile(template);
    compiled.set(template, pieces);
  }
  return render(rng, pieces, vars, template);
}

function capitalize(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Picks a template, fills it, and starts it with a capital letter. */
function say(
  rng: Random,
  templates: readonly string[],
  vars: Readonly<Record<string, string>>,
): string {
  return capitalize(expand(rng, rng.pick(templates), vars));
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "a 5", "an 8" */
function withArticle(n: number | null): string {
  if (n === null) return '';
  return `${n === 8 || n === 11 || n === 18 ? 'an' : 'a'} ${n}`;
}

function plural(n: number, word: string): string {
  return `${numberWord(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** "a, b and c" */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Cuts at a word boundary so the result fits in `max` characters. */
export function fitLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// How people talk about their conditions and about modalities
// ---------------------------------------------------------------------------------------------

export interface ConditionVoice {
  /** How a seeker names it ("a locked-up lower back"). */
  complaint: readonly string[];
  /** The body area, after "my" ("lower back"). */
  area: string;
  /** A short name for titles and quick mentions ("back pain"). */
  short: string;
  /** How a therapist lists it in a bio. */
  label: string;
  causes: readonly string[];
  /** Where a good therapist found the real cause. */
  found: readonly string[];
  homework: readonly string[];
  referTo: readonly string[];
  referWhy: readonly string[];
}

export const CONDITION_VOICES: Readonly<Record<string, ConditionVoice>> = {
  'lower-back-pain': {
    complaint: [
      'lower back pain',
      'a locked-up lower back',
      'a lower back that seized every few weeks',
      'a dull ache across my lower back',
      'lumbar pain',
      'a stiff lower back',
    ],
    area: 'lower back',
    short: 'lower back',
    label: 'lower back pain',
    causes: [
      'sitting at a desk all day',
      'moving apartments',
      'carrying my toddler everywhere',
      'deadlifting with sloppy form',
      'a long drive',
      'a weekend of gardening',
      'years of restaurant shifts',
      'a bad mattress',
    ],
    found: [
      'tight hip flexors',
      'glutes that were not doing their job',
      'one tight QL tilting my pelvis',
      'my hamstrings',
      'the way I stand on one leg',
    ],
    homework: [
      'glute bridges',
      'a hip flexor stretch',
      'cat-cow in the morning',
      'a 90/90 hip stretch',
      'walking breaks every hour',
    ],
    referTo: ['a physical therapist', 'my doctor', 'a chiropractor'],
    referWhy: [
      'the pain might be coming from a disc',
      'it looked like more than a tight muscle',
      'I needed a strengthening plan, not only massage',
    ],
  },
  'upper-back-pain': {
    complaint: [
      'pain between my shoulder blades',
      'a knot under my right shoulder blade',
      'a burning upper back',
      'upper back pain',
      'a knot by my left shoulder blade',
    ],
    area: 'upper back',
    short: 'upper back',
    label: 'upper back pain',
    causes: [
      'hunching over a laptop',
      'long shifts as a nurse',
      'a heavy backpack every day',
      'rows at the gym with bad form',
      'nursing my baby',
    ],
    found: [
      'tight pecs pulling my shoulders forward',
      'rhomboids that were overstretched rather than tight',
      'shallow chest breathing',
      'a laptop sitting far too low',
    ],
    homework: [
      'a doorway pec stretch',
      'band pull-aparts',
      'thoracic extensions over a foam roller',
      'shoulder blade squeezes',
    ],
    referTo: ['a physical therapist', 'my doctor'],
    referWhy: ['a rib might be involved', 'my posture needed a proper exercise plan'],
  },
  'neck-pain': {
    complaint: [
      'a stiff neck',
      'tech neck',
      'neck pain that kept me from checking my blind spot',
      'a crick in my neck that lasted weeks',
      'neck pain',
      'a sore neck',
    ],
    area: 'neck',
    short: 'neck',
    label: 'neck pain',
    causes: [
      'staring at two monitors',
      'a bad pillow',
      'a minor fender bender',
      'scrolling on my phone in bed',
      'leaning over patients all day',
    ],
    found: [
      'my upper traps and levator scapulae',
      'the muscles at the base of my skull',
      'tight scalenes',
      'tight chest muscles',
      'my head sitting too far forward',
    ],
    homework: [
      'chin tucks',
      'a levator stretch',
      'raising my monitor',
      'gentle neck rotations',
      'a rolled towel under my neck at night',
    ],
    referTo: ['my doctor', 'a physical therapist'],
    referWhy: ['the tingling in my fingers needed a proper look', 'it might be a nerve issue'],
  },
  'tight-shoulders': {
    complaint: [
      'shoulders up around my ears',
      'rock-hard shoulders',
      'tight traps',
      'shoulder tension',
      'shoulders that felt like concrete',
    ],
    area: 'shoulders',
    short: 'shoulder',
    label: 'tight shoulders',
    causes: [
      'stress at work',
      'a desk job',
      'swimming three times a week',
      'carrying my bag on one side',
      'clenching through deadlines',
    ],
    found: [
      'the way I breathe',
      'tight pecs',
      'a rotator cuff working overtime',
      'my jaw clenching',
    ],
    homework: [
      'shoulder rolls',
      'a doorway stretch',
      'a breathing exercise',
      'an upper trap stretch',
    ],
    referTo: ['a physical therapist', 'an orthopedist'],
    referWhy: ['a rotator cuff tear was possible', 'the clicking in my shoulder needed a look'],
  },
  sciatica: {
    complaint: [
      'sciatica',
      'pain shooting down my left leg',
      'pain down my right leg',
      'a pins-and-needles ache down the back of my leg',
      'sciatic pain',
    ],
    area: 'hip and leg',
    short: 'sciatic',
    label: 'sciatica',
    causes: [
      'a long flight',
      'sitting on my wallet for years',
      'a bad lift at work',
      'pregnancy',
      'long rides on the bike',
    ],
    found: [
      'a tight piriformis',
      'my deep glute muscles',
      'tight hip rotators',
      'lower back muscles guarding',
    ],
    homework: ['a figure-four stretch', 'nerve glides', 'a piriformis stretch', 'clamshells'],
    referTo: ['my doctor', 'a physical therapist', 'an orthopedist'],
    referWhy: [
      'a herniated disc was possible',
      'the numbness in my foot needed checking',
      'it might be a disc and not a muscle',
    ],
  },
  'tension-headache': {
    complaint: [
      'tension headaches',
      'headaches almost every afternoon',
      'a band of pressure around my head',
      'headaches that start at the base of my skull',
    ],
    area: 'head and neck',
    short: 'headache',
    label: 'tension headaches',
    causes: ['screen time', 'grinding my teeth', 'stress', 'a new job with a long commute'],
    found: [
      'the muscles at the base of my skull',
      'my jaw muscles',
      'tight upper traps',
      'trigger points in my neck',
    ],
    homework: [
      'a self-massage for the base of my skull',
      'chin tucks',
      'screen breaks',
      'a jaw release',
    ],
    referTo: ['my doctor', 'a neurologist', 'my dentist'],
    referWhy: [
      'headaches like mine should be checked by a doctor first',
      'the night grinding needed a dentist',
    ],
  },
  'muscle-spasms': {
    complaint: [
      'muscle spasms',
      'calf cramps at night',
      'a back spasm that put me on the floor',
      'spasms in my lower back',
      'cramping hamstrings',
    ],
    area: 'back and legs',
    short: 'muscle',
    label: 'muscle spasms and cramps',
    causes: [
      'long runs in the heat',
      'overdoing it at the gym',
      'sleeping in a weird position',
      'a new job on my feet',
    ],
    found: ['tight calves', 'lower back muscles guarding', 'overworked hamstrings'],
    homework: ['calf stretches', 'a gentle hamstring stretch', 'a heat pack before bed'],
    referTo: ['my doctor'],
    referWhy: ['cramps this often should be checked', 'the spasms kept coming back'],
  },
  'limited-range-of-motion': {
    complaint: [
      'a stiff shoulder I could not lift overhead',
      'stiff joints',
      'a hip that would not rotate',
      'a neck I could not turn fully',
      'stiffness every morning',
    ],
    area: 'shoulder',
    short: 'joint',
    label: 'stiff joints and limited range of motion',
    causes: ['a frozen shoulder', 'years of desk work', 'an old injury', 'getting older, honestly'],
    found: [
      'scar tissue from an old surgery',
      'tight fascia around the joint',
      'a shoulder blade that barely moved',
    ],
    homework: ['wall slides', 'daily mobility drills', 'a gentle stretching routine'],
    referTo: ['a physical therapist', 'an orthopedist'],
    referWhy: ['a frozen shoulder needs a PT', 'the joint itself needed a look'],
  },
  'sports-injury': {
    complaint: [
      'a pulled hamstring',
      'a strained calf',
      'a tweaked shoulder from volleyball',
      "runner's knee",
      'a groin strain',
    ],
    area: 'leg',
    short: 'injury',
    label: 'sports injuries',
    causes: [
      'marathon training',
      'pickup basketball',
      'soccer',
      'a climbing fall',
      'a new CrossFit routine',
    ],
    found: [
      'my IT band and quads',
      'a weak glute medius',
      'tight calves pulling on everything',
      'my hip flexors',
    ],
    homework: ['eccentric calf raises', 'foam rolling', 'a return-to-running plan', 'side planks'],
    referTo: ['a sports medicine doctor', 'a physical therapist'],
    referWhy: ['it could be a tear', 'the swelling was not going down'],
  },
  'desk-posture-pain': {
    complaint: [
      'desk-job neck and back pain',
      'posture pain from working at a laptop',
      'an aching neck and upper back from my desk',
      'computer posture pain',
    ],
    area: 'neck and upper back',
    short: 'posture',
    label: 'desk posture pain',
    causes: [
      'remote work at my kitchen table',
      'ten-hour days at a laptop',
      'a new job in software',
      'grad school',
    ],
    found: ['tight pecs and hip flexors', 'my forward head posture', 'my chair height'],
    homework: ['chin tucks', 'a doorway stretch', 'a desk setup check', 'hourly movement breaks'],
    referTo: ['a physical therapist'],
    referWhy: ['I needed an exercise plan for my posture'],
  },
  'chronic-pain': {
    complaint: [
      'chronic pain',
      'fibromyalgia flares',
      'pain that has been with me for years',
      'widespread aches',
    ],
    area: 'whole body',
    short: 'chronic',
    label: 'chronic pain',
    causes: [
      'fibromyalgia',
      'an old car accident',
      'years of pain nobody could explain',
      'a long illness',
    ],
    found: [
      'where I hold tension when I am anxious',
      'my sleep position',
      'muscles guarding around an old injury',
    ],
    homework: ['gentle daily movement', 'heat before bed', 'a breathing routine'],
    referTo: ['my doctor', 'a pain specialist'],
    referWhy: ['my pain team should know about the flare', 'a new symptom needed a doctor'],
  },
  'stress-tension': {
    complaint: [
      'stress',
      'tension everywhere',
      'anxiety that lives in my shoulders',
      'all-over tension',
    ],
    area: 'shoulders',
    short: 'tension',
    label: 'stress and tension',
    causes: [
      'a brutal year at work',
      'a new baby',
      'caring for my mom',
      'a move across the country',
    ],
    found: ['where I hold my breath', 'my clenched jaw'],
    homework: ['a breathing exercise', 'a five-minute stretch before bed'],
    referTo: ['my doctor'],
    referWhy: ['the sleeplessness was worth a doctor visit'],
  },
  'tired-legs': {
    complaint: [
      'tired, heavy legs',
      'sore legs',
      'legs that ache by the end of a shift',
      'swollen ankles',
    ],
    area: 'legs',
    short: 'leg',
    label: 'tired legs',
    causes: [
      'standing all day as a teacher',
      'twelve-hour nursing shifts',
      'pregnancy',
      'long flights',
    ],
    found: ['tight calves', 'fluid pooling from standing all day'],
    homework: ['putting my legs up the wall', 'calf raises', 'compression socks on long days'],
    referTo: ['my doctor'],
    referWhy: ['swelling like that should be checked'],
  },
  nausea: {
    complaint: ['nausea', 'morning sickness', 'motion sickness', 'queasiness with my migraines'],
    area: 'stomach',
    short: 'stomach',
    label: 'nausea',
    causes: ['pregnancy', 'work travel', 'migraines'],
    found: ['tension in my upper back and neck'],
    homework: ['pressing the point on my inner wrist', 'a wrist point to press when it starts'],
    referTo: ['my doctor', 'my OB'],
    referWhy: ['nausea that lasts should be seen by a doctor'],
  },
  'plantar-fasciitis': {
    complaint: [
      'plantar fasciitis',
      'heel pain every morning',
      'arch pain',
      'a stabbing pain in my heel',
    ],
    area: 'feet',
    short: 'heel',
    label: 'plantar fasciitis',
    causes: ['running on pavement', 'standing all day in retail', 'new shoes', 'a jump in mileage'],
    found: ['tight calves', 'a stiff Achilles', 'the way I land'],
    homework: [
      'rolling my foot on a frozen water bottle',
      'calf stretches against the wall',
      'towel scrunches',
    ],
    referTo: ['a podiatrist'],
    referWhy: ['I might need insoles'],
  },
  'hip-pain': {
    complaint: [
      'hip pain',
      'tight hips',
      'a pinch in the front of my hip',
      'a hip that ached at night',
    ],
    area: 'hip',
    short: 'hip',
    label: 'hip pain',
    causes: ['running', 'sitting all day', 'overstretching in yoga', 'pregnancy'],
    found: ['my lower back', 'tight hip flexors', 'my IT band', 'a weak glute medius'],
    homework: ['hip flexor stretches', 'clamshells', 'glute bridges'],
    referTo: ['an orthopedist', 'a physical therapist'],
    referWhy: ['a labral tear was possible', 'the joint itself needed imaging'],
  },
  'jaw-pain': {
    complaint: ['jaw pain', 'TMJ', 'a clicking jaw', 'jaw clenching that gave me earaches'],
    area: 'jaw',
    short: 'jaw',
    label: 'jaw pain (TMJ)',
    causes: [
      'grinding my teeth at night',
      'stress',
      'orthodontic work',
      'clenching at the computer',
    ],
    found: ['my neck and shoulders', 'the muscles inside my cheek', 'my posture'],
    homework: [
      'a jaw release',
      'resting my tongue on the roof of my mouth',
      'a nightly self-massage',
    ],
    referTo: ['my dentist'],
    referWhy: ['a night guard could help'],
  },
};

const GENERAL_VOICE: ConditionVoice = {
  complaint: ['general tension', 'the usual aches', 'a tight body'],
  area: 'shoulders',
  short: 'tension',
  label: 'general tension',
  causes: ['a long week', 'work', 'travel'],
  found: ['where I hold my stress'],
  homework: ['a stretch before bed'],
  referTo: ['my doctor'],
  referWhy: ['it was worth a check-up'],
};

export function conditionVoice(slug: string | null): ConditionVoice {
  return (slug ? CONDITION_VOICES[slug] : undefined) ?? GENERAL_VOICE;
}

/** How people name a modality in a sentence. */
export const MODALITY_VOICES: Readonly<Record<string, readonly string[]>> = {
  swedish: ['long, slow Swedish strokes', 'a classic Swedish massage', 'relaxing Swedish work'],
  'deep-tissue': ['deep tissue work', 'slow deep tissue', 'real deep tissue'],
  'sports-massage': ['sports massage', 'fast, purposeful sports massage'],
  'trigger-point': [
    'trigger point work on the knots',
    'trigger point therapy',
    'sustained pressure on the knots',
  ],
  'myofascial-release': ['slow myofascial release', 'myofascial work'],
  neuromuscular: ['neuromuscular therapy', 'careful neuromuscular work'],
  'medical-massage': ['clinical massage', 'medical massage'],
  prenatal: ['side-lying prenatal massage', 'prenatal massage with lots of pillows'],
  'lymphatic-drainage': ['gentle lymphatic drainage', 'very light lymphatic work'],
  'hot-stone': ['hot stones', 'warm stones along my back'],
  'thai-massage': ['Thai stretches on the mat', 'Thai massage'],
  'chair-massage': ['a quick chair massage', 'seated work'],
  'acupressure-firm': ['firm acupressure on points', 'acupressure', 'strong pressure on points'],
  'acupressure-light-touch': [
    'light Jin Shin Jyutsu holds',
    'light-touch acupressure',
    'gentle holds on points',
  ],
  shiatsu: ['shiatsu on the mat', 'shiatsu'],
  'tui-na': ['tui na', 'vigorous tui na'],
  reflexology: ['reflexology on my feet', 'foot reflexology'],
  craniosacral: ['very gentle craniosacral holds', 'craniosacral therapy'],
  'assisted-stretching': ['assisted stretching', 'partner stretching'],
  acupuncture: ['acupuncture', 'a few needles'],
  chiropractic: ['adjustments'],
  'physical-therapy': ['rehab exercises'],
};

/** How therapists name a modality in a headline or bio. */
export const MODALITY_NAMES: Readonly<Record<string, string>> = {
  swedish: 'Swedish massage',
  'deep-tissue': 'deep tissue massage',
  'sports-massage': 'sports massage',
  'trigger-point': 'trigger point therapy',
  'myofascial-release': 'myofascial release',
  neuromuscular: 'neuromuscular therapy',
  'medical-massage': 'medical massage',
  prenatal: 'prenatal massage',
  'lymphatic-drainage': 'lymphatic drainage',
  'hot-stone': 'hot stone massage',
  'thai-massage': 'Thai massage',
  'chair-massage': 'chair massage',
  'acupressure-firm': 'acupressure',
  'acupressure-light-touch': 'Jin Shin Jyutsu',
  shiatsu: 'shiatsu',
  'tui-na': 'tui na',
  reflexology: 'reflexology',
  craniosacral: 'craniosacral therapy',
  'assisted-stretching': 'assisted stretching',
  acupuncture: 'acupuncture',
  chiropractic: 'chiropractic',
  'physical-therapy': 'physical therapy',
};

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Spanish',
  zh: 'Mandarin',
  ko: 'Korean',
  vi: 'Vietnamese',
  ru: 'Russian',
  fr: 'French',
};

// ---------------------------------------------------------------------------------------------
// Therapists: headline and bio, in their own voice
// ---------------------------------------------------------------------------------------------

export interface TherapistTextInput {
  archetype: ArchetypeKey;
  firstName: string;
  city: string;
  modalities: readonly string[];
  conditions: readonly string[];
  languages: readonly string[];
  mobileService: boolean;
  yearsInPractice: number;
  /** 0..1; better therapists describe assessment, home care and referrals. */
  skill: number;
  credentials: string;
}

interface ArchetypeWords {
  clients: readonly string[];
  headlines: readonly string[];
  intro: readonly string[];
  approach: readonly string[];
  limits: readonly string[];
  referral: readonly string[];
  homeCare: readonly string[];
}

const ARCHETYPE_WORDS: Readonly<Record<ArchetypeKey, ArchetypeWords>> = {
  clinical: {
    clients: [
      'desk workers',
      'people who lift',
      'parents carrying small kids',
      'nurses and teachers',
      'commuters',
      'software engineers',
    ],
    headlines: [
      '{Mod1} and {mod2} for {cond1} and {cond2}',
      'Assessment-first {mod1} for people in pain',
      'Clinical massage for {clients}: {cond1}, {cond2}',
      'Finding the cause of your {cond1}',
      '{Mod1} that treats the cause, not only the sore spot',
    ],
    intro: [
      "I'm a licensed massage therapist with {years} years of clinical practice in {city}.",
      "I've worked as a massage therapist for {years} years, most of them alongside physical therapists.",
      'I have been treating pain with hands-on work for {years} years.',
    ],
    approach: [
      'Every first visit starts with a short assessment: where it hurts, what makes it worse, and how you move.',
      'Pain in one spot often comes from somewhere else, so I look at your posture and movement before I touch the sore area.',
      'I use {mod1} and {mod2}, and I check in about pressure throughout; firm does not have to mean painful.',
    ],
    limits: [
      "I don't offer relaxation-only sessions; if that's what you are after, I'm happy to recommend colleagues.",
      'My sessions are treatment, not spa time: expect questions, some homework and a plan.',
    ],
    referral: [
      'If your pain comes with numbness, weakness, fever or follows a fall, please see your doctor first.',
      'When something is outside my scope I say so and refer you to a physical therapist, chiropractor or physician I trust.',
    ],
    homeCare: [
      "You'll leave with one or two simple exercises, not a binder.",
      'Most people need three to five sessions; I tell you honestly if we are not getting anywhere.',
    ],
  },
  relaxation: {
    clients: [
      'busy parents',
      'anyone who needs an hour off',
      'travellers',
      'people running on empty',
    ],
    headlines: [
      'Unhurried {mod1} and {mod2}',
      'Relaxing {mod1} in a quiet studio',
      'Stress relief with {mod1}',
      'An hour of calm: {mod1} and {mod2}',
    ],
    intro: [
      "I'm a licensed massage therapist and I've spent {years} years helping people slow down.",
      'I have practised relaxation massage in {city} for {years} years.',
      'After {years} years in spas and my own studio, I still love this work.',
    ],
    approach: [
      'Sessions are slow and unhurried: a warm table, a quiet room and long, flowing strokes.',
      'I work with light to medium pressure and adjust whenever you ask.',
      'Expect {mod1}, soft music and nobody rushing you out the door.',
    ],
    limits: [
      "I don't do deep tissue or injury work; if you are in real pain, a clinical or medical massage therapist will serve you better and I'm glad to suggest one.",
      'My work is about relaxation, not treating injuries.',
    ],
    referral: [
      'If you are pregnant, recovering from surgery or have a medical condition, please check with your doctor before booking.',
      'If something hurts, tell me and I will stop; pain is never part of a relaxation session.',
    ],
    homeCare: ['Drink some water afterwards and give yourself a quiet evening if you can.'],
  },
  sports: {
    clients: [
      'runners',
      'cyclists',
      'climbers',
      'weekend soccer players',
      'CrossFit athletes',
      'dancers',
      'triathletes',
    ],
    headlines: [
      'Sports massage and stretching for {clients}',
      'Recovery work for {clients}',
      '{Mod1} for training, racing and recovery',
      'Keeping {clients} training: {mod1} and {mod2}',
    ],
    intro: [
      "I'm a licensed massage therapist working with {clients} and {clients2} for {years} years.",
      'I spent {years} years around races and locker rooms before opening my practice in {city}.',
      'A former competitive athlete, I have been a sports massage therapist for {years} years.',
    ],
    approach: [
      'I tailor each session to where you are in your training: lighter before an event, deeper in recovery weeks.',
      'Sessions combine {mod1} with {mod2} to restore range of motion, not just to loosen you up.',
      'We talk about your training load first; most overuse pain makes sense once we look at the week.',
    ],
    limits: [
      'I am not a substitute for a sports medicine doctor: acute injuries with swelling or instability need a diagnosis first.',
      "I don't do spa-style relaxation sessions.",
    ],
    referral: [
      'I work closely with physical therapists and refer when an injury needs rehab beyond massage.',
      'If it might be a tear or a stress fracture, I will send you to a doctor before we do anything.',
    ],
    homeCare: [
      'You will leave with mobility work that fits into your warm-up.',
      'I will give you a realistic number of sessions before race day.',
    ],
  },
  'asian-firm': {
    clients: [
      'office workers',
      'people with stubborn neck and shoulder pain',
      'restaurant workers',
      'students',
    ],
    headlines: [
      'Firm {mod1} and {mod2} for {cond1}',
      'Traditional {mod1} with firm pressure',
      '{Mod1} and {mod2} for {cond1} and {cond2}',
    ],
    intro: [
      'I trained in {mod1} and {mod2} and have practised for {years} years.',
      'I have {years} years of experience in {mod1}, most of them in {city}.',
      'My family practised {mod1}; I have been licensed for {years} years.',
    ],
    approach: [
      'I use firm pressure on points and along the muscles to ease pain, clothed, on a mat or table.',
      'Sessions are strong and focused: expect firm pressing and kneading where it is tight.',
      'I ask what hurts and what makes it worse, then work the points and channels that relate to it.',
    ],
    limits: [
      'My work is firm. If you prefer light touch, I can recommend a gentle practitioner.',
      'Acupressure is not acupuncture: I do not use needles unless you book an acupuncture visit.',
    ],
    referral: [
      'If pain is sharp, constant or comes with numbness, see a doctor first.',
      'I refer to physicians and physical therapists when pressure work is not the right tool.',
    ],
    homeCare: ['I show you one or two points to press at home between visits.'],
  },
  'light-touch': {
    clients: [
      'people who find massage too intense',
      'anxious sleepers',
      'people with long-term pain',
      'new parents',
    ],
    headlines: [
      'Gentle {mod1} and {mod2}',
      'Light-touch bodywork for stress and {cond1}',
      '{Mod1}: quiet, gentle, clothed sessions',
    ],
    intro: [
      'I have practised {mod1} for {years} years.',
      'I came to {mod1} after years of firm massage that never helped me; I have practised it for {years} years.',
      "I'm a licensed massage therapist specialising in light-touch work for {years} years.",
    ],
    approach: [
      'Sessions are very gentle: I hold points or rest my hands lightly while your body settles.',
      'You stay clothed; the pressure is about the weight of a nickel.',
      'This is slow, quiet work meant to help your nervous system calm down.',
    ],
    limits: [
      'I do not do deep tissue or fix injuries. If you want firm work, I am the wrong person.',
      'Light-touch work is not a replacement for medical care.',
    ],
    referral: [
      'If you have new or severe symptoms, please see your doctor first.',
      'I am happy to work alongside your doctor or physical therapist.',
    ],
    homeCare: ['I can teach you simple self-holds to use at home.'],
  },
  'prenatal-lymphatic': {
    clients: [
      'expecting parents',
      'people recovering from surgery',
      'new mothers',
      'people with swelling after surgery',
    ],
    headlines: [
      'Prenatal massage and lymphatic drainage',
      'Gentle {mod1} for pregnancy and recovery',
      '{Mod1} and {mod2}, gentle and unhurried',
      'Post-surgical lymphatic drainage and prenatal care',
    ],
    intro: [
      "I'm a licensed massage therapist with {years} years of prenatal and post-surgical work.",
      'I have worked with {clients} for {years} years.',
      'For {years} years I have focused on pregnancy and recovery after surgery.',
    ],
    approach: [
      'Sessions are gentle and positioned for comfort, side-lying with plenty of pillows.',
      'Lymphatic work is very light and rhythmic; it should never hurt.',
      'I adjust each session to your trimester or your stage of recovery.',
    ],
    limits: [
      'I do not do deep tissue.',
      'I only start post-surgical work once your surgeon has cleared you.',
    ],
    referral: [
      'I coordinate with your OB, midwife or surgeon, and I will ask you to call them if anything seems off.',
      'High-risk pregnancies need your provider’s approval first.',
    ],
    homeCare: ['I show you simple self-drainage strokes and positions for sleep.'],
  },
  medical: {
    clients: [
      'people referred by their doctor or physical therapist',
      'people after car accidents',
      'people with chronic pain',
      'people after surgery',
    ],
    headlines: [
      'Medical massage alongside your physical therapy',
      'Clinical {mod1} for {cond1}, referrals welcome',
      'Outcome-focused {mod1} for {cond1} and {cond2}',
      'Medical massage for {clients}',
    ],
    intro: [
      "I'm a licensed massage therapist working in medical massage for {years} years.",
      'I have spent {years} years in clinics alongside physicians and physical therapists.',
      'I practise medical massage in {city} and have for {years} years.',
    ],
    approach: [
      'I take a full history, check your range of motion and agree goals before we begin.',
      'Treatment plans are written with your doctor or physical therapist and reviewed every few sessions.',
      'I use {mod1} and {mod2} with pressure matched to where you are in your recovery.',
    ],
    limits: [
      'I do not offer spa or relaxation sessions.',
      'I do not diagnose; I work from your provider’s diagnosis or refer you to get one.',
    ],
    referral: [
      'I refer to physicians, physical therapists and chiropractors whenever something is outside massage.',
      'Red flags (numbness, weakness, pain at night, pain after a fall) go to a doctor first.',
    ],
    homeCare: [
      'Every plan includes home exercises and an honest estimate of how many sessions you will need.',
      'I measure progress each visit so we both know if it is working.',
    ],
  },
};

const MODS_UPPER = (slug: string | undefined): string =>
  capitalize(MODALITY_NAMES[slug ?? ''] ?? 'massage');

function therapistVars(rng: Random, input: TherapistTextInput): Record<string, string> {
  const words = ARCHETYPE_WORDS[input.archetype];
  const own = input.modalities.filter((m) => MODALITY_NAMES[m] !== undefined);
  const [m1, m2] = rng.sample(own, 2);
  const [c1, c2] = rng.sample(input.conditions, 2);
  const [clients, clients2] = rng.sample(words.clients, 2);
  return {
    mod1: MODALITY_NAMES[m1 ?? ''] ?? 'massage',
    mod2: MODALITY_NAMES[m2 ?? ''] ?? 'stretching',
    Mod1: MODS_UPPER(m1),
    cond1: conditionVoice(c1 ?? null).label,
    cond2: conditionVoice(c2 ?? c1 ?? null).label,
    clients: clients ?? 'people in pain',
    clients2: clients2 ?? clients ?? 'people in pain',
    years: String(input.yearsInPractice),
    city: input.city,
    name: input.firstName,
  };
}

export function therapistHeadline(rng: Random, input: TherapistTextInput): string {
  const vars = therapistVars(rng, input);
  return fitLength(say(rng, ARCHETYPE_WORDS[input.archetype].headlines, vars), 120);
}

export function therapistBio(rng: Random, input: TherapistTextInput): string {
  const words = ARCHETYPE_WORDS[input.archetype];
  const vars = therapistVars(rng, input);
  const parts: string[] = [say(rng, words.intro, vars)];
  const conditionLabels = rng
    .sample(input.conditions, Math.min(4, input.conditions.length))
    .map((c) => conditionVoice(c).label);
  parts.push(
    capitalize(
      expand(
        rng,
        rng.pick([
          '[Most of my clients are|I mostly see|I work mainly with] {clients} dealing with {list}.',
          'I help {clients} with {list}.',
        ]),
        {
          ...vars,
          list: listing(conditionLabels),
        },
      ),
    ),
  );
  parts.push(
    ...rng
      .sample(words.approach, input.skill > 0.6 ? 2 : 1)
      .map((t) => capitalize(expand(rng, t, vars))),
  );
  parts.push(say(rng, words.limits, vars));
  if (input.skill > 0.35 || rng.chance(0.5)) parts.push(say(rng, words.referral, vars));
  if (input.skill > 0.55) parts.push(say(rng, words.homeCare, vars));
  const extra = input.languages.filter((l) => l !== 'en').map((l) => LANGUAGE_NAMES[l] ?? l);
  if (extra.length > 0) {
    parts.push(
      expand(
        rng,
        rng.pick([
          'I also work in {langs}.',
          'Sessions are available in English and {langs}.',
          'I speak {langs} as well as English.',
        ]),
        {
          langs: listing(extra),
        },
      ),
    );
  }
  if (input.mobileService) {
    parts.push(
      expand(
        rng,
        rng.pick([
          'I also come to you: home visits around {city} with my own table.',
          'Mobile sessions are available in {city}; I bring everything.',
          'I travel to homes and offices in {city}.',
        ]),
        vars,
      ),
    );
  }
  if (input.credentials.includes('NCBTMB') && rng.chance(0.5)) {
    parts.push(
      'I am board certified by the NCBTMB and keep up my continuing education every year.',
    );
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Reviews: seekers' voices
// ---------------------------------------------------------------------------------------------

export interface ReviewTextInput {
  scenario: Scenario;
  intent: Intent;
  archetype: ArchetypeKey;
  therapistFirstName: string;
  /** Null when reviewers are better off using the name. */
  pronoun: Pronoun | null;
  city: string;
  modalities: readonly string[];
  condition: string | null;
  painBefore: number | null;
  painNow: number | null;
  sessions: number;
  pressureWanted: number | null;
  pressureReceived: number | null;
  pressureAdjusted: PressureAdjusted | null;
  /** The therapist's usual pressure, where they would start. */
  pressureStart: number;
  assessedBefore: boolean | null;
  explainedCause: boolean | null;
  gaveHomeCare: boolean | null;
  setExpectations: boolean | null;
  referredOut: boolean | null;
  rating: number;
}

const ROLES: Readonly<Record<ArchetypeKey, readonly string[]>> = {
  clinical: ['massage therapist', 'LMT', 'therapist'],
  relaxation: ['massage therapist', 'masseuse', 'therapist'],
  sports: ['sports massage therapist', 'massage therapist', 'therapist'],
  'asian-firm': ['practitioner', 'therapist', 'bodyworker'],
  'light-touch': ['practitioner', 'bodyworker', 'therapist'],
  'prenatal-lymphatic': ['massage therapist', 'therapist'],
  medical: ['massage therapist', 'LMT', 'clinical massage therapist'],
};

const DURATIONS = [
  'three weeks',
  'a month',
  'two months',
  'six months',
  'almost a year',
  'over a year',
  'years',
  'a few weeks',
];
const LONG_DURATIONS = ['six months', 'over a year', 'two years', 'years', 'almost three years'];
const FREQUENCIES = ['every two weeks', 'once a month', 'every three weeks', 'every month or so'];
const EVENTS = [
  'the {city} marathon',
  'a half marathon',
  'my first triathlon',
  'ski season',
  'a climbing trip',
  'soccer season',
  'a century ride',
  'a dance showcase',
];
const REFERRALS = [
  'a friend',
  'a coworker',
  'my sister',
  'a neighbor',
  'my physical therapist',
  'my running club',
  'my doctor',
  'a search for {short} help',
];

function reviewVars(rng: Random, input: ReviewTextInput): Record<string, string> {
  const voice = conditionVoice(input.condition);
  const name = input.therapistFirstName;
  const pronoun = input.pronoun;
  const modalityVoices = input.modalities
    .map((m) => MODALITY_VOICES[m])
    .filter((v): v is readonly string[] => v !== undefined);
  const [mv1, mv2] = rng.sample(modalityVoices, 2);
  const vars: Record<string, string> = {
    name,
    Pronoun: pronoun === 'she' ? 'She' : pronoun === 'he' ? 'He' : name,
    pronoun: pronoun ?? name,
    obj: pronoun === 'she' ? 'her' : pronoun === 'he' ? 'him' : name,
    poss: pronoun === 'she' ? 'her' : pronoun === 'he' ? 'his' : `${name}'s`,
    complaint: rng.pick(voice.complaint),
    area: voice.area,
    short: voice.short,
    cause: rng.pick(voice.causes),
    found: rng.pick(voice.found),
    homework: rng.pick(voice.homework),
    homework2: rng.pick(voice.homework),
    referTo: rng.pick(voice.referTo),
    referWhy: rng.pick(voice.referWhy),
    before: String(input.painBefore ?? ''),
    now: String(input.painNow ?? ''),
    aBefore: withArticle(input.painBefore),
    aNow: withArticle(input.painNow),
    sessions: plural(input.sessions, 'session'),
    Sessions: capitalize(plural(input.sessions, 'session')),
    visits: plural(input.sessions, 'visit'),
    role: rng.pick(ROLES[input.archetype]),
    city: input.city,
    duration: rng.pick(DURATIONS),
    longDuration: rng.pick(LONG_DURATIONS),
    freq: rng.pick(FREQUENCIES),
    modality: mv1 ? rng.pick(mv1) : 'massage',
    modality2: mv2 ? rng.pick(mv2) : 'stretching',
  };
  vars.event = expand(rng, rng.pick(EVENTS), vars);
  vars.source = expand(rng, rng.pick(REFERRALS), vars);
  return vars;
}

const OPENINGS: Readonly<
  Record<
    'pain' | 'relaxation' | 'maintenance' | 'sports' | 'rehab' | 'prenatal' | 'afterSurgery',
    readonly string[]
  >
> = {
  pain: [
    'I came to {name} with {complaint} after {cause}.',
    "I'd had {complaint} for {duration}, mostly from {cause}.",
    '[Found|Booked] {name} through {source} after {duration} of {complaint}.',
    'Desk job, two kids, and {complaint} that had been going on for {duration}.',
    'After {duration} of {complaint} I was ready to try anything.',
    'I [went in|showed up] with {complaint}[ that had been building for {duration}|, thanks to {cause}].',
    '{complaint} had been [wrecking|ruining] my sleep for {duration}[ after {cause}|].',
    'My doctor said to try massage for {complaint}, so I booked {name}[ on a friend’s recommendation|].',
  ],
  relaxation: [
    'Booked a [90-minute|60-minute|75-minute] massage [as a birthday treat|after a brutal quarter at work|before a big move|to unwind after a long trip].',
    'I [needed|wanted] an hour of [quiet|calm|nobody needing anything from me].',
    '[A gift card from my partner|A free afternoon|A long week] sent me to {name}.',
    'I was looking for pure relaxation, nothing therapeutic.',
  ],
  maintenance: [
    "I've been seeing {name} {freq} for {longDuration}, mainly for {complaint}.",
    'Regular client here: {freq} for {longDuration}.',
    '{name} has kept my {area} in check for {longDuration} now.',
  ],
  sports: [
    'I was training for {event} and my {area} was not happy.',
    '[Found|Booked] {name} during a heavy block of training for {event}.',
    'Came in with {complaint} three weeks before {event}.',
    '{complaint} from {cause} was threatening my plans for {event}.',
  ],
  rehab: [
    'I started seeing {name} [after knee surgery|after a car accident|after shoulder surgery|while doing PT for a disc problem] on my [surgeon’s|physical therapist’s|doctor’s] recommendation.',
    'My physical therapist suggested adding massage for {complaint} during my recovery.',
    'I was [six weeks|two months|three months] out from surgery with {complaint} when I booked {name}.',
  ],
  prenatal: [
    'At [28|30|32|34|36] weeks pregnant, my {area} was a mess.',
    'Second pregnancy, and this time {complaint} showed up early.',
    'I booked {name} in my third trimester for {complaint}[ and I’m so glad I did|].',
  ],
  afterSurgery: [
    'I booked {name} [for swelling after surgery|six weeks after my surgery|on my surgeon’s advice] and I’m so glad I did.',
    'After [a knee replacement|abdominal surgery|a breast surgery|a bad ankle sprain], {complaint} and swelling had me stuck.',
    'My surgeon cleared me for lymphatic work, so I booked {name}.',
  ],
};

const ASSESSED_YES = [
  '{Pronoun} spent the first [ten|fifteen|twenty] minutes [asking questions|watching me walk|checking how far I could turn my head|testing my range of motion] before [starting|I even got on the table].',
  'Thorough intake: {pronoun} asked about my work, sleep and [training|posture|stress] and had me move a few ways first.',
  '{name} actually assessed me first, [which no one had done before|something I had not had from a massage therapist before|and it showed].',
  '[Before touching anything|First], {pronoun} [checked my posture|had me bend and twist|pressed around to find what was actually tight].',
];
const ASSESSED_NO = [
  'No questions, straight onto the table.',
  'There was no intake to speak of.',
  '{Pronoun} never asked what was wrong[, just started|].',
];
const CAUSE = [
  '{Pronoun} found the cause in {found}[ — nobody had ever looked there before|, which made a lot of sense|].',
  '{name} explained that my {short} pain was coming from {found}.',
  'Turns out the problem was {found}, not the spot that hurt.',
  '{Pronoun} [explained|showed me] how {found} [fed into|was behind] the {short} pain.',
];
const TECHNIQUE = [
  '{Pronoun} used {modality}[ and {modality2}| with some {modality2}|].',
  'Mostly {modality}, [plus|with a bit of] {modality2}.',
  'The session was {modality}[, focused and unhurried|, very focused|].',
];
const PRESSURE_ASK_MORE = [
  'I asked for more pressure and {pronoun} went deeper right away.',
  'I like it firm and {pronoun} adjusted [without any fuss|immediately].',
];
const PRESSURE_ASK_LESS = [
  'When I asked for lighter pressure {pronoun} eased off [straight away|without making it awkward].',
  '{Pronoun} [checked in|asked] about pressure and went lighter when I asked.',
];
const PRESSURE_IGNORED_MORE = [
  'I asked [twice|more than once|three times] for firmer pressure and it stayed [feather-light|far too gentle].',
  'I wanted firmer work and [said so|asked], but nothing changed.',
];
const PRESSURE_IGNORED_LESS = [
  'I asked [twice|more than once|three times] for lighter pressure and {pronoun} kept going [just as hard|the same way].',
  'I said it hurt and asked [for less|to ease off], and [nothing changed|{pronoun} told me to breathe through it].',
];
const PRESSURE_RIGHT = [
  'Pressure was [just right|exactly what I needed|spot on].',
  'The pressure was [perfect|right for me].',
];

const OUTCOMES: Readonly<Record<Scenario, readonly string[]>> = {
  lasting: [
    '{Sessions} [and|later] my {area} has been [fine|quiet|pain-free] for [two months|six weeks|months now].',
    '{Pronoun} got rid of my pain. [Honestly|Truly] gone, not just dulled.',
    'My pain went from {aBefore} to {aNow} and it has stayed there.',
    'I walked in at {aBefore} out of 10 and I’m at {aNow} [weeks|a month|two months] later.',
    'After {sessions} the {short} pain is gone and it has not come back.',
    'It’s been [weeks|over a month|a couple of months] and the {short} pain hasn’t come back.',
  ],
  gradual: [
    'It took {sessions}, but my pain is down from {aBefore} to {aNow}.',
    'Each visit moved things a little; by the end I could [sleep through the night|sit through a meeting|drive without wincing].',
    'Not a miracle, steady progress: {before} to {now} over {sessions}.',
    'The first session helped a bit, the third one was the turning point. Now I’m at {aNow}, down from {aBefore}.',
  ],
  maintenance: [
    'Going {freq} keeps my {area} [manageable|at {aNow} or so|quiet].',
    'When I skip a month, I feel it. With regular visits my pain sits around {aNow} instead of {aBefore}.',
    'Regular sessions keep the {short} pain at {aNow}; before I started it was {aBefore}.',
  ],
  sports: [
    '[Legs|Everything] felt fresh for [race day|the next long run|the weekend], and [I finished strong|I recovered in half the time|nothing tightened up].',
    'Came in at {aBefore}, left at {aNow}, and trained [the next day|that weekend] without trouble.',
    'My {short} went from {aBefore} to {aNow} and I didn’t miss a week of training.',
  ],
  rehab: [
    'Alongside my PT, [these sessions|{poss} work] made a real difference: pain from {aBefore} to {aNow}.',
    'Over {sessions} the pain went from {before} to {now} and I have my range of motion back.',
    'My [surgeon|PT] was pleased at my last check-up; I’m at {aNow} now, down from {aBefore}.',
  ],
  referred: [
    'Between {poss} work and the [treatment|plan] from {referTo}, I’m down from {aBefore} to {aNow}.',
    'I’m at {aNow} now, from {aBefore}, and I got the right care because {pronoun} sent me on.',
  ],
  fading: [
    'A week after {sessions} I’m at {aNow}, down from {aBefore}. [Fingers crossed it holds.|We’ll see if it lasts.|Best I’ve felt in months.]',
    'Huge relief so far: from {aBefore} to {aNow}.',
    'I felt [looser|lighter|like a new person] for days afterwards; pain went from {aBefore} to {aNow}.',
  ],
  temporary: [
    'Felt amazing on the table, but by [evening|the next morning|the time I got home] the knot was back.',
    '[Relief lasted|It lasted] [about a day|a few hours|until the next morning], then the {short} pain crept back to {aNow}.',
    'Great while it lasted. It did not last: I’m back at {aNow}.',
    '{Sessions}, same story each time: loose for a day, then right back to where I started.',
  ],
  relaxation: [
    'I left [floating|ten pounds lighter|half asleep] and slept [better than I had in weeks|like a baby].',
    'Exactly the reset I needed.',
    'The room was [quiet|warm|calm], the table was heated, and {pronoun} never rushed.',
    'I [almost fell asleep|drifted off twice] — in the best way.',
  ],
  'relaxation-for-pain': [
    'It was a lovely, relaxing massage, but I had come in with {complaint} and it didn’t touch it.',
    'Pleasant, but I walked in at {aBefore} and left at {aNow}.',
    'My fault for booking relaxation, probably, but {pronoun} never suggested anything else for my {short} pain.',
  ],
  'no-change': [
    'After {sessions}, nothing has really changed: still around {aNow}.',
    '{Pronoun} was [nice|pleasant|professional], but the {short} pain is the same.',
    'I gave it {visits}; I started at {aBefore} and I’m still at {aNow}.',
  ],
  'pressure-ignored': [
    'I was sore for [two days|days] and my {short} pain [is {aNow} now|went to {aNow}].',
    'I left tense and bruised. Pain at {aNow}.',
  ],
  worse: [
    'My {short} pain was worse [the next day|for a week] — {aNow} instead of {aBefore}.',
    'I was bruised for days and the {short} pain went up to {aNow}.',
    'I left in more pain than I came in with: {before} before, {now} after.',
  ],
};

const HOME_CARE_YES = [
  '{Pronoun} gave me [two|three|a couple of] [stretches|exercises] for home, {homework}[ and {homework2}|] — [I actually do them|annoyingly they work|they help].',
  'I went home with {homework} to do [daily|every morning|at my desk].',
  'The homework ({homework}) made a difference between visits.',
];
const HOME_CARE_NO = [
  'No stretches, no advice, just “see you next week.”',
  'Nothing to do at home, no advice at all.',
];
const EXPECTATIONS_YES = [
  '{Pronoun} told me up front to expect [three or four|a few|four to six] sessions.',
  'I liked that {pronoun} was honest about how many sessions it would take.',
];
const EXPECTATIONS_MET = [
  '{Pronoun} told me up front to expect [three or four|a few|four to six] sessions, and that is about what it took.',
];
const REFERRAL_YES = [
  '{Pronoun} [suspected|thought] {referWhy} and sent me to {referTo} — [turned out to be right|good call|I’m glad].',
  '{name} was honest that {referWhy}, and referred me to {referTo}.',
  'When it didn’t feel like a muscle thing, {pronoun} sent me to {referTo}. [Respect.|That’s the kind of honesty I want.|Good instinct.]',
];
const EXTRAS = [
  'Easy online booking and [they|{pronoun}] ran on time.',
  'The studio is [small|tiny] but [spotless|calm|comfortable].',
  'Parking [nearby is a pain|is easy], [plan ahead|for once].',
  '[Fair prices|Prices are reasonable] for {city}.',
  '{Pronoun} [ran ten minutes late but gave me the full hour|was on time to the minute].',
];

const CLOSINGS: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly string[]>> = {
  5: [
    'Highly recommend.',
    'Can’t recommend {obj} enough.',
    'If you have {complaint}, go see {name}.',
    'Best {role} I’ve found in {city}.',
    '[Already|I’ve] booked my next visit.',
    'Worth every penny.',
  ],
  4: [
    'Would recommend.',
    'Good experience overall; I’ll be back.',
    'Solid {role}[, recommended|].',
    'Not perfect, but I’d go back.',
  ],
  3: [
    'Nice person, just not what I needed.',
    'Mixed feelings.',
    'It was okay.',
    'Maybe right for someone else.',
  ],
  2: ['Probably won’t go back.', 'Not for me.', 'Disappointed.'],
  1: ['Won’t be going back.', 'Look elsewhere if you’re in pain.', 'Would not recommend.'],
};

const TITLES: Readonly<Record<Scenario, readonly string[]>> = {
  lasting: [
    'Got rid of my {short} pain',
    '{Short} pain gone, and it stayed gone',
    'Finally pain-free',
    'Found the cause, fixed the problem',
    '{Sessions} and my {area} is fine',
    'Actually fixed my {short} pain',
    'The one who finally fixed my {area}',
    'Best {role} in {city}',
    'Relief that lasted',
  ],
  gradual: [
    'Steady progress on my {short} pain',
    'Slow but real improvement',
    'Took a few sessions, worth it',
    'From {aBefore} to {aNow}',
    'Patient, thorough work',
  ],
  maintenance: [
    'My regular tune-up',
    'Keeps my {area} in check',
    'Regular client, still impressed',
    'Consistently good',
  ],
  sports: [
    'Great for recovery',
    'Knows athletes',
    'Fresh legs for race day',
    'Essential part of my training',
    'Kept me training',
  ],
  rehab: [
    'Great alongside PT',
    'Helped my recovery',
    'Careful, patient work after surgery',
    'A real part of my rehab',
  ],
  referred: [
    'Honest and knew when to refer',
    'Sent me to the right person',
    'Knew the limits, in a good way',
    'Good hands, good judgement',
  ],
  fading: [
    'Big relief so far',
    'Feeling great after {sessions}',
    'Huge difference already',
    'So far, so good',
  ],
  temporary: [
    'Great on the table, back by evening',
    'Relief that didn’t last',
    'Felt amazing for a day',
    'Nice while it lasted',
    'Temporary relief only',
  ],
  relaxation: [
    'Lovely relaxing massage',
    'Exactly the unwind I needed',
    'Pure relaxation',
    'So calming',
    'A perfect hour off',
  ],
  'relaxation-for-pain': [
    'Relaxing, but not for pain',
    'Nice massage, didn’t touch my {short} pain',
    'Book elsewhere if you’re in pain',
    'Pleasant, no relief',
  ],
  'no-change': [
    'Pleasant, but no change',
    'Didn’t help my {short} pain',
    'Nice person, no results',
    'No improvement',
  ],
  'pressure-ignored': [
    'Didn’t listen about pressure',
    'Asked for {direction} pressure, didn’t get it',
    'Ignored what I asked for',
    'Not listened to',
  ],
  worse: ['Left me worse', 'Sore for days, no relief', 'Made my {short} pain worse', 'Not for me'],
};

function ratingKey(rating: number): 1 | 2 | 3 | 4 | 5 {
  return Math.min(5, Math.max(1, Math.round(rating))) as 1 | 2 | 3 | 4 | 5;
}

function openingKind(input: ReviewTextInput): keyof typeof OPENINGS {
  if (input.scenario === 'relaxation') return 'relaxation';
  if (input.archetype === 'prenatal-lymphatic') {
    const pregnancy =
      input.modalities.includes('prenatal') &&
      (input.intent === 'relaxation' || !input.modalities.includes('lymphatic-drainage'));
    return pregnancy ? 'prenatal' : 'afterSurgery';
  }
  if (input.intent === 'maintenance') return 'maintenance';
  if (input.intent === 'sports') return 'sports';
  if (input.intent === 'rehab') return 'rehab';
  return 'pain';
}

function pressureSentence(
  rng: Random,
  input: ReviewTextInput,
  vars: Record<string, string>,
): string | null {
  const { pressureWanted: wanted, pressureReceived: received, pressureAdjusted: adjusted } = input;
  if (wanted === null || received === null || adjusted === null) return null;
  if (adjusted === 'no') {
    return say(rng, wanted > received ? PRESSURE_IGNORED_MORE : PRESSURE_IGNORED_LESS, vars);
  }
  if (adjusted === 'yes') {
    return say(rng, wanted > input.pressureStart ? PRESSURE_ASK_MORE : PRESSURE_ASK_LESS, vars);
  }
  return wanted === received && rng.chance(0.5) ? say(rng, PRESSURE_RIGHT, vars) : null;
}

/** Templates that quote pain scores. */
const NUMBERS = /\{(before|now|aBefore|aNow)\}/;

const NEGATIVE_SCENARIOS: ReadonlySet<Scenario> = new Set([
  'temporary',
  'relaxation-for-pain',
  'no-change',
  'pressure-ignored',
  'worse',
]);

function reviewTitle(rng: Random, input: ReviewTextInput, vars: Record<string, string>): string {
  vars.Short = capitalize(vars.short ?? '');
  vars.direction =
    (input.pressureWanted ?? 3) > (input.pressureReceived ?? 3) ? 'firmer' : 'lighter';
  let templates = TITLES[input.scenario];
  if (input.painBefore === null) templates = templates.filter((t) => !NUMBERS.test(t));
  if (input.condition === null)
    templates = templates.filter((t) => !/\{(short|Short|area)\}/.test(t));
  if (templates.length === 0) templates = ['Honest review'];
  return fitLength(say(rng, templates, vars), 120);
}

function reviewBody(
  rng: Random,
  input: ReviewTextInput,
  vars: Readonly<Record<string, string>>,
): string {
  const negative = NEGATIVE_SCENARIOS.has(input.scenario);
  const length = rng.weightedKey({ short: 25, medium: 50, long: 25 });
  const detail = length === 'short' ? 0.15 : length === 'medium' ? 0.55 : 0.9;
  const parts: string[] = [];
  const hasPain = input.painBefore !== null && input.painNow !== null;
  const fitsPain = (t: string): boolean =>
    (hasPain || !NUMBERS.test(t)) && (input.sessions > 1 || !t.includes('each time'));

  if (length !== 'short' || rng.chance(0.5)) {
    parts.push(say(rng, OPENINGS[openingKind(input)].filter(fitsPain), vars));
  }
  if (input.assessedBefore === true && rng.chance(detail)) parts.push(say(rng, ASSESSED_YES, vars));
  if (input.assessedBefore === false && negative && rng.chance(detail))
    parts.push(say(rng, ASSESSED_NO, vars));
  if (rng.chance(detail)) parts.push(say(rng, TECHNIQUE, vars));
  const pressure = pressureSentence(rng, input, vars);
  if (pressure && (input.pressureAdjusted === 'no' || rng.chance(detail))) parts.push(pressure);
  if (
    input.explainedCause === true &&
    input.condition !== null &&
    rng.chance(Math.max(detail, 0.5))
  ) {
    parts.push(say(rng, CAUSE, vars));
  }

  const outcomes = OUTCOMES[input.scenario].filter(fitsPain);
  const [outcome, second] = rng.sample(outcomes, 2);
  if (outcome) parts.push(capitalize(expand(rng, outcome, vars)));
  if (second && length === 'long' && !(NUMBERS.test(outcome ?? '') && NUMBERS.test(second))) {
    parts.push(capitalize(expand(rng, second, vars)));
  }

  if (
    input.gaveHomeCare === true &&
    input.condition !== null &&
    rng.chance(Math.max(detail, 0.4))
  ) {
    parts.push(say(rng, HOME_CARE_YES, vars));
  }
  if (
    input.gaveHomeCare === false &&
    negative &&
    input.scenario !== 'relaxation-for-pain' &&
    rng.chance(detail)
  ) {
    parts.push(say(rng, HOME_CARE_NO, vars));
  }
  if (input.setExpectations === true && rng.chance(detail * 0.7)) {
    parts.push(
      say(rng, negative ? EXPECTATIONS_YES : [...EXPECTATIONS_YES, ...EXPECTATIONS_MET], vars),
    );
  }
  if (input.referredOut === true) parts.push(say(rng, REFERRAL_YES, vars));
  if (length === 'long' && rng.chance(0.6)) parts.push(say(rng, EXTRAS, vars));
  if (length !== 'short' || rng.chance(0.6))
    parts.push(say(rng, CLOSINGS[ratingKey(input.rating)], vars));
  return fitLength(parts.join(' '), 5000);
}

/** Why seeded reviews wait for a moderator: hold codes of the review risk check. */
export const PENDING_REASONS = [
  'new_account',
  'contact_details',
  'third_party_health',
  'duplicate',
] as const;

/** Why seeded reviews are not recommended: content reasons moderators choose from. */
export const NOT_RECOMMENDED_REASONS = [
  'spam',
  'conflict_of_interest',
  'not_first_hand',
  'duplicate',
  'off_topic',
] as const;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** A surname, or its male and female forms where the language marks gender. */
export type Surname = string | readonly [string, string];

export interface NameOrigin {
  key: string;
  weight: number;
  /** A language other than English that people with these names often speak, if any. */
  language: string | null;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly Surname[];
}

export const NAME_ORIGINS: readonly NameOrigin[] = [
  {
    key: 'anglo',
    weight: 38,
    language: null,
    female: [
      'Emily',
      'Sarah',
      'Jessica',
      'Ashley',
      'Megan',
      'Rachel',
      'Lauren',
      'Hannah',
      'Katie',
      'Amanda',
      'Molly',
      'Claire',
      'Abigail',
      'Grace',
      'Allison',
      'Caitlin',
      'Erin',
      'Heather',
      'Lindsay',
      'Jenna',
      'Maggie',
      'Shannon',
      'Brooke',
      'Kelsey',
      'Maya',
      'Nora',
      'Tessa',
      'Julia',
    ],
    male: [
      'Michael',
      'David',
      'James',
      'Matthew',
      'Ryan',
      'Daniel',
      'Andrew',
      'Kevin',
      'Brian',
      'Tyler',
      'Jake',
      'Sean',
      'Patrick',
      'Ben',
      'Nathan',
      'Chris',
      'Kyle',
      'Eric',
      'Luke',
      'Owen',
      'Sam',
      'Adam',
    ],
    surnames: [
      'Smith',
      'Johnson',
      'Miller',
      'Davis',
      'Wilson',
      'Anderson',
      'Taylor',
      'Thomas',
      'Moore',
      'Martin',
      'Thompson',
      'White',
      'Clark',
      'Lewis',
      'Walker',
      'Hall',
      'Allen',
      'Young',
      'King',
      'Wright',
      'Scott',
      'Green',
      'Baker',
      'Adams',
      'Nelson',
      'Carter',
      'Mitchell',
      'Campbell',
      'Murphy',
      "O'Brien",
      'Sullivan',
      'Kowalski',
      'Rossi',
      'Russo',
      'Schmidt',
      'Fischer',
      'Larson',
      'Olson',
      'Bennett',
      'Hughes',
      'Foster',
      'Reed',
    ],
  },
  {
    key: 'african-american',
    weight: 10,
    language: null,
    female: [
      'Jasmine',
      'Keisha',
      'Imani',
      'Aaliyah',
      'Ebony',
      'Tiana',
      'Monique',
      'Danielle',
      'Kiara',
      'Nia',
      'Latoya',
      'Brianna',
      'Shanice',
      'Destiny',
    ],
    male: [
      'Andre',
      'Darnell',
      'Malik',
      'Jamal',
      'Terrence',
      'Marcus',
      'DeShawn',
      'Isaiah',
      'Jerome',
      'Xavier',
      'Darius',
      'Cedric',
    ],
    surnames: [
      'Washington',
      'Jackson',
      'Robinson',
      'Brooks',
      'Coleman',
      'Jenkins',
      'Booker',
      'Freeman',
      'Harris',
      'Williams',
      'Jefferson',
      'Banks',
      'Simmons',
      'Wallace',
      'Bryant',
      'Gaines',
    ],
  },
  {
    key: 'hispanic',
    weight: 18,
    language: 'es',
    female: [
      'María',
      'Sofía',
      'Valentina',
      'Camila',
      'Lucía',
      'Gabriela',
      'Daniela',
      'Isabel',
      'Carmen',
      'Rosa',
      'Ana',
      'Paola',
      'Mariana',
      'Elena',
      'Jimena',
      'Adriana',
      'Marisol',
      'Yesenia',
    ],
    male: [
      'José',
      'Luis',
      'Carlos',
      'Miguel',
      'Javier',
      'Diego',
      'Alejandro',
      'Juan',
      'Andrés',
      'Jorge',
      'Ricardo',
      'Mateo',
      'Santiago',
      'Héctor',
    ],
    surnames: [
      'García',
      'Rodríguez',
      'Martínez',
      'Hernández',
      'López',
      'González',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Torres',
      'Flores',
      'Rivera',
      'Gómez',
      'Díaz',
      'Reyes',
      'Morales',
      'Cruz',
      'Ortiz',
      'Gutiérrez',
      'Mendoza',
      'Castillo',
      'Vargas',
      'Romero',
      'Herrera',
    ],
  },
  {
    key: 'chinese',
    weight: 7,
    language: 'zh',
    female: ['Mei', 'Lina', 'Xiaoling', 'Ying', 'Jing', 'Hui', 'Yan', 'Qing', 'Lan', 'Wen'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Lei', 'Tao', 'Jian', 'Bo', 'Yong', 'Zhiwei'],
    surnames: [
      'Wang',
      'Li',
      'Zhang',
      'Liu',
      'Chen',
      'Yang',
      'Huang',
      'Zhao',
      'Wu',
      'Zhou',
      'Xu',
      'Sun',
      'Lin',
      'Guo',
    ],
  },
  {
    key: 'korean',
    weight: 4,
    language: 'ko',
    female: ['Ji-woo', 'Min-ji', 'Seo-yeon', 'Soo-jin', 'Hye-jin', 'Eun-ji', 'Yuna', 'Ha-eun'],
    male: ['Min-jun', 'Ji-ho', 'Seung-woo', 'Dong-hyun', 'Joon', 'Hyun-woo', 'Tae-yang', 'Jae-won'],
    surnames: [
      'Kim',
      'Lee',
      'Park',
      'Choi',
      'Jung',
      'Kang',
      'Cho',
      'Yoon',
      'Jang',
      'Lim',
      'Han',
      'Shin',
    ],
  },
  {
    key: 'vietnamese',
    weight: 4,
    language: 'vi',
    female: ['Linh', 'Trang', 'Thu', 'Mai', 'Ngoc', 'Hoa', 'Thao', 'Huong', 'Vy', 'Tuyet'],
    male: ['Minh', 'Tuan', 'Duc', 'Huy', 'Khoa', 'Long', 'Quang', 'Bao', 'Nam', 'Phuc'],
    surnames: [
      'Nguyen',
      'Tran',
      'Le',
      'Pham',
      'Hoang',
      'Huynh',
      'Phan',
      'Vu',
      'Vo',
      'Dang',
      'Bui',
      'Do',
    ],
  },
  {
    key: 'eastern-european',
    weight: 4,
    language: 'ru',
    female: [
      'Anastasia',
      'Olga',
      'Natalia',
      'Irina',
      'Ekaterina',
      'Svetlana',
      'Yulia',
      'Daria',
      'Marina',
      'Tatiana',
    ],
    male: [
      'Dmitri',
      'Sergei',
      'Alexei',
      'Ivan',
      'Nikolai',
      'Mikhail',
      'Andrei',
      'Pavel',
      'Yuri',
      'Oleg',
    ],
    surnames: [
      ['Ivanov', 'Ivanova'],
      ['Smirnov', 'Smirnova'],
      ['Volkov', 'Volkova'],
      ['Petrov', 'Petrova'],
      ['Sokolov', 'Sokolova'],
      ['Morozov', 'Morozova'],
      ['Orlov', 'Orlova'],
      'Shevchenko',
      'Kovalenko',
      'Bondarenko',
      'Levin',
    ],
  },
  {
    key: 'french',
    weight: 2,
    language: 'fr',
    female: ['Camille', 'Amélie', 'Chloé', 'Manon', 'Juliette', 'Léa', 'Margaux', 'Élodie'],
    male: ['Julien', 'Mathieu', 'Antoine', 'Guillaume', 'Théo', 'Olivier', 'Étienne', 'Louis'],
    surnames: [
      'Dubois',
      'Laurent',
      'Moreau',
      'Lefebvre',
      'Girard',
      'Bernard',
      'Fontaine',
      'Rousseau',
      'Mercier',
      'Lambert',
    ],
  },
  {
    key: 'south-asian',
    weight: 4,
    language: null,
    female: ['Priya', 'Ananya', 'Kavya', 'Neha', 'Divya', 'Meera', 'Pooja', 'Shreya', 'Aisha'],
    male: ['Arjun', 'Rahul', 'Vikram', 'Rohan', 'Sanjay', 'Amit', 'Nikhil', 'Karan', 'Aditya'],
    surnames: [
      'Patel',
      'Shah',
      'Singh',
      'Kumar',
      'Sharma',
      'Gupta',
      'Reddy',
      'Iyer',
      'Desai',
      'Mehta',
      'Rao',
      'Nair',
    ],
  },
  {
    key: 'japanese',
    weight: 2,
    language: null,
    female: ['Yuki', 'Aiko', 'Haruka', 'Emi', 'Naomi', 'Sakura', 'Keiko', 'Mika'],
    male: ['Kenji', 'Hiroshi', 'Takumi', 'Daisuke', 'Kaito', 'Ren', 'Shota', 'Yuto'],
    surnames: [
      'Tanaka',
      'Suzuki',
      'Sato',
      'Watanabe',
      'Yamamoto',
      'Nakamura',
      'Kobayashi',
      'Ito',
      'Takahashi',
      'Matsumoto',
    ],
  },
  {
    key: 'arab',
    weight: 2,
    language: null,
    female: ['Layla', 'Yasmin', 'Noor', 'Amira', 'Salma', 'Rania', 'Hana', 'Dina'],
    male: ['Omar', 'Karim', 'Youssef', 'Tariq', 'Samir', 'Khalid', 'Rami', 'Nabil'],
    surnames: ['Haddad', 'Khoury', 'Mansour', 'Nasser', 'Saleh', 'Aziz', 'Farah', 'Hakim'],
  },
  {
    key: 'filipino',
    weight: 2,
    language: null,
    female: ['Maricel', 'Kristine', 'Angelica', 'Rowena', 'Joy', 'Bea'],
    male: ['Jomar', 'Paolo', 'Rommel', 'Nico', 'Carlo', 'Jun'],
    surnames: [
      'Santos',
      'Reyes',
      'Cruz',
      'Bautista',
      'Ocampo',
      'Dela Cruz',
      'Mendoza',
      'Villanueva',
      'Aquino',
      'Garcia',
    ],
  },
];

export interface PersonName {
  first: string;
  last: string;
  pronoun: Pronoun;
  origin: NameOrigin;
}

export function personName(rng: Random, origin: NameOrigin, femaleShare: number): PersonName {
  const female = rng.chance(femaleShare);
  const surname = rng.pick(origin.surnames);
  return {
    first: rng.pick(female ? origin.female : origin.male),
    last: typeof surname === 'string' ? surname : female ? surname[1] : surname[0],
    pronoun: female ? 'she' : 'he',
    origin,
  };
}

/** The pronoun a first name from the pools suggests, or null when it does not say. */
export function pronounFor(firstName: string): Pronoun | null {
  const female = NAME_ORIGINS.some((o) => o.female.includes(firstName));
  const male = NAME_ORIGINS.some((o) => o.male.includes(firstName));
  return female === male ? null : female ? 'she' : 'he';
}

/** Lowercase ASCII words joined by hyphens: "José O'Brien" -> "jose-obrien". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A review's title and body, written from the same words. */
export function reviewText(rng: Random, input: ReviewTextInput): { title: string; body: string } {
  const vars = reviewVars(rng, input);
  return { title: reviewTitle(rng, input, vars), body: reviewBody(rng, input, vars) };
}
