/**
 * The reference taxonomy: modalities grouped in families, and the conditions and body areas
 * people come with, each with the words people actually type. Slugs are stable: pages, links
 * and search filters use them.
 */
import type { ModalityFamily } from './schema/enums';

export interface ModalitySeed {
  slug: string;
  name: string;
  family: ModalityFamily;
  description: string;
  synonyms: string[];
  separateProfession?: boolean;
}

export interface ConditionSeed {
  slug: string;
  name: string;
  bodyArea: string;
  synonyms: string[];
}

export const MODALITIES: readonly ModalitySeed[] = [
  {
    slug: 'swedish',
    name: 'Swedish / relaxation massage',
    family: 'massage',
    description:
      'Long, flowing strokes with light to medium pressure to relax and ease general tension.',
    synonyms: ['relaxation massage', 'swedish massage', 'classic massage'],
  },
  {
    slug: 'deep-tissue',
    name: 'Deep tissue massage',
    family: 'massage',
    description: 'Slow, firm work on the deeper layers of muscle and fascia for chronic tightness.',
    synonyms: ['deep-tissue', 'deep massage', 'deep tissue massage'],
  },
  {
    slug: 'sports-massage',
    name: 'Sports massage',
    family: 'massage',
    description: 'Work aimed at training, competition and recovery from sport.',
    synonyms: ['sports', 'athletic massage', 'sport massage'],
  },
  {
    slug: 'trigger-point',
    name: 'Trigger point therapy',
    family: 'massage',
    description: 'Sustained pressure on hyperirritable spots ("knots") that refer pain elsewhere.',
    synonyms: ['knots', 'trigger points', 'trigger point massage'],
  },
  {
    slug: 'myofascial-release',
    name: 'Myofascial release',
    family: 'massage',
    description: 'Slow sustained stretch of the fascia to restore movement.',
    synonyms: ['myofascial', 'fascia release', 'mfr'],
  },
  {
    slug: 'neuromuscular',
    name: 'Neuromuscular therapy',
    family: 'massage',
    description: 'Assessment-led treatment of trigger points, posture and nerve compression.',
    synonyms: ['nmt', 'neuromuscular massage'],
  },
  {
    slug: 'medical-massage',
    name: 'Medical / clinical massage',
    family: 'massage',
    description: 'Outcome-based massage for a diagnosed condition, often alongside medical care.',
    synonyms: ['clinical massage', 'orthopedic massage', 'therapeutic massage'],
  },
  {
    slug: 'prenatal',
    name: 'Prenatal massage',
    family: 'massage',
    description: 'Massage adapted to pregnancy, positioned and paced for comfort.',
    synonyms: ['pregnancy massage', 'prenatal massage'],
  },
  {
    slug: 'lymphatic-drainage',
    name: 'Lymphatic drainage',
    family: 'massage',
    description: 'Very light rhythmic work to move lymph, often after surgery.',
    synonyms: ['manual lymphatic drainage', 'mld', 'lymph massage'],
  },
  {
    slug: 'hot-stone',
    name: 'Hot stone massage',
    family: 'massage',
    description: 'Heated stones placed and used to warm and relax the muscles.',
    synonyms: ['hot stones', 'stone massage'],
  },
  {
    slug: 'thai-massage',
    name: 'Thai massage',
    family: 'massage',
    description: 'Clothed floor-mat work combining pressure with assisted stretches.',
    synonyms: ['thai', 'thai yoga massage'],
  },
  {
    slug: 'chair-massage',
    name: 'Chair massage',
    family: 'massage',
    description: 'Short seated sessions, clothed, focused on neck, shoulders and back.',
    synonyms: ['seated massage', 'on-site massage'],
  },
  {
    slug: 'acupressure-firm',
    name: 'Acupressure (firm pressure)',
    family: 'asian_bodywork',
    description:
      'Firm pressing or rubbing of points to ease a symptom such as a headache or nausea.',
    synonyms: ['acupressure', 'pressure points', 'point massage'],
  },
  {
    slug: 'acupressure-light-touch',
    name: 'Acupressure (light touch: Jin Shin Jyutsu, Jin Shin Do)',
    family: 'asian_bodywork',
    description: 'Older light-touch forms that hold points to let the body rebalance.',
    synonyms: ['acupressure', 'jin shin jyutsu', 'jin shin do', 'light touch acupressure'],
  },
  {
    slug: 'shiatsu',
    name: 'Shiatsu',
    family: 'asian_bodywork',
    description: 'Japanese finger and palm pressure along meridians, clothed, on a mat.',
    synonyms: ['acupressure', 'japanese massage', 'zen shiatsu'],
  },
  {
    slug: 'tui-na',
    name: 'Tui na',
    family: 'asian_bodywork',
    description: 'Chinese therapeutic bodywork: pressing, kneading and mobilising.',
    synonyms: ['tuina', 'chinese massage'],
  },
  {
    slug: 'reflexology',
    name: 'Reflexology',
    family: 'asian_bodywork',
    description: 'Pressure on points of the feet, hands and ears.',
    synonyms: ['foot reflexology', 'foot massage'],
  },
  {
    slug: 'craniosacral',
    name: 'Craniosacral therapy',
    family: 'related_care',
    description: 'Gentle holds on the head, spine and pelvis.',
    synonyms: ['cranial sacral', 'cst', 'craniosacral therapy'],
  },
  {
    slug: 'assisted-stretching',
    name: 'Assisted stretching',
    family: 'related_care',
    description: 'A practitioner moves you through stretches to restore range of motion.',
    synonyms: ['stretch therapy', 'pnf stretching', 'stretching'],
  },
  {
    slug: 'acupuncture',
    name: 'Acupuncture',
    family: 'related_care',
    description: 'Needles placed at points; a separate licensed practice, listed for referrals.',
    synonyms: ['needles', 'dry needling'],
    separateProfession: true,
  },
  {
    slug: 'chiropractic',
    name: 'Chiropractic',
    family: 'related_care',
    description: 'Spinal and joint adjustment by a licensed chiropractor; listed for referrals.',
    synonyms: ['chiropractor', 'spinal adjustment'],
    separateProfession: true,
  },
  {
    slug: 'physical-therapy',
    name: 'Physical therapy',
    family: 'related_care',
    description:
      'Licensed rehabilitation through exercise and manual therapy; listed for referrals.',
    synonyms: ['physiotherapy', 'pt', 'physio'],
    separateProfession: true,
  },
];

