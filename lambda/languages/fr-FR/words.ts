import type { Language } from '../../understanding/languages/language';

// Spelled as the tokenizer leaves them: lowercase, accents dropped ("deuxième" → "deuxieme"), elided
// words split off and expanded ("l'article" → "le article", "s'il" → "si il").

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  premier: 1, premiere: 1, premiers: 1, premieres: 1, second: 2, seconde: 2, seconds: 2, secondes: 2,
};

/** "3e", "1er", "2ème", "1re" as typed. */
const WRITTEN_ORDINAL = /^(\d+)(?:er|re|ere|e|eme|ieme|nd|nde)s?$/;

/**
 * "deuxième", "quatrième", "cinquième", "neuvième": the cardinal with "ième", its last "e" dropped
 * ("quatre"), a "u" added ("cinq") or its "f" turned to "v" ("neuf").
 */
function ordinal(said: string, cardinal: (word: string) => number | undefined): number | undefined {
  const word = said.normalize('NFD').replace(/\p{M}/gu, '');
  const written = WRITTEN_ORDINAL.exec(word);
  if (written) return Number(written[1]);
  const named = ORDINAL_WORDS[word];
  if (named !== undefined) return named;
  const stem = /^(.+?)iemes?$/.exec(word)?.[1];
  if (stem === undefined) return undefined;
  return (
    cardinal(stem) ??
    cardinal(`${stem}e`) ??
    (stem.endsWith('qu') ? cardinal(stem.slice(0, -1)) : undefined) ??
    (stem.endsWith('v') ? cardinal(`${stem.slice(0, -1)}f`) : undefined)
  );
}

