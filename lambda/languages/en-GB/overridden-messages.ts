import type { Messages } from '../pack';

/** Some of the messages, worded differently: any branch or sentence of `Messages`, and nothing it lacks. */
type Overrides<Wording, Base> = {
  readonly [Key in keyof Wording]: Key extends keyof Base ? (Base[Key] extends string ? string : Overrides<Wording[Key], Base[Key]>) : never;
};

function merged(base: unknown, overrides: unknown): unknown {
  if (typeof overrides === 'string') return overrides;
  if (typeof base !== 'object' || base === null || typeof overrides !== 'object' || overrides === null) return base;
  return Object.fromEntries(
    Object.entries(base).map(([key, value]) => [key, key in overrides ? merged(value, (overrides as Record<string, unknown>)[key]) : value]),
  );
}

/**
 * Another locale's messages with the sentences this one words differently: a language's regional
 * pack says only what it says its own way ("parcel", "ring our team on"), and every other sentence
 * stays its neighbour's. A key the base does not have is a compile error.
 */
export function overriddenMessages<Wording extends object>(base: Messages, overrides: Wording & Overrides<Wording, Messages>): Messages {
  return merged(base, overrides) as Messages;
}
