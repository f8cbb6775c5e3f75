import type { Language, NumberWords } from './language';

const union = <T>(first: readonly T[], second: readonly T[]): T[] => [...new Set([...first, ...second])];

function mixedNumbers(first: NumberWords, second: NumberWords): NumberWords {
  const splitters = [first.splitCompound, second.splitCompound].filter((split) => split !== undefined);
  return {
    units: { ...second.units, ...first.units },
    teens: { ...second.teens, ...first.teens },
    tens: { ...second.tens, ...first.tens },
    hundred: union(first.hundred, second.hundred),
    thousand: union(first.thousand, second.thousand),
    joiners: union(first.joiners, second.joiners),
    oneBeforeMultiplier: union(first.oneBeforeMultiplier, second.oneBeforeMultiplier),
    pair: union(first.pair ?? [], second.pair ?? []),
    ...(splitters.length > 0 ? { splitCompound: (word: string) => splitters.map((split) => split(word)).find((parts) => parts !== undefined) } : {}),
    ordinal: (word, cardinal) => first.ordinal(word, cardinal) ?? second.ordinal(word, cardinal),
  };
}

/**
 * The words of a shopper who speaks `first` and mixes in `second` ("dónde está my order"): every
 * word of both, `first`'s where the two read one word differently.
 */
export function mixedLanguage(first: Language, second: Language): Language {
  const { dates: a } = first;
  const { dates: b } = second;
  return {
    contractions: { ...second.contractions, ...first.contractions },
    elisions: union(first.elisions ?? [], second.elisions ?? []),
    contractionSuffixes: union(first.contractionSuffixes, second.contractionSuffixes),
    inflections: union(first.inflections, second.inflections),
    compounds: first.compounds,
    fillers: union(first.fillers, second.fillers),
    acknowledgements: union(first.acknowledgements, second.acknowledgements),
    articles: union(first.articles, second.articles),
    determiners: union(first.determiners, second.determiners),
    hedges: union(first.hedges, second.hedges),
    repairs: union(first.repairs, second.repairs),
    negations: union(first.negations, second.negations),
    prepositions: union(first.prepositions, second.prepositions),
    numbers: mixedNumbers(first.numbers, second.numbers),
    dates: {
      relativeDays: { ...b.relativeDays, ...a.relativeDays },
      weekdays: { ...b.weekdays, ...a.weekdays },
      months: { ...b.months, ...a.months },
      offsets: { ...b.offsets, ...a.offsets },
      periods: { ...b.periods, ...a.periods },
      present: union(a.present, b.present),
      one: union(a.one, b.one),
      vagueCounts: { ...b.vagueCounts, ...a.vagueCounts },
      relativePeriods: { ...b.relativePeriods, ...a.relativePeriods },
      ago: a.ago,
      fillers: union(a.fillers, b.fillers),
    },
  };
}