export const CONDITIONS: readonly ConditionSeed[] = [
  {
    slug: 'lower-back-pain',
    name: 'Lower back pain',
    bodyArea: 'lower back',
    synonyms: ['lumbar pain', 'lower back', 'lumbar', 'low back pain'],
  },
  {
    slug: 'upper-back-pain',
    name: 'Upper back and shoulder blades',
    bodyArea: 'upper back',
    synonyms: ['upper back pain', 'between shoulder blades', 'rhomboid pain'],
  },
  {
    slug: 'neck-pain',
    name: 'Neck pain',
    bodyArea: 'neck',
    synonyms: ['tech neck', 'stiff neck', 'sore neck'],
  },
  {
    slug: 'tight-shoulders',
    name: 'Tight shoulders',
    bodyArea: 'shoulders',
    synonyms: ['shoulder tension', 'tight traps', 'shoulder pain'],
  },
  {
    slug: 'sciatica',
    name: 'Sciatica',
    bodyArea: 'leg',
    synonyms: ['pain down the leg', 'pain down my leg', 'shooting pain in leg', 'sciatic nerve'],
  },
  {
    slug: 'tension-headache',
    name: 'Tension headache',
    bodyArea: 'head',
    synonyms: ['headache', 'headaches', 'tension headaches'],
  },
  {
    slug: 'muscle-spasms',
    name: 'Muscle spasms and cramps',
    bodyArea: 'muscles',
    synonyms: ['cramps', 'spasms', 'muscle cramps'],
  },
  {
    slug: 'limited-range-of-motion',
    name: 'Stiff joints / limited range of motion',
    bodyArea: 'joints',
    synonyms: ['stiff joints', 'stiffness', 'range of motion'],
  },
  {
    slug: 'sports-injury',
    name: 'Sports injury',
    bodyArea: 'muscles',
    synonyms: ['strain', 'pulled muscle', 'running injury'],
  },
  {
    slug: 'desk-posture-pain',
    name: 'Posture-related pain from desk work',
    bodyArea: 'back and neck',
    synonyms: ['desk job pain', 'posture pain', 'computer posture'],
  },
  {
    slug: 'chronic-pain',
    name: 'Chronic pain',
    bodyArea: 'whole body',
    synonyms: ['long-term pain', 'persistent pain', 'fibromyalgia'],
  },
  {
    slug: 'stress-tension',
    name: 'Stress and tension',
    bodyArea: 'whole body',
    synonyms: ['stress', 'anxiety', 'tension'],
  },
  {
    slug: 'tired-legs',
    name: 'Tired legs',
    bodyArea: 'legs',
    synonyms: ['heavy legs', 'sore legs', 'leg fatigue'],
  },
  {
    slug: 'nausea',
    name: 'Nausea',
    bodyArea: 'stomach',
    synonyms: ['morning sickness', 'motion sickness', 'queasy'],
  },
  {
    slug: 'plantar-fasciitis',
    name: 'Plantar fasciitis',
    bodyArea: 'feet',
    synonyms: ['heel pain', 'foot pain', 'arch pain'],
  },
  {
    slug: 'hip-pain',
    name: 'Hip pain',
    bodyArea: 'hips',
    synonyms: ['tight hips', 'hip flexor pain', 'piriformis'],
  },
  {
    slug: 'jaw-pain',
    name: 'Jaw pain (TMJ)',
    bodyArea: 'jaw',
    synonyms: ['tmj', 'tmd', 'jaw clenching'],
  },
];
