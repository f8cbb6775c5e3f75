import type { Language } from '../../understanding/languages/language';

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90,
};

export const ENGLISH: Language = {
  contractions: {
    "won't": 'will not', "can't": 'can not', "shan't": 'shall not', "ain't": 'is not', "let's": 'let us',
    "where's": 'where is', "what's": 'what is', "who's": 'who is', "how's": 'how is', "when's": 'when is',
    "why's": 'why is', "that's": 'that is', "it's": 'it is', "there's": 'there is', "here's": 'here is',
    "he's": 'he is', "she's": 'she is',
    // Typed without the apostrophe.
    wheres: 'where is', whats: 'what is', thats: 'that is', dont: 'do not', doesnt: 'does not', didnt: 'did not',
    hasnt: 'has not', havent: 'have not', isnt: 'is not', arent: 'are not', cant: 'can not', wont: 'will not',
    im: 'i am', ive: 'i have', youre: 'you are', theyre: 'they are', wasnt: 'was not', werent: 'were not',
    wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not',
    // Said as one word.
    wanna: 'want to', gonna: 'going to', gotta: 'got to', lemme: 'let me', gimme: 'give me',
  },
  contractionSuffixes: [
    ["n't", ' not'],
    ["'m", ' am'],
    ["'re", ' are'],
    ["'ll", ' will'],
    ["'ve", ' have'],
    ["'d", ' would'],
  ],
  compounds: false,
  inflections: ['ing', 'ed', 'es', 's'],
  fillers: ['please', 'um', 'uh', 'er', 'hmm', 'hey', 'hi', 'hello', 'so', 'well', 'just', 'really', 'actually', 'kindly', 'guys', 'alexa', 'google'],
  acknowledgements: ['okay', 'ok', 'alright', 'all right'],
  articles: ['a', 'an', 'the'],
  determiners: ['some', 'any', 'your'],
  hedges: [
    'i think', 'i guess', 'i suppose', 'i believe', 'i would say', 'i would like', 'i will take', 'i will go with',
    'let us say', 'maybe', 'probably', 'perhaps', 'i want', 'i need', 'go with', 'make it', 'thanks', 'thank you',
    'please', 'then', 'for now', 'i reckon', 'like', 'kind of', 'sort of',
  ],
  repairs: ['no wait', 'no sorry', 'no actually', 'no make that', 'no make it', 'make that', 'sorry', 'i mean', 'i meant', 'actually', 'wait', 'or rather', 'rather', 'no'],
  negations: ['not', 'but not', 'and not'],
  prepositions: ['for', 'under', 'below', 'over', 'above', 'around', 'about', 'without'],
  numbers: {
    units: { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 },
    teens: {
      ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
      eighteen: 18, nineteen: 19,
    },
    tens: { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 },
    hundred: ['hundred'],
    thousand: ['thousand', 'grand'],
    joiners: ['and'],
    oneBeforeMultiplier: ['a'],
    pair: ['both', 'a couple', 'couple', 'a pair'],
    ordinal(word) {
      const written = /^(\d+)(st|nd|rd|th)$/.exec(word);
      return written ? Number(written[1]) : ORDINALS[word];
    },
  },
  dates: {
    relativeDays: {
      today: 0, tonight: 0, tomorrow: 1, yesterday: -1,
      'the day after tomorrow': 2, 'day after tomorrow': 2, 'the day before yesterday': -2, 'day before yesterday': -2,
    },
    weekdays: { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 },
    months: {
      january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
      july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
      nov: 11, december: 12, dec: 12,
    },
    offsets: { last: -1, previous: -1, past: -1, this: 0, current: 0, next: 1, coming: 1 },
    periods: { day: 'day', days: 'day', week: 'week', weeks: 'week', weekend: 'weekend', month: 'month', months: 'month', year: 'year', years: 'year' },
    present: ['now', 'right now'],
    one: ['a', 'an', 'one'],
    vagueCounts: { couple: 2, few: 3 },
    relativePeriods: { 'week before last': { unit: 'week', offset: -2 }, 'month before last': { unit: 'month', offset: -2 } },
    ago: { word: 'ago', position: 'after' },
    fillers: ['on', 'the', 'of', 'in', 'at', 'from', 'since', 'over', 'back', 'early', 'late', 'around', 'about', 'sometime', 'like'],
  },
};
