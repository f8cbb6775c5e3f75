import { type Language, languageOf } from './number-words';
import { type ListenFeatures, spokenForm } from './spoken-form';

/**
 * How long a shopper listens to a reply: a deterministic estimate from the SSML alone, no
 * synthesizer and no I/O. It lives in tools/ because it is a measuring instrument for the tests,
 * the bench and the calibration, never run by the deployed skill (and it parses with
 * fast-xml-parser, a devDependency).
 */

export type ListenPlatform = 'alexa' | 'google';

/**
 * Words per minute of each platform's default voice. Neither platform publishes a figure (Amazon
 * says there is no standard rate for its voices), so these are chosen on the slow side of
 * conversational speech: a reply that fits the budget here fits it on the device. Google's voices
 * speak a little faster than Alexa's.
 */
export const SPEAKING_RATE_WPM: Readonly<Record<ListenPlatform, number>> = { alexa: 150, google: 160 };

/**
 * What each counted thing costs, in beats: one beat is 60 / words-per-minute seconds, the time the
 * voice takes for one word at its nominal rate. Explicit `<break time>`s cost their own time.
 */
export interface ListenTimeConstants {
  readonly perWord: number;
  readonly perSyllable: number;
  /** Extra for each character read on its own, on top of it being a word. */
  readonly perSpelled: number;
  readonly perClausePause: number;
  readonly perSentencePause: number;
}

/**
 * Calibrated with `npm run listen:calibrate` (tools/listen-time/calibrate.ts) on 2026-12-07 with
 * espeak-ng 1.51 at the platform rates above: the pauses measured on probe phrases, the word,
 * syllable and spelled-character costs fitted (least squares) to 199 distinct replies of the 304
 * the corpus journeys give on both platforms. Error of these constants against espeak-ng, checked
 * again the same day: English (101 replies) median 3.5%, max 15.5%; German (98) median 5.0%, max
 * 17.6%; fitted on Alexa's replies alone they predict Google's as well, so the estimate scales with
 * the rate. One set per language: espeak-ng's German voice says more syllables a second, and
 * pauses less at a comma, than its English one.
 *
 * French, Spanish and Italian were fitted the same way later that day, when the seven language
 * packs spoke: 729 distinct replies of the 1,064 the journeys give in seven locales, each locale in
 * espeak-ng's own voice (es-US in its Latin American Spanish). Error of the constants below:
 * French (104 replies) median 3.3%, max 16.5%; Spanish (208) median 4.6%, max 15.7% (es-ES 4.8% /
 * 15.4%, running 4% long; es-US 4.2% / 15.7%, 4% short: espeak-ng's two Spanish voices differ, one
 * set serves both); Italian (102) median 3.6%, max 19.0%. English and German kept their constants:
 * English (213 replies, now with en-GB) median 4.2%, max 16.8% (en-GB 4.5% / 16.8%); German (102)
 * median 6.9%, max 21.7%, where a refit gains less than a point and prices a word at nothing. The
 * largest misses are the store's English name said by a Spanish or Italian voice and runs of short
 * French words said as one.
 */
export const CALIBRATED: Readonly<Record<Language, ListenTimeConstants>> = {
  en: { perWord: 0.211, perSyllable: 0.426, perSpelled: 0, perClausePause: 0.767, perSentencePause: 1.257 },
  de: { perWord: 0.125, perSyllable: 0.478, perSpelled: 0.288, perClausePause: 0.63, perSentencePause: 1.112 },
  fr: { perWord: 0.203, perSyllable: 0.357, perSpelled: 0.147, perClausePause: 0.708, perSentencePause: 1.183 },
  es: { perWord: 0.164, perSyllable: 0.41, perSpelled: 0.224, perClausePause: 0.686, perSentencePause: 1.163 },
  it: { perWord: 0.237, perSyllable: 0.381, perSpelled: 0, perClausePause: 0.681, perSentencePause: 1.164 },
};

export interface ListenTimeEstimate {
  readonly seconds: number;
  /** Spoken words: digits read one by one count one each, a price counts its number words. */
  readonly words: number;
  readonly features: ListenFeatures;
}

export interface EstimateOptions {
  readonly platform: ListenPlatform;
  /** The reply's locale ("en-US", "de-DE"): numbers and dates are read in its language. */
  readonly locale: string;
  /** Overrides the platform's rate. */
  readonly wordsPerMinute?: number;
  /** Overrides the calibrated constants of the locale's language. */
  readonly constants?: ListenTimeConstants;
}

/** Seconds for counted features at a rate, with the given constants. */
export function secondsFor(features: ListenFeatures, wordsPerMinute: number, constants: ListenTimeConstants): number {
  const beat = 60 / wordsPerMinute;
  const beats =
    constants.perWord * features.words +
    constants.perSyllable * features.syllables +
    constants.perSpelled * features.spelled +
    constants.perClausePause * features.clausePauses +
    constants.perSentencePause * features.sentencePauses;
  return beats * beat + features.breakSeconds;
}

/** How long the reply takes to say on the platform. Throws on SSML that is not well-formed. */
export function estimateListenTime(ssml: string, options: EstimateOptions): ListenTimeEstimate {
  const { words, features } = spokenForm(ssml, options.locale);
  const wordsPerMinute = options.wordsPerMinute ?? SPEAKING_RATE_WPM[options.platform];
  const constants = options.constants ?? CALIBRATED[languageOf(options.locale)];
  return { seconds: secondsFor(features, wordsPerMinute, constants), words: words.length, features };
}
