import { espeakSeconds } from './espeak';
import type { FixedConstants } from './fit';
import type { Language } from './number-words';

/**
 * The pauses punctuation makes, measured directly: the same two phrases said run together, with a
 * comma between them and as two sentences (the second capitalized: espeak-ng takes a full stop
 * before a lower-case word for an abbreviation). The differences are the pauses; fitting them among the
 * words of whole replies would let them trade places with word costs.
 */

const PROBES: Readonly<Record<Language, readonly (readonly [string, string])[]>> = {
  en: [
    ['your order is on its way', 'It should arrive tomorrow'],
    ['I found three matches', 'Want to hear them'],
    ['the return is ready', 'Print the label at home'],
    ['that is two bags of coffee', 'Shall I place the order'],
  ],
  de: [
    ['Ihre Bestellung ist unterwegs', 'Sie sollte morgen ankommen'],
    ['ich habe drei Treffer gefunden', 'Möchten Sie sie hören'],
    ['die Rücksendung ist bereit', 'Drucken Sie das Etikett aus'],
    ['das wären zwei Beutel Kaffee', 'Soll ich bestellen'],
  ],
  fr: [
    ['votre commande est en route', 'Elle devrait arriver demain'],
    ["j'ai trouvé trois résultats", 'Voulez-vous les entendre'],
    ['le retour est prêt', "Imprimez l'étiquette chez vous"],
    ['cela fait deux paquets de café', 'Je passe la commande'],
  ],
  es: [
    ['su pedido está en camino', 'Debería llegar mañana'],
    ['encontré tres resultados', 'Quiere escucharlos'],
    ['la devolución está lista', 'Imprima la etiqueta en casa'],
    ['son dos bolsas de café', 'Hago el pedido'],
  ],
  it: [
    ['il suo ordine è in viaggio', 'Dovrebbe arrivare domani'],
    ['ho trovato tre risultati', 'Vuole sentirli'],
    ['il reso è pronto', "Stampi l'etichetta a casa"],
    ['sono due confezioni di caffè', "Faccio l'ordine"],
  ],
};

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT' };

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/** Clause and sentence pauses in beats (60 / words-per-minute seconds), averaged over probes and rates. */
export async function measurePauses(language: Language, ratesWpm: readonly number[], workDir: string): Promise<Required<Pick<FixedConstants, 'perClausePause' | 'perSentencePause'>>> {
  const clause: number[] = [];
  const sentence: number[] = [];
  let file = 0;
  for (const wordsPerMinute of ratesWpm) {
    const beat = 60 / wordsPerMinute;
    for (const [first, second] of PROBES[language]) {
      const say = (ssml: string) => espeakSeconds(ssml, { locale: LOCALES[language], wordsPerMinute, workDir, name: `probe-${language}-${(file += 1)}` });
      const together = await say(`<speak>${first} ${second}</speak>`);
      const comma = await say(`<speak>${first}, ${second}</speak>`);
      const twoSentences = await say(`<speak>${first}. ${second}.</speak>`);
      clause.push((comma - together) / beat);
      sentence.push((twoSentences - together) / beat);
    }
  }
  const round = (value: number) => Math.round(Math.max(0, value) * 1000) / 1000;
  return { perClausePause: round(mean(clause)), perSentencePause: round(mean(sentence)) };
}
