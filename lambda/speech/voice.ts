import type { Money } from '../commerce/ports';
import { hasMessage, type MessageKey, type SupportedLocale, supportedLocale, translator, type Translate } from './i18n';
import { date, digits, foreign, pause, type Speech, type SpeechPart, telephone, text } from './speech';

export type MessageValues = Readonly<Record<string, string | number | Speech>>;

const LIST_PAUSE_MS = 250;
/** Instants whose calendar day a Voice keeps; past this, it starts afresh. */
const CALENDAR_DAYS_KEPT = 1024;
const SPEECH_SLOT = '\u0001';
const LIST_SEPARATORS = {
  and: { pair: 'list.pairSeparator', final: 'list.finalSeparator' },
  or: { pair: 'list.orPairSeparator', final: 'list.orFinalSeparator' },
} as const satisfies Record<string, { pair: MessageKey; final: MessageKey }>;

/**
 * How the assistant sounds in one locale: every sentence comes from locales/, and numbers,
 * money, days and lists are formatted for the ear.
 */
export class Voice {
  readonly locale: SupportedLocale;
  private readonly t: Translate;
  private readonly dayOf: Intl.DateTimeFormat;
  private readonly weekdayOf: Intl.DateTimeFormat;
  /** Made the first time a screen asks for one: few turns do. */
  private shortDayOf: Intl.DateTimeFormat | undefined;

  constructor(
    locale: string,
    readonly timeZone: string,
  ) {
    this.locale = supportedLocale(locale);
    this.t = translator(this.locale);
    // en-CA formats a day as YYYY-MM-DD, which is what comparisons and say-as need.
    this.dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.weekdayOf = new Intl.DateTimeFormat(this.locale, { timeZone, weekday: 'long' });
  }

