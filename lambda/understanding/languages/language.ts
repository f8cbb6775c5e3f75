/**
 * What the understanding needs to know about a language: how its words are written, how it says
 * numbers, and how it names days. Each language pack has one (`lambda/languages/<locale>/words.ts`).
 */
export interface Language {
  /** Whole words written as one that the models spell as two ("where's" → "where is"). */
  readonly contractions: Readonly<Record<string, string>>;
  /**
   * Elided words joined to the next by an apostrophe ("l'ordine", "j'ai", "qu'il"), split off and
   * expanded ("l'" → "le "), tried in order; spelled as the tokenizer folds them (no accents).
   */
  readonly elisions?: readonly (readonly [prefix: string, expansion: string])[];
  /** Apostrophe endings expanded on any word ("n't" → " not"), tried in order. */
  readonly contractionSuffixes: readonly (readonly [suffix: string, expansion: string])[];
  /** Endings a word may carry that do not change what it means here ("orders", "bestellungen"). */
  readonly inflections: readonly string[];
  /**
   * Nouns are compounded into one word whose last part says what it is ("Wanderrucksack" is a
   * rucksack): a word ending in a model's word counts as a looser form of it.
   */
  readonly compounds: boolean;
  /** Words that never carry a request ("please", "um"): they weigh almost nothing and fill no slot. */
  readonly fillers: readonly string[];
  /**
   * Words that only acknowledge what was said before ("okay", "alright"): alone they agree, before a
   * request they are not part of it ("okay stop" stops).
   */
  readonly acknowledgements: readonly string[];
  /** Articles, which a bare answer may carry ("a medium", "the boots") without saying more. */
  readonly articles: readonly string[];
  /** Words before a noun that free text may start with and does not need ("some", "any", "your"). */
  readonly determiners: readonly string[];
  /** Words around an answer that only soften it ("i think", "probably"); several words are written with spaces. */
  readonly hedges: readonly string[];
  /** Words that take back what came before them ("no wait", "i mean"): the answer is what follows. */
  readonly repairs: readonly string[];
  /** Words that rule out what follows them in an answer ("not"): the answer is what came before. */
  readonly negations: readonly string[];
  /** Words that are part of a change said after them: "for women", "under fifty" (see UnderstanderOptions.prepositionalSlots). */
  readonly prepositions: readonly string[];
  /**
   * Where a name runs on after the noun it lists ("chaussures de rando", "couverture lestée"): the
   * words that join the description to the noun, when they are not the prepositions (French "de"
   * is also an article), and whether a description may follow the noun with no joiner.
   */
  readonly describedAfterNoun?: { readonly joiners: readonly string[]; readonly bare: boolean };
  readonly numbers: NumberWords;
  readonly dates: DateWords;
}

export interface NumberWords {
  /** 0–9, including spoken variants such as "oh". */
  readonly units: Readonly<Record<string, number>>;
  /** 10–19; a word said as several is written with spaces ("dix sept"). */
  readonly teens: Readonly<Record<string, number>>;
  /** 20, 30, … 90; a word said as several is written with spaces ("quatre vingts"). */
  readonly tens: Readonly<Record<string, number>>;
  /** Tens that a teen counts on from, in languages that count by twenties: 60 and 80 in French ("soixante douze" 72). */
  readonly teensAfterTens?: readonly number[];
  readonly hundred: readonly string[];
  readonly thousand: readonly string[];
  /** Words that may join the parts of one number ("one hundred and four"). */
  readonly joiners: readonly string[];
  /** Words that mean one only before a hundred or a thousand ("a" in "a hundred"). */
  readonly oneBeforeMultiplier: readonly string[];
  /** Words that count two things when a count is asked for: "both", "a couple". */
  readonly pair?: readonly string[];
  /** Words that say the next digit again, by how many times it is said: "double" → 2 in "one oh double four" (1044). */
  readonly repeats?: Readonly<Record<string, number>>;
  /**
   * Splits a word that is a whole number written as one ("zweiundvierzig") into its parts;
   * languages that write numbers as separate words leave it out.
   */
  readonly splitCompound?: (word: string) => readonly string[] | undefined;
  /**
   * An ordinal written as one word ("third", "26th", "sechsundzwanzigsten") → its number;
   * `cardinal` reads one word as a cardinal number, for languages that build ordinals from them.
   */
  readonly ordinal: (word: string, cardinal: (word: string) => number | undefined) => number | undefined;
}

/** The month named by a word, 1–12. */
export type MonthWords = Readonly<Record<string, number>>;

export interface DateWords {
  /** "today" → 0, "tomorrow" → 1, "yesterday" → −1; several words are written with spaces. */
  readonly relativeDays: Readonly<Record<string, number>>;
  /** "monday" → 1 … "sunday" → 7 (ISO numbering). */
  readonly weekdays: Readonly<Record<string, number>>;
  readonly months: MonthWords;
  /** "last" → −1, "this" → 0, "next" → 1, in any grammatical form the language uses. */
  readonly offsets: Readonly<Record<string, -1 | 0 | 1>>;
  readonly periods: Readonly<Record<string, 'day' | 'week' | 'weekend' | 'month' | 'year'>>;
  /** "now". */
  readonly present: readonly string[];
  /** Words meaning "one" before a period: "a week ago", "vor einer Woche". */
  readonly one: readonly string[];
  /** Counts people give loosely: "a couple of weeks ago", "a few days ago", "vor ein paar Tagen". */
  readonly vagueCounts: Readonly<Record<string, number>>;
  /** Whole phrases naming a period before or after this one, without fillers: "week before last" → two weeks back. */
  readonly relativePeriods: Readonly<Record<string, { readonly unit: 'week' | 'weekend' | 'month'; readonly offset: number }>>;
  /** Words that name a day of the month said without its month ("el día veinte"), if the language has them. */
  readonly dayOfMonth?: readonly string[];
  /** The word that turns "three days" into the past: "ago" follows it, "vor" precedes it. */
  readonly ago: { readonly word: string; readonly position: 'before' | 'after' };
  /** Words a date may carry around it that say nothing here ("on", "the", "back in", "am", "den"). */
  readonly fillers: readonly string[];
}