export const FRENCH: Language = {
  contractions: {
    "aujourd'hui": 'aujourdhui', "s'il": 'si il', "s'ils": 'si ils', "t'as": 'tu as', "t'es": 'tu es', "t'avais": 'tu avais',
    "y'a": 'il y a', ya: 'il y a', chuis: 'je suis', "j'suis": 'je suis', stp: 'si il te plait', svp: 'si il vous plait',
  },
  // "jusqu'à", "lorsqu'il" and "puisqu'on" lose their apostrophe like "qu'il": the whole word comes back.
  elisions: [
    ["jusqu'", 'jusque '], ["lorsqu'", 'lorsque '], ["puisqu'", 'puisque '], ["qu'", 'que '], ["l'", 'le '], ["j'", 'je '],
    ["d'", 'de '], ["n'", 'ne '], ["s'", 'se '], ["c'", 'ce '], ["m'", 'me '], ["t'", 'te '],
  ],
  contractionSuffixes: [],
  compounds: false,
  // Longest first, so "arrivées", "arrivée", "arrivé" and "arriver" all come down to "arriv", "dernière" and "dernier" to "derni".
  inflections: ['ees', 'ee', 'eres', 'ere', 'es', 'ent', 'ers', 'er', 'ez', 'e', 's', 'x'],
  // "plait" of "s'il vous plaît": the words before it are requests' words too, it alone says nothing.
  fillers: [
    'euh', 'heu', 'hum', 'hmm', 'bah', 'ben', 'bof', 'bon', 'plait', 'alors', 'donc', 'bref', 'voila', 'juste', 'vraiment', 'franchement',
    'genre', 'bonjour', 'salut', 'coucou', 'allo', 'alexa', 'google',
  ],
  acknowledgements: ['ok', 'okay', 'de accord', 'tres bien', 'entendu', 'bon'],
  articles: ['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux'],
  determiners: ['vos', 'votre', 'tes', 'ton', 'ta', 'quelques', 'certains', 'certaines'],
  hedges: [
    // Not "je prends": taking one of the results is buying it.
    'je pense', 'je crois', 'je dirais', 'je suppose', 'il me semble', 'je voudrais', 'je veux', 'on va dire', 'disons', 'ce sera',
    'ca sera', 'peut etre', 'probablement', 'sans doute', 'plutot',
    'merci', 'merci bien', 'si il vous plait', 'si il te plait', 'du coup', 'en fait', 'un peu', 'a peu pres', 'mettez', 'mets',
  ],
  repairs: [
    'euh non pardon', 'euh pardon', 'euh non attends', 'ah non pardon', 'oh pardon', 'non attendez', 'non attends', 'non pardon',
    'non desole', 'non en fait', 'non plutot', 'ou plutot', 'euh non', 'non non',
    'pardon', 'je veux dire', 'je voulais dire', 'enfin', 'en fait', 'attendez', 'attends', 'plutot', 'non',
  ],
  // "pas" alone would cut every "ne … pas" ("ça ne marche pas"): only a contrast rules out what follows.
  negations: ['mais pas', 'et pas', 'non pas', 'pas le', 'pas la', 'pas les', 'pas celui', 'pas celle', 'pas ceux', 'pas celles', 'plutot que'],
  prepositions: ['pour', 'sous', 'sans', 'moins', 'plus', 'environ', 'autour'],
  // What describes a thing follows it: "chaussures de rando", "cafetière à piston", "couverture lestée".
  describedAfterNoun: { joiners: ['de', 'du', 'des', 'a', 'au', 'aux', 'en', 'pour'], bare: true },
  numbers: {
    units: { zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 },
    teens: {
      dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix sept': 17, 'dix huit': 18, 'dix neuf': 19,
    },
    // Belgian and Swiss French say seventy, eighty and ninety in one word.
    tens: {
      vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, 'quatre vingt': 80, 'quatre vingts': 80, septante: 70,
      huitante: 80, octante: 80, nonante: 90,
    },
    // "soixante dix" 70, "soixante et onze" 71, "quatre vingt douze" 92.
    teensAfterTens: [60, 80],
    hundred: ['cent', 'cents'],
    thousand: ['mille'],
    // "vingt et un", "soixante et onze".
    joiners: ['et'],
    // "un" is a unit already: "un cent" is not said, "cent" alone is a hundred.
    oneBeforeMultiplier: [],
    pair: ['les deux', 'tous les deux', 'toutes les deux', 'la paire'],
    ordinal,
  },
  dates: {
    relativeDays: {
      aujourdhui: 0, 'ce matin': 0, 'ce soir': 0, hier: -1, 'hier soir': -1, 'hier matin': -1, demain: 1, 'avant hier': -2,
      'apres demain': 2,
    },
    weekdays: { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7 },
    // No "sept" for September: it is seven.
    months: {
      janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, aout: 8,
      septembre: 9, octobre: 10, oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
    },
    // Said after the day or period as often as before it: "lundi dernier", "la semaine dernière", "cette semaine".
    offsets: {
      dernier: -1, derniere: -1, derniers: -1, dernieres: -1, passe: -1, passee: -1, passes: -1, passees: -1, precedent: -1,
      precedente: -1, ce: 0, cet: 0, cette: 0, prochain: 1, prochaine: 1, prochains: 1, prochaines: 1,
    },
    periods: {
      jour: 'day', jours: 'day', semaine: 'week', semaines: 'week', weekend: 'weekend', weekends: 'weekend', mois: 'month',
      an: 'year', ans: 'year', annee: 'year', annees: 'year',
    },
    present: ['maintenant', 'en ce moment', 'actuellement'],
    one: ['un', 'une'],
    vagueCounts: { quelques: 3, plusieurs: 3, 'deux trois': 3, dizaine: 10, quinzaine: 15 },
    // "Week-end" is two words to the tokenizer; looking back from a weekday, it is the one just gone.
    relativePeriods: {
      'week end': { unit: 'weekend', offset: -1 }, 'ce week end': { unit: 'weekend', offset: -1 },
      'week end dernier': { unit: 'weekend', offset: -1 }, 'dernier week end': { unit: 'weekend', offset: -1 },
      'week end passe': { unit: 'weekend', offset: -1 }, 'avant derniere semaine': { unit: 'week', offset: -2 },
      'avant dernier mois': { unit: 'month', offset: -2 },
      // "Huit jours" is a week and "quinze jours" two, as the French count them.
      'a huit jours': { unit: 'week', offset: -1 }, 'a quinze jours': { unit: 'week', offset: -2 },
      'a une quinzaine de jours': { unit: 'week', offset: -2 },
    },
    // "il y a trois jours": "il" and "y" are fillers here, "a" marks the past.
    ago: { word: 'a', position: 'before' },
    fillers: ['le', 'la', 'les', 'en', 'au', 'du', 'de', 'des', 'il', 'y', 'vers', 'environ', 'debut', 'fin', 'mi', 'courant', 'depuis', 'pendant'],
  },
};
