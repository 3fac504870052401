import { randomInt } from 'node:crypto';

const QUALITIES = [
  'Calm',
  'Steady',
  'Quiet',
  'Bright',
  'Gentle',
  'Brave',
  'Patient',
  'Nimble',
  'Sunny',
  'Easy',
  'Loose',
  'Limber',
  'Supple',
  'Rested',
  'Upright',
  'Mellow',
  'Hopeful',
  'Spry',
  'Lucky',
  'Kind',
] as const;

const THINGS = [
  'Heron',
  'Willow',
  'Otter',
  'Cedar',
  'Maple',
  'Fern',
  'Robin',
  'Harbor',
  'River',
  'Meadow',
  'Pine',
  'Finch',
  'Aspen',
  'Birch',
  'Lark',
  'Juniper',
  'Sparrow',
  'Brook',
  'Clover',
  'Wren',
] as const;

/**
 * A pseudonymous public name suggested to a new member ("Calm Heron 42"). It is drawn at random
 * and never derived from the email address; members can change it on their account page.
 */
export function suggestDisplayName(): string {
  const quality = QUALITIES[randomInt(QUALITIES.length)];
  const thing = THINGS[randomInt(THINGS.length)];
  return `${quality} ${thing} ${randomInt(10, 100)}`;
}
