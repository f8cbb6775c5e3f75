import type { Language } from '../../understanding/languages/language';
import { ENGLISH } from '../en-US/words';

/**
 * British English as the understanding reads it: American English's words, plus what people in the
 * United Kingdom say differently: "erm", "cheers", "i'm after", "nought", "double four", "a fortnight
 * ago", "the tuesday just gone".
 */

const { numbers, dates } = ENGLISH;

export const BRITISH_ENGLISH: Language = {
  ...ENGLISH,
  contractions: { ...ENGLISH.contractions, dunno: 'do not know', innit: 'is it not', "c'mon": 'come on' },
  // "The kettle's stopped working", "the zip's gone", "someone else's order": the clitic is "is", "has" or
  // a possessive, and the noun before it is what matters, so it is dropped.
  contractionSuffixes: [...ENGLISH.contractionSuffixes, ["'s", '']],
  fillers: [...ENGLISH.fillers, 'erm', 'ehm', 'mate', 'basically', 'honestly'],
  // Alone they agree ("lovely"); before a request they only start it ("right where's my parcel").
  acknowledgements: [...ENGLISH.acknowledgements, 'right', 'righto', 'right then', 'lovely', 'brilliant', 'great', 'cool', 'fine'],
  hedges: [
    ...ENGLISH.hedges,
    'cheers', 'ta', 'i fancy', 'i will have', 'can i have', 'could i have', 'could i get', 'i would go for', 'i will go for',
    'go for', 'i am after', 'if you do not mind', 'to be honest', 'i would have', 'i would rather',
  ],
  repairs: ['no hang on', 'no hold on', 'hang on', 'hold on', 'oops', 'whoops', 'my mistake', 'sorry i mean', ...ENGLISH.repairs],
  numbers: {
    ...numbers,
    // "Nought" for zero; a fiver and a tenner are prices ("anything under a tenner").
    units: { ...numbers.units, nought: 0, fiver: 5 },
    teens: { ...numbers.teens, tenner: 10 },
    // "One oh double four five": a digit said twice or three times.
    repeats: { double: 2, triple: 3, treble: 3 },
  },
  dates: {
    ...dates,
    relativeDays: { ...dates.relativeDays, 'last night': -1, 'this morning': 0, 'this afternoon': 0, 'earlier today': 0 },
    relativePeriods: {
      ...dates.relativePeriods,
      'a fortnight ago': { unit: 'week', offset: -2 },
      'fortnight ago': { unit: 'week', offset: -2 },
      'a fortnight back': { unit: 'week', offset: -2 },
    },
    vagueCounts: { ...dates.vagueCounts, several: 3 },
    // "The tuesday just gone" is the last one.
    fillers: [...dates.fillers, 'just', 'gone'],
  },
};
