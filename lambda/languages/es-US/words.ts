import type { Language } from '../../understanding/languages/language';
import { SPANISH } from '../es-ES/words';

// Spelled as the tokenizer leaves them: accents dropped ("está" → "esta", "mañana" → "manana").

/**
 * Spanish as shoppers speak it in the United States: Spain's Spanish words, plus what Mexican,
 * Central American and Caribbean Spanish add (fillers such as "este", "órale" for yes, "antier",
 * "ahorita", "el weekend"). English said inside Spanish ("dónde está my order") is read by pairing
 * this language with en-US's words (the pack's `mixesWith`).
 */
export const US_SPANISH: Language = {
  ...SPANISH,
  contractions: {
    ...SPANISH.contractions,
    // Said or typed shortened: "pa' correr", "pos sí", "xq no me queda".
    pa: 'para', pal: 'para el', pos: 'pues', q: 'que', k: 'que', xq: 'porque', pq: 'porque', ntp: 'no te preocupes',
  },
  fillers: [...SPANISH.fillers, 'este', 'ey', 'ay', 'ah', 'uh', 'um', 'fijate', 'fijese', 'oye'],
  acknowledgements: [...SPANISH.acknowledgements, 'okey', 'oki', 'orale', 'andale', 'sale', 'dale', 'listo', 'esta bien', 'ah ok'],
  determiners: [...SPANISH.determiners, 'mi', 'mis', 'ese', 'esa', 'esos', 'esas', 'esta', 'estos', 'estas', 'otro', 'otra', 'otros', 'otras'],
  hedges: [
    ...SPANISH.hedges,
    'yo creo', 'yo creo que', 'me imagino que', 'la neta', 'ahorita', 'nomas', 'nada mas', 'solo', 'solamente', 'mas bien',
    'me da', 'me das', 'sera',
  ],
  // A change "para mujer" keeps its "para"; "de piel" is "piel", as "in blue" is "blue".
  prepositions: SPANISH.prepositions.filter((word) => word !== 'de'),
  // "tenis para correr", "café de Colombia", "chamarra negra": what describes a thing follows it.
  describedAfterNoun: { joiners: ['de', 'para', 'con', 'sin'], bare: true },
  repairs: ['no esperate', 'no espereme', 'esperate', 'espereme', 'bueno no', 'no mas bien', ...SPANISH.repairs],
  dates: {
    ...SPANISH.dates,
    relativeDays: { ...SPANISH.dates.relativeDays, antenoche: -2, anteanoche: -2 },
    periods: { ...SPANISH.dates.periods, weekend: 'weekend' },
    relativePeriods: {
      ...SPANISH.dates.relativePeriods,
      // Shoppers name a weekend to say when something came: "el fin de semana" is the last one.
      'fin de semana': { unit: 'weekend', offset: -1 },
      'fin de semana antepasado': { unit: 'weekend', offset: -2 },
      // "La otra semana" is the one before this, as people use it for the recent past.
      'otra semana': { unit: 'week', offset: -1 },
    },
    // "Ya" is "already" far more often than "now": "ya no carga" names no date.
    present: SPANISH.dates.present.filter((word) => word !== 'ya'),
  },
};
