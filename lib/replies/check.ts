import { CONDITIONS } from '@/db/taxonomy';
import { findContactDetails } from '@/lib/reviews/risk';
import { REPLY_HOLD_REASON_ORDER, REPLY_HOLD_REASONS, type ReplyHoldReason } from './reasons';

/**
 * The disclosure check on an owner's reply (TRUST 18, DOMAIN "Privacy"): does the text look like
 * it reveals a client's health or identity? A health word alone is not enough ("massage can
 * ease sciatica" is general); it must come with something that points at the client ("your
 * sciatica", "the surgery you had", "we worked on the sciatica"). The same goes for names,
 * visit dates, what the client said in a session, and contact details.
 *
 * Pure and deterministic. Deliberately broad: a held reply costs a moderator a minute, a leak
 * costs a client their privacy.
 */

export interface DisclosureContext {
  /** The reviewer's public name, when they still have an account. */
  reviewerName?: string | null;
  /**
   * The owner's own names (the listing's name, the owner's public name): a reply signed
   * "Thanks, Anna" by Anna names nobody else, so these words never count as the client's name.
   */
  ownerNames?: readonly (string | null | undefined)[];
}

export interface DisclosureFinding {
  reason: ReplyHoldReason;
  /** The reason in words, for the writer and the moderator. */
  label: string;
  /** The words that set it off (lower-cased, except names). */
  excerpt: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Vocabulary                                                                                  */
/* ------------------------------------------------------------------------------------------ */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Taxonomy words too general to point at a client's health on their own. */
const GENERAL_TAXONOMY_WORDS = new Set(['stress', 'tension', 'stress and tension']);

/** Condition names and the words people use for them, from the site's taxonomy. */
function taxonomyTerms(): string[] {
  const terms = new Set<string>();
  for (const condition of CONDITIONS) {
    const names = [condition.name, ...condition.synonyms];
    for (const name of names) {
      // "Jaw pain (TMJ)" gives "jaw pain" and "tmj"; "Stiff joints / limited range of motion"
      // gives both halves.
      const parts = name
        .toLowerCase()
        .split(/[/()]/)
        .map((part) => part.trim())
        .filter((part) => part.length >= 3);
      for (const part of parts) {
        if (!GENERAL_TAXONOMY_WORDS.has(part)) terms.add(escapeRegExp(part).replace(/ /g, '\\s+'));
      }
    }
  }
  return [...terms];
}

/** Body parts, which point at a client's health only when they are the client's. */
const BODY_PARTS = [
  'back',
  'neck',
  'shoulders?',
  'hips?',
  'knees?',
  'jaw',
  'feet',
  'foot',
  'legs?',
  'arms?',
  'wrists?',
  'elbows?',
  'ankles?',
  'spine',
  'muscles?',
  'joints?',
  'glutes?',
  'hamstrings?',
  'calf',
  'calves',
  'pelvis',
  'pelvic floor',
  'sacrum',
  'ribs?',
  'stomach',
  'belly',
  'tummy',
  'scar',
  'scars',
];
const BODY_PARTS_PATTERN = BODY_PARTS.join('|');

/** Health words beyond the taxonomy: conditions, diagnoses, care, the body in trouble. */
const HEALTH_WORDS = [
  // Pregnancy
  'pregnan\\w*',
  'prenatal',
  'postpartum',
  'post-partum',
  'trimester',
  'due date',
  'miscarriage\\w*',
  'c-section',
  'newborn',
  'baby',
  'maternity',
  // Surgery, injury, recovery
  'surger(?:y|ies)',
  'surgical',
  // "the operation", not "our operations" or "in operation".
  '(?<=\\b(?:a|an|the|your|ur|his|her) )operations?',
  'post-op',
  '(?:hip|knee|joint|shoulder) replacements?',
  'implants?',
  'recover(?:y|ing|ed)',
  'heal(?:s|ed|ing)?',
  'rehab\\w*',
  'physio\\w*',
  'physical therap\\w*',
  'injur(?:y|ies|ed)',
  // "your accident", "a car accident", not "by accident" or "a happy accident".
  '(?<=\\b(?:your|ur|his|her|the|car) )accidents?',
  'car crash',
  'crash',
  'whiplash',
  'concussions?',
  'fractur\\w*',
  // "a broken wrist", not "the card machine was broken".
  `broken (?:bones?|${BODY_PARTS_PATTERN})`,
  'sprain\\w*',
  'strain(?:s|ed)?',
  'torn',
  'tendon\\w*',
  'tendinitis',
  'tendonitis',
  'bursitis',
  'carpal tunnel',
  'frozen shoulder',
  'herniat\\w*',
  'dis[ck]s?',
  // Diagnoses and illnesses
  'diagnos\\w*',
  'medications?',
  'meds',
  'prescri\\w*',
  'pills?',
  'painkillers?',
  'opioids?',
  'injections?',
  'cortisone',
  'cancer',
  'tumou?rs?',
  'chemo\\w*',
  'radiation',
  'oncolog\\w*',
  'hiv',
  'diabet\\w*',
  'arthritis',
  'osteo\\w*',
  'rheumat\\w*',
  'fibromyalgia',
  'lupus',
  'sclerosis',
  'scoliosis',
  'parkinson\\w*',
  'alzheimer\\w*',
  'dementia',
  'epilep\\w*',
  'seizures?',
  'stroke',
  'heart attack',
  'heart condition',
  'cardiac',
  'blood pressure',
  'hypertension',
  'asthma',
  'copd',
  'allerg(?:y|ies|ic)',
  'illness(?:es)?',
  'ill',
  'sick(?:ness)?',
  'diseases?',
  'disorders?',
  'syndromes?',
  'conditions?',
  'chronic',
  'flare-?ups?',
  'symptoms?',
  'weight loss',
  'medical (?:history|conditions?|records?|issues?|problems?|leave|team|care)',
  // Mind
  'anxi(?:ety|ous)',
  'depress(?:ion|ed|ive)',
  'panic',
  'ptsd',
  'trauma(?:tic)?',
  'bipolar',
  'adhd',
  'autis(?:m|tic)',
  'ocd',
  'insomnia',
  'burnout',
  'eating disorders?',
  'anorexi\\w*',
  'bulimi\\w*',
  'suicid\\w*',
  'self-harm',
  'mental health',
  // Symptoms
  'migraines?',
  'headaches?',
  'pains?',
  'painful',
  'aches?',
  'aching',
  'achy',
  'sore(?:ness)?',
  'stiff(?:ness)?',
  'spasms?',
  'cramps?',
  'numb(?:ness)?',
  'tingling',
  'inflam\\w*',
  'swelling',
  'swollen',
  'nerves?',
  'neuropath\\w*',
  'sciatic\\w*',
  // Care by others
  'doctors?',
  'physicians?',
  'surgeons?',
  'neurologists?',
  'oncologists?',
  'psychiatrists?',
  'psychologists?',
  'counsell?ors?',
  'counsell?ing',
  'psychotherap\\w*',
  'chiropractors?',
  'physiotherapists?',
  'physical therapists?',
  'midwife',
  'ob-?gyn',
  'hospital\\w*',
  'emergency room',
];

/** Life events that are the client's own business. */
const PERSONAL_WORDS = [
  'divorc\\w*',
  'separation',
  'break-?up',
  'funeral',
  'passed away',
  'bereave\\w*',
  'grie(?:f|ving)',
  'widow\\w*',
  'loss',
  'wedding',
  'honeymoon',
  'new job',
  'laid off',
  'layoff',
  'unemploy\\w*',
  'retire\\w*',
];

const RELATIVES = [
  'husband',
  'wife',
  'partner',
  'spouse',
  'boyfriend',
  'girlfriend',
  'fianc[ée]e?',
  'sons?',
  'daughters?',
  'kids?',
  'children',
  'child',
  'mom',
  'mum',
  'mother',
  'dad',
  'father',
  'sister',
  'brother',
  'grand\\w+',
  'boss',
  'employer',
];

const words = (list: readonly string[]) => list.join('|');

const HEALTH = new RegExp(`\\b(?:${words([...taxonomyTerms(), ...HEALTH_WORDS])})\\b`, 'g');
const PERSONAL = new RegExp(`\\b(?:${words(PERSONAL_WORDS)})\\b`, 'g');

/** "your sore lower back", "her knee". */
const OWN_BODY_PART = new RegExp(
  `\\b(?:your|ur|her|his)\\s+(?:(?:lower|upper|left|right|mid|middle|sore|tight|stiff|injured|bad|poor|aching|achy|painful|tender|weak)\\s+)?(?:${BODY_PARTS_PATTERN})\\b`,
);
/** "your husband", "his daughter". */
const OWN_RELATIVE = new RegExp(`\\b(?:your|ur|her|his)\\s+(?:${words(RELATIVES)})\\b`);

/** Words that point at the client. */
const CLIENT_WORDS = new Set([
  'you',
  'your',
  'yours',
  "you're",
  "you've",
  "you'd",
  "you'll",
  'yourself',
  'ya',
  'u',
  'ur',
  'he',
  'she',
  'his',
  'her',
  'hers',
  'him',
  "he's",
  "she's",
  'client',
  'patient',
  'reviewer',
]);
/** Only these may follow the health word ("the surgery you had", "diabetes is hard, and you ..."). */
const SECOND_PERSON = new Set(['you', "you'd", "you've", "you're", 'your', 'yourself', 'u']);
/** What the therapist and the client did together: "we worked on the sciatica". */
const SHARED_PAST = new Set([
  'worked',
  'treated',
  'focused',
  'addressed',
  'discussed',
  'talked',
  'found',
  'noticed',
  'tried',
  'spent',
  'checked',
  'assessed',
  'looked',
  'released',
  'loosened',
  'eased',
  'saw',
]);
const DETERMINERS = new Set(['the', 'that', 'this', 'those', 'these', 'some']);
/**
 * A wish or a reaction about something particular is about the client: "Hope the herniated disc
 * keeps improving", "Good luck with the chemo", "Congratulations on the pregnancy".
 */
const REACTION =
  /\b(?:hop(?:e|es|ed|ing)|luck|wish(?:es|ed|ing)?|congrat\w*|glad|sorry|speedy|quick|get well|recovery)\b/;
const REACTION_DETERMINERS = new Set(['the', 'this', 'that', 'our']);
/** How many words before a health word a determiner may stand in a wish ("the new baby"). */
const REACTION_WINDOW = 2;

/** How many words before a health word may hold what points at the client, and after it. */
const WINDOW_BEFORE = 8;
const WINDOW_AFTER = 8;

/** Courtesies that say "you" without saying anything about the client. */
const COURTESIES: [RegExp, string][] = [
  [/\bthank(?:s| you)(?: (?:so|very) much)?\b/g, 'thanks'],
  [/\bsee you\b/g, 'see'],
  [/\byou(?:'re| are) (?:very |most )?welcome\b/g, 'welcome'],
];

const HISTORY: RegExp[] = [
  /\byou (?:told|tell) me\b/,
  /\byou (?:mentioned|shared|confided|disclosed|opened up|described)\b/,
  /\b(?:when|since) (?:you|we) (?:first )?(?:came|walked|started|met|began|visited|booked)\b/,
  /\byou(?:'ve| have) been (?:coming|seeing me|visiting|a (?:client|regular|patient))\b/,
  /\byou(?:'re| are| were) (?:one of )?my (?:\w+ )?(?:clients?|patients?|regulars?)\b/,
  /\byour (?:medical |health |treatment |intake |client )?(?:history|records?|chart|notes|intake form|health form|file)\b/,
  /\b(?:as|like) (?:i|we) (?:told you|discussed|talked about|said)\b/,
  /\b(?:you|we) (?:discussed|talked about)\b/,
  /\b(?:in|during|at) (?:our|your) (?:last|first|previous|recent|latest) (?:sessions?|visits?|appointments?|treatments?)\b/,
];

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const VISIT_DATES: RegExp[] = [
  // "on Tuesday", "last Friday" (plural "on Tuesdays" is opening hours)
  new RegExp(`\\b(?:on|last|this|next|this past) ${WEEKDAY}(?!s)\\b`),
  // "great to see you Tuesday" (the courtesy "see you" reads "see" here)
  new RegExp(`\\b(?:see|saw|seeing|meet|met|meeting) (?:you )?${WEEKDAY}(?!s)\\b`),
  // "on the 3rd", "see you on the 14th" (not "on the 2nd floor")
  /\bon the \d{1,2}(?:st|nd|rd|th)\b(?! (?:floor|level|storey|story))/,
  /\b\d{4}-\d{1,2}-\d{1,2}\b/,
  new RegExp(`\\b${WEEKDAY} (?:morning|afternoon|evening|night)\\b`),
  /\byesterday\b/,
  /\b(?:last|this past) (?:week|weekend|month|night)\b/,
  /\bearlier (?:today|this (?:week|month))\b/,
  /\bthis (?:morning|afternoon)\b/,
  // "March 3", "3rd of March"
  new RegExp(`\\b${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?\\b`),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}\\b`),
  // "your appointment on ...", "your visit in March", "your session at 3"
  new RegExp(
    `\\byour (?:[\\w-]+ )?(?:appointment|visit|session|massage|treatment|booking)s? (?:on|last|this|yesterday|in ${MONTH}|at \\d)`,
  ),
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
  /\bon \d{1,2}\/\d{1,2}\b/,
  /\b(?:you|your)\b[^.!?]{0,30}\bat \d{1,2}(?::\d{2})? ?(?:am|pm)\b/,
];

/** Capitalised words after a greeting that are not names. */
const NOT_NAMES = new Set([
  'there',
  'all',
  'everyone',
  'everybody',
  'friend',
  'friends',
  'folks',
  'reviewer',
  'client',
  'guest',
  'customer',
  'reader',
  'readers',
  'member',
  'valued',
  'lovely',
  'anonymous',
  'again',
  'so',
  'for',
  'very',
  'from',
  'and',
  'you',
  'a',
  'the',
  'team',
  'sir',
  'madam',
  'both',
  'much',
  'lots',
  'i',
  'we',
  'it',
  'this',
  'that',
  'your',
  'kindly',
  'heaps',
]);

const CONTACT_WORDS = { email: 'an email address', url: 'a link', phone: 'a phone number' };

/** Words that open an address to someone, any case. */
const GREETING = '(?:dear|hi|hello|hey|howdy|thanks|thank you(?: so much| very much)?|many thanks)';
/** A pattern's letters in either case, for a pattern whose other parts must keep theirs. */
const eitherCase = (pattern: string) =>
  pattern.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);
/** A capitalised word after a greeting: "Hi Priya", "Thank you, Maya". */
const GREETING_NAME = new RegExp(
  `(?:^|[^\\p{L}])${eitherCase(GREETING)}\\s*,?\\s+(\\p{Lu}[\\p{L}'’-]+)`,
  'gu',
);
const HONORIFIC_NAME = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu;

/* ------------------------------------------------------------------------------------------ */
/* The check                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** Lower case, plain apostrophes, single spaces, courtesies neutralised. */
function normalise(text: string): string {
  let out = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
  for (const [pattern, replacement] of COURTESIES) out = out.replace(pattern, replacement);
  return out;
}

const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** A health (or life) word close to something that points at the client, if there is one. */
function findPointedTerm(text: string, terms: RegExp): string | null {
  // Sentences: a pointer in another sentence says nothing about this word.
  for (const sentence of text.split(/[.!?;:\n()"]+| [-–—] /)) {
    const tokens = [...sentence.matchAll(TOKEN)].map((m) => ({ word: m[0], at: m.index }));
    for (const match of sentence.matchAll(terms)) {
      const start = match.index;
      const end = start + match[0].length;
      const first = tokens.findIndex((t) => t.at >= start);
      const after = tokens.findIndex((t) => t.at >= end);
      const wordStart = first === -1 ? tokens.length : first;
      const wordEnd = after === -1 ? tokens.length : after;
      const before = tokens.slice(Math.max(0, wordStart - WINDOW_BEFORE), wordStart);

      for (let i = before.length - 1; i >= 0; i--) {
        const token = before[i];
        if (token && CLIENT_WORDS.has(token.word)) return sentence.slice(token.at, end).trim();
      }
      const following = tokens.slice(wordEnd, wordEnd + WINDOW_AFTER);
      const pointer = following.find((t) => SECOND_PERSON.has(t.word));
      if (pointer) return sentence.slice(start, pointer.at + pointer.word.length).trim();

      // "we worked on the sciatica"; "I treated that sciatica" (not "I've treated sciatica").
      const we = before.findIndex(
        (t) => t.word === 'we' || t.word === "we've" || t.word === "we'd",
      );
      if (we !== -1 && before.slice(we + 1).some((t) => SHARED_PAST.has(t.word))) {
        return sentence.slice(before[we]?.at ?? start, end).trim();
      }
      const i = before.findIndex((t) => t.word === 'i');
      if (i !== -1) {
        const verb = before.findIndex((t, index) => index > i && SHARED_PAST.has(t.word));
        if (verb !== -1 && before.slice(verb + 1).some((t) => DETERMINERS.has(t.word))) {
          return sentence.slice(before[i]?.at ?? start, end).trim();
        }
      }
      if (REACTION.test(sentence)) {
        const near = before.slice(-REACTION_WINDOW);
        const determiner = near.find((t) => REACTION_DETERMINERS.has(t.word));
        if (determiner) return sentence.slice(determiner.at, end).trim();
      }
    }
  }
  return null;
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return null;
}

/** The lower-cased words of names ("Anna Lee, LMT" gives anna, lee, lmt). */
function nameWords(names: readonly (string | null | undefined)[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const name of names ?? []) {
    if (!name) continue;
    for (const word of name
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}'’-]+/u)) {
      if (word) out.add(word);
    }
  }
  return out;
}

/**
 * The shape of the pseudonyms the site suggests ("Calm Heron 42"): their first word is an
 * ordinary word ("Calm", "Kind", "Hopeful"), not a first name.
 */
const GENERATED_NAME = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \d{1,3}$/u;

/**
 * The reviewer's first name used to address them: after a greeting ("Hi maya", "Thank you
 * Maya!") or set off by commas ("It was a pleasure, Maya."; "Maya, thank you"). A first name
 * inside a sentence is usually the ordinary word ("Hope to see you", "Will you come back?").
 */
function findAddressedFirstName(text: string, firstName: string): string | null {
  const name = escapeRegExp(firstName);
  const patterns = [
    new RegExp(`(?:^|[^\\p{L}])${GREETING}\\s*,?\\s+(${name})(?![\\p{L}\\p{N}])`, 'giu'),
    new RegExp(`,\\s*(${name})\\s*(?=[,.!?;:)]|$)`, 'giu'),
    new RegExp(`(?:^|[.!?]\\s+)(${name})\\s*,`, 'giu'),
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const found = match[1];
      if (!found) continue;
      // Lower case after a greeting is a name only when nothing follows it in the sentence:
      // "Hi maya!" names her, "Thanks, hope to see you soon" does not.
      const rest = text.slice(match.index + match[0].length);
      if (/^\p{Ll}/u.test(found) && !/^\s*(?:[,.!?;:)]|$)/u.test(rest)) continue;
      return found;
    }
  }
  return null;
}

/**
 * The reviewer's name, or a name after a greeting or a title, as written. The owner's own names
 * never count: "Thanks, Anna" signed by Anna names nobody else.
 */
function findName(original: string, context: DisclosureContext): string | null {
  const text = original.normalize('NFKC').replace(/\s+/g, ' ');
  const owner = nameWords(context.ownerNames);
  const isOwners = (word: string) => owner.has(word.toLowerCase());
  const name = context.reviewerName?.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (name && name.length >= 2) {
    const nameIsOwners = [...nameWords([name])].every((word) => owner.has(word));
    if (!nameIsOwners) {
      const whole = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu');
      const found = whole.exec(text);
      if (found) return found[0];
    }
    // The first name alone ("Maya" of "Maya R."), unless the name is a generated pseudonym.
    const [firstName] = name.split(' ');
    if (
      firstName &&
      !GENERATED_NAME.test(name) &&
      /^\p{L}[\p{L}'’-]+$/u.test(firstName) &&
      !NOT_NAMES.has(firstName.toLowerCase()) &&
      !isOwners(firstName)
    ) {
      const addressed = findAddressedFirstName(text, firstName);
      if (addressed) return addressed;
    }
  }
  for (const match of text.matchAll(GREETING_NAME)) {
    const candidate = match[1];
    if (candidate && !NOT_NAMES.has(candidate.toLowerCase()) && !isOwners(candidate)) {
      return candidate;
    }
  }
  for (const titled of text.matchAll(HONORIFIC_NAME)) {
    if (titled[1] && !isOwners(titled[1])) return titled[0].replace(/^[^\p{L}]/u, '');
  }
  return null;
}

/**
 * What in a reply looks like it discloses a client's health or identity: one finding per
 * reason, in order of precedence (the first is the reason the reply is held for). Empty when
 * the reply can be published.
 */
export function checkReplyDisclosure(
  text: string,
  context: DisclosureContext = {},
): DisclosureFinding[] {
  const plain = normalise(text);
  const found = new Map<ReplyHoldReason, string>();

  const health = findPointedTerm(plain, HEALTH) ?? firstMatch(plain, [OWN_BODY_PART]);
  if (health) found.set('client_health', health);

  const name = findName(text, context);
  if (name) found.set('client_name', name);

  const date = firstMatch(plain, VISIT_DATES);
  if (date) found.set('visit_date', date);

  const details =
    firstMatch(plain, HISTORY) ??
    findPointedTerm(plain, PERSONAL) ??
    firstMatch(plain, [OWN_RELATIVE]);
  if (details) found.set('client_details', details);

  const contact = findContactDetails(text);
  if (contact) found.set('contact_details', CONTACT_WORDS[contact]);

  return REPLY_HOLD_REASON_ORDER.filter((reason) => found.has(reason)).map((reason) => ({
    reason,
    label: REPLY_HOLD_REASONS[reason],
    excerpt: found.get(reason) ?? '',
  }));
}