  /** A message as speech; values may themselves be speech (digits, dates, lists). */
  say(key: MessageKey, values: MessageValues = {}): Speech {
    const plain: Record<string, string | number> = {};
    const spoken: Speech[] = [];
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' || typeof value === 'number') {
        plain[name] = value;
      } else {
        plain[name] = `${SPEECH_SLOT}${spoken.length}${SPEECH_SLOT}`;
        spoken.push(value);
      }
    }
    const message = this.t(key, plain);
    const parts: SpeechPart[] = [];
    message.split(SPEECH_SLOT).forEach((piece, index) => {
      // Odd pieces are the indexes of speech values placed by the sentinel above.
      if (index % 2 === 1) parts.push(...(spoken[Number(piece)] ?? []));
      else if (piece.length > 0) parts.push(text(piece));
    });
    return parts;
  }

  /** A message as plain text, for cards and suggestion chips. */
  line(key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
    return this.t(key, values);
  }

  /**
   * A price as people say it, in the locale's currency words: "12 dollars", "12 dollars 50",
   * "50 cents". Cents under ten keep their unit ("12 dollars and 5 cents"): "12 dollars 5" would
   * be heard as fifty.
   */
  money(amount: Money): Speech {
    const whole = Math.trunc(amount.minor / 100);
    const cents = Math.abs(amount.minor % 100);
    const unit = this.t(`currency.${amount.currency}.major` as MessageKey, { count: whole });
    if (cents === 0) return this.say('money.whole', { whole, unit });
    const centUnit = this.t(`currency.${amount.currency}.minor` as MessageKey, { count: cents });
    if (whole === 0) return this.say('money.centsOnly', { cents, centUnit });
    return this.say(cents < 10 ? 'money.withFewCents' : 'money.withCents', { whole, unit, cents, centUnit });
  }

  /** Order numbers, tracking digits and the like, read one character at a time. */
  digits(value: string): Speech {
    return [digits(value.replace(/[^0-9A-Za-z]/g, ''))];
  }

  /**
   * A reference the store made up (a return's number): all digits, read one at a time like an order
   * number; otherwise its runs of digits read so and its letters said one by one, the punctuation
   * between them left out: Shopify's "#1001-R1" is "1001 R 1".
   */
  reference(value: string): Speech {
    const runs = value.match(/\d+|[A-Za-z]+/g) ?? [];
    if (runs.length <= 1 && !/[A-Za-z]/.test(value)) return this.digits(value);
    return runs.flatMap((run, index) => [...(index > 0 ? [text(' ')] : []), /^\d/.test(run) ? digits(run) : text([...run].join(' '))]);
  }

  /**
   * What a product or order line is called aloud. A name that stays in another language (the
   * catalog's, when the store has no name in the shopper's) is marked so it is said in that language.
   */
  name(item: { readonly spokenName: string; readonly spokenNameLang?: string }): Speech {
    return item.spokenNameLang === undefined ? [text(item.spokenName)] : this.inLanguage(item.spokenName, item.spokenNameLang);
  }

  /**
   * Text written in `lang` (a catalog's brand or description, e.g. "en-US"): marked as that
   * language when the shopper speaks another, so it is pronounced as written.
   */
  inLanguage(value: string, lang: string): Speech {
    return [lang.split('-')[0] !== this.locale.split('-')[0] ? foreign(lang, value) : text(value)];
  }

  /** A size as the locale says it: "Doppelbett" for a queen bed in German; letters and numbers as they are. */
  sizeName(size: string): string {
    const key = `sizeNames.${size.toLowerCase()}`;
    return hasMessage(this.locale, key) ? this.t(key as MessageKey) : size;
  }

  /** A phone number, read in groups ("1-800-555-0199"), never as eleven single digits. */
  telephone(number: string): Speech {
    return [telephone(number.replace(/[^0-9+]/g, ''))];
  }

  /** Days already worked out, by instant: a turn asks about the same few order dates again and again, and formatting one is costly. */
  private readonly calendarDays = new Map<number, string>();

  /** The calendar day in the store's time zone, YYYY-MM-DD. */
  calendarDay(instant: Date): string {
    const at = instant.getTime();
    let day = this.calendarDays.get(at);
    if (day === undefined) {
      day = this.dayOf.format(instant);
      if (this.calendarDays.size >= CALENDAR_DAYS_KEPT) this.calendarDays.clear();
      this.calendarDays.set(at, day);
    }
    return day;
  }

  /** A day relative to now: "today", "tomorrow", "on Tuesday", or a date. */
  day(instant: Date, now: Date): Speech {
    const target = this.calendarDay(instant);
    const offset = Math.round((Date.parse(target) - Date.parse(this.calendarDay(now))) / 86_400_000);
    if (offset === 0) return this.say('day.today');
    if (offset === 1) return this.say('day.tomorrow');
    if (offset === -1) return this.say('day.yesterday');
    if (Math.abs(offset) < 7) return this.say('day.onWeekday', { weekday: this.weekdayOf.format(instant) });
    return this.say('day.onDate', { date: [date(target)] });
  }

  /** "Thu, Nov 28" in the shopper's language and the store's calendar, as a screen's list rows show a day. */
  shortDay(instant: Date): string {
    this.shortDayOf ??= new Intl.DateTimeFormat(this.locale, { timeZone: this.timeZone, weekday: 'short', month: 'short', day: 'numeric' });
    return this.shortDayOf.format(instant);
  }

  /** Days from `from` to `to` in the store's calendar (negative when `to` is earlier). */
  daysBetween(from: Date, to: Date): number {
    return Math.round((Date.parse(this.calendarDay(to)) - Date.parse(this.calendarDay(from))) / 86_400_000);
  }

  /** "A, B, and C" (or "A, B, or C") with short pauses, so a list is easy to follow by ear. */
  list(items: readonly Speech[], conjunction: 'and' | 'or' = 'and'): Speech {
    const keys = LIST_SEPARATORS[conjunction];
    if (items.length <= 1) return items[0] ?? [];
    if (items.length === 2) return [...items[0]!, pause(LIST_PAUSE_MS), text(this.t(keys.pair)), ...items[1]!];
    const out: SpeechPart[] = [];
    items.forEach((item, index) => {
      if (index > 0) {
        const last = index === items.length - 1;
        out.push(text(this.t(last ? keys.final : 'list.separator')), pause(LIST_PAUSE_MS));
      }
      out.push(...item);
    });
    return out;
  }
}

const voices = new Map<string, Voice>();

/**
 * The Voice for a locale and time zone, built once: its formatters are costly to create and a
 * Voice holds no per-turn state.
 */
export function voiceFor(locale: string, timeZone: string): Voice {
  // Keyed by the supported locale, never the raw request value, so the cache stays small.
  const key = `${supportedLocale(locale)}|${timeZone}`;
  let voice = voices.get(key);
  if (!voice) {
    voice = new Voice(locale, timeZone);
    voices.set(key, voice);
  }
  return voice;
}
