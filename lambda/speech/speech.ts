import * as z from '../zod-mini';

/**
 * What the assistant says, as data: flows build it, the adapter renders it to its platform's SSML
 * (see ssml.ts). Text is stored unescaped; escaping happens once, at rendering.
 */
/** Digits with an optional leading "+", as STORE_SUPPORT_PHONE accepts them. */
export const TELEPHONE_NUMBER = /^\+?\d{3,15}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}-[A-Z]{2}$/;

export const SpeechPartSchema: z.ZodMiniType<SpeechPart> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal('text'), text: z.string() }),
    z.object({ kind: z.literal('pause'), ms: z.int().check(z.gte(0), z.lte(10_000)) }),
    z.object({ kind: z.literal('digits'), digits: z.string().check(z.regex(/^[0-9A-Za-z]+$/)) }),
    z.object({ kind: z.literal('date'), iso: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
    z.object({ kind: z.literal('cheerful'), parts: z.array(SpeechPartSchema) }),
    z.object({ kind: z.literal('telephone'), number: z.string().check(z.regex(TELEPHONE_NUMBER)) }),
    z.object({ kind: z.literal('foreign'), lang: z.string().check(z.regex(LANGUAGE_TAG)), text: z.string() }),
  ]),
);

export type SpeechPart =
  | { readonly kind: 'text'; readonly text: string }
  /** A short silence, e.g. between items of a spoken list. */
  | { readonly kind: 'pause'; readonly ms: number }
  /** Read character by character: order numbers, postcodes, last four digits. */
  | { readonly kind: 'digits'; readonly digits: string }
  /** A calendar day, YYYY-MM-DD, read as a date by the speech engine. */
  | { readonly kind: 'date'; readonly iso: string }
  /** A warmer delivery where the platform supports it (Alexa's emotion tag); plain elsewhere. */
  | { readonly kind: 'cheerful'; readonly parts: readonly SpeechPart[] }
  /** A telephone number, read in groups as people say phone numbers. */
  | { readonly kind: 'telephone'; readonly number: string }
  /** A name that stays in another language (an English brand in a German sentence), e.g. lang "en-US". */
  | { readonly kind: 'foreign'; readonly lang: string; readonly text: string };

export type Speech = readonly SpeechPart[];

export const text = (value: string): SpeechPart => ({ kind: 'text', text: value });
export const pause = (ms: number): SpeechPart => ({ kind: 'pause', ms });
export const digits = (value: string): SpeechPart => ({ kind: 'digits', digits: value });
export const date = (iso: string): SpeechPart => ({ kind: 'date', iso });
export const cheerful = (parts: Speech): SpeechPart => ({ kind: 'cheerful', parts });
export const telephone = (number: string): SpeechPart => ({ kind: 'telephone', number });
export const foreign = (lang: string, value: string): SpeechPart => ({ kind: 'foreign', lang, text: value });

/**
 * A phone number in the groups people read it in: "1-800-555-0199" for a North American number,
 * "+49 30 1234 5678"-style blocks of three and four otherwise.
 */
export function groupedTelephone(number: string): string {
  const plus = number.startsWith('+') ? '+' : '';
  const digitsOnly = number.replace(/\D/g, '');
  const northAmerican = /^1?(\d{3})(\d{3})(\d{4})$/.exec(digitsOnly);
  if (!plus && northAmerican) {
    const groups = northAmerican.slice(1).join('-');
    return digitsOnly.length === 11 ? `1-${groups}` : groups;
  }
  // Elsewhere: the last four together, the rest in threes from the front.
  const head = digitsOnly.slice(0, Math.max(0, digitsOnly.length - 4));
  const groups = head.match(/\d{1,3}/g) ?? [];
  return `${plus}${[...groups, digitsOnly.slice(head.length)].join(' ')}`;
}

/** Joins speech fragments into one utterance, separating them with a space. */
export function join(...fragments: Speech[]): Speech {
  const out: SpeechPart[] = [];
  for (const fragment of fragments) {
    if (fragment.length === 0) continue;
    if (out.length > 0) out.push(text(' '));
    out.push(...fragment);
  }
  return out;
}

/** The speech with its first letter in upper case, for a name that starts a sentence ("rain poncho" → "Rain poncho"). */
export function capitalized(speech: Speech, locale: string): Speech {
  // The first part that says something: a capital only when it is words (not digits or a date).
  const first = speech.findIndex((part) => part.kind !== 'pause' && !((part.kind === 'text' || part.kind === 'foreign') && part.text.trim() === ''));
  const part = speech[first];
  if (!part || (part.kind !== 'text' && part.kind !== 'foreign')) return speech;
  const start = part.text.search(/\S/);
  const upper = { ...part, text: part.text.slice(0, start) + part.text.charAt(start).toLocaleUpperCase(locale) + part.text.slice(start + 1) };
  return [...speech.slice(0, first), upper, ...speech.slice(first + 1)];
}

/** The words of a speech, without markup: for cards, display text and logs-free tests. */
export function plainText(speech: Speech): string {
  return speech
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'pause':
          return ' ';
        case 'digits':
          return part.digits;
        case 'date':
          return part.iso;
        case 'cheerful':
          return plainText(part.parts);
        case 'telephone':
          return groupedTelephone(part.number);
        case 'foreign':
          return part.text;
      }
    })
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!:;])/g, '$1')
    .trim();
}
