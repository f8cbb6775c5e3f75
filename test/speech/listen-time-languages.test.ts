import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCALES } from '../../lambda/languages/packs';
import { date, digits, text } from '../../lambda/speech/speech';
import { renderSsml } from '../../lambda/speech/ssml';
import { listenDistribution, renderDistribution } from '../../tools/listen-time/distribution';
import { espeakSsml, espeakVoice } from '../../tools/listen-time/espeak';
import { CALIBRATED, estimateListenTime, secondsFor, SPEAKING_RATE_WPM } from '../../tools/listen-time/estimate';
import { cardinalWords, dateWords, type Language, LANGUAGES, languageOf, ordinalWords } from '../../tools/listen-time/number-words';
import { spokenForm } from '../../tools/listen-time/spoken-form';
import { syllablesIn } from '../../tools/listen-time/syllables';
import { intentRequest } from '../support/alexa-envelopes';
import { webhookRequest } from '../support/google-requests';
import { expectWithinListenBudget, LISTEN_TIME_DIR_VARIABLE, type RecordedReply } from '../support/listen-time-budget';
import printListenTimes from '../support/listen-time.global-teardown';

const said = (ssml: string, locale: string) => spokenForm(ssml, locale).words.map((word) => word.text);
const syllables = (words: string, language: Language) => Object.fromEntries(words.split(' ').map((word) => [word, syllablesIn(word, language)]));

describe('listen-time number words in French, Spanish and Italian', () => {
  it('says cardinals as France says them, each hyphen a word', () => {
    expect(cardinalWords(97, 'fr')).toEqual(['quatre', 'vingt', 'dix', 'sept']);
    expect(cardinalWords(71, 'fr')).toEqual(['soixante', 'et', 'onze']);
    expect(cardinalWords(21, 'fr')).toEqual(['vingt', 'et', 'un']);
    expect(cardinalWords(81, 'fr')).toEqual(['quatre', 'vingt', 'un']);
    expect(cardinalWords(80, 'fr')).toEqual(['quatre', 'vingts']);
    expect(cardinalWords(80_000, 'fr')).toEqual(['quatre', 'vingt', 'mille']);
    expect(cardinalWords(200, 'fr')).toEqual(['deux', 'cents']);
    expect(cardinalWords(201, 'fr')).toEqual(['deux', 'cent', 'un']);
    expect(cardinalWords(1_000, 'fr')).toEqual(['mille']);
    expect(cardinalWords(2_026, 'fr')).toEqual(['deux', 'mille', 'vingt', 'six']);
    expect(cardinalWords(1_250_000_000, 'fr')).toEqual(['un', 'milliard', 'deux', 'cent', 'cinquante', 'millions']);
    expect(cardinalWords(-3, 'fr')).toEqual(['moins', 'trois']);
  });

  it('says Spanish cardinals as written: one word to twenty-nine, "y" after, "un" before a multiplier', () => {
    expect(cardinalWords(23, 'es')).toEqual(['veintitrés']);
    expect(cardinalWords(31, 'es')).toEqual(['treinta', 'y', 'uno']);
    expect(cardinalWords(100, 'es')).toEqual(['cien']);
    expect(cardinalWords(101, 'es')).toEqual(['ciento', 'uno']);
    expect(cardinalWords(500, 'es')).toEqual(['quinientos']);
    expect(cardinalWords(21_000, 'es')).toEqual(['veintiún', 'mil']);
    expect(cardinalWords(1_000_000, 'es')).toEqual(['un', 'millón']);
    expect(cardinalWords(31_000_000, 'es')).toEqual(['treinta', 'y', 'un', 'millones']);
    expect(cardinalWords(1_000_000_000, 'es')).toEqual(['mil', 'millones']);
  });

  it('says an Italian number below a million as one word, with the elisions a speaker makes', () => {
    expect(cardinalWords(120, 'it')).toEqual(['centoventi']);
    expect(cardinalWords(23, 'it')).toEqual(['ventitré']);
    expect(cardinalWords(3, 'it')).toEqual(['tre']);
    expect(cardinalWords(21, 'it')).toEqual(['ventuno']);
    expect(cardinalWords(38, 'it')).toEqual(['trentotto']);
    expect(cardinalWords(180, 'it')).toEqual(['centottanta']);
    expect(cardinalWords(2_026, 'it')).toEqual(['duemilaventisei']);
    expect(cardinalWords(21_000, 'it')).toEqual(['ventunmila']);
    expect(cardinalWords(1_000_000, 'it')).toEqual(['un', 'milione']);
    expect(cardinalWords(3_000_000_000, 'it')).toEqual(['tre', 'miliardi']);
  });

  it('says ordinals', () => {
    expect(ordinalWords(1, 'fr')).toEqual(['premier']);
    expect(ordinalWords(3, 'fr')).toEqual(['troisième']);
    expect(ordinalWords(21, 'fr')).toEqual(['vingt', 'et', 'unième']);
    expect(ordinalWords(80, 'fr')).toEqual(['quatre', 'vingtième']);
    expect(ordinalWords(9, 'fr')).toEqual(['neuvième']);
    expect(ordinalWords(13, 'es')).toEqual(['decimotercero']);
    expect(ordinalWords(25, 'es')).toEqual(['vigésimo', 'quinto']);
    expect(ordinalWords(11, 'it')).toEqual(['undicesimo']);
    expect(ordinalWords(23, 'it')).toEqual(['ventitreesimo']);
    expect(ordinalWords(26, 'it')).toEqual(['ventiseiesimo']);
  });

  it('says dates in each language, with its regional first of the month, and en-GB as Britain does', () => {
    const november25 = { month: 11, day: 25 };
    expect(dateWords(november25, 'fr-FR')).toEqual(['vingt', 'cinq', 'novembre']);
    expect(dateWords({ month: 5, day: 1 }, 'fr-FR')).toEqual(['premier', 'mai']);
    expect(dateWords(november25, 'es-ES')).toEqual(['veinticinco', 'de', 'noviembre']);
    expect(dateWords({ month: 5, day: 1, year: 2026 }, 'es-ES')).toEqual(['uno', 'de', 'mayo', 'de', 'dos', 'mil', 'veintiséis']);
    expect(dateWords({ month: 5, day: 1 }, 'es-US')).toEqual(['primero', 'de', 'mayo']);
    expect(dateWords({ month: 5, day: 1, year: 2026 }, 'it-IT')).toEqual(['primo', 'maggio', 'duemilaventisei']);
    expect(dateWords(november25, 'en-GB')).toEqual(['the', 'twenty', 'fifth', 'of', 'November']);
    expect(dateWords(november25, 'en-US')).toEqual(['November', 'twenty', 'fifth']);
    expect(dateWords({ month: 13, day: 1 }, 'fr-FR')).toBeUndefined();
  });

  it("reads the speech facade's dates, digits and spelled letters in the reply's language", () => {
    for (const dialect of ['alexa', 'google'] as const) {
      expect(said(renderSsml([text('Arrivée le'), date('2026-11-25')], dialect), 'fr-FR')).toEqual(['Arrivée', 'le', 'vingt', 'cinq', 'novembre']);
      expect(said(renderSsml([text('Llega el'), date('2026-11-01')], dialect), 'es-US')).toEqual(['Llega', 'el', 'primero', 'de', 'noviembre']);
      expect(said(renderSsml([text('Arriva il'), date('2026-11-25')], dialect), 'it-IT')).toEqual(['Arriva', 'il', 'venticinque', 'novembre']);
    }
    expect(said(renderSsml([digits('4207')], 'alexa'), 'fr-FR')).toEqual(['quatre', 'deux', 'zéro', 'sept']);
    expect(said(renderSsml([digits('4207')], 'alexa'), 'es-ES')).toEqual(['cuatro', 'dos', 'cero', 'siete']);
    expect(said(renderSsml([digits('4207')], 'alexa'), 'it-IT')).toEqual(['quattro', 'due', 'zero', 'sette']);
    // A letter is said by its name; a two-word name is still one spelled character.
    const spelled = spokenForm(`<speak><say-as interpret-as="characters">HWX</say-as></speak>`, 'es-ES');
    expect(spelled.words.map((word) => word.text)).toEqual(['hache', 'uve', 'doble', 'equis']);
    expect(spelled.features.spelled).toBe(3);
    expect(said(`<speak><say-as interpret-as="characters">JY</say-as></speak>`, 'it-IT')).toEqual(['i', 'lunga', 'ipsilon']);
    expect(said(`<speak><say-as interpret-as="characters">Y</say-as></speak>`, 'fr-FR')).toEqual(['i', 'grec']);
    expect(said(`<speak><say-as interpret-as="telephone">+33 1 23</say-as></speak>`, 'fr-FR')).toEqual(['plus', 'trois', 'trois', 'un', 'deux', 'trois']);
    expect(said(`<speak><say-as interpret-as="telephone">+34 9</say-as></speak>`, 'es-ES')).toEqual(['más', 'tres', 'cuatro', 'nueve']);
  });

  it('reads numbers in the notation of the locale, prices, written ordinals and symbols', () => {
    // France groups with a narrow no-break space; Spain writes a decimal comma, the United States' Spanish a point.
    expect(said('<speak>1\u202f250 articles</speak>', 'fr-FR')).toEqual(['mille', 'deux', 'cent', 'cinquante', 'articles']);
    expect(said('<speak>3,5 kilos</speak>', 'es-ES')).toEqual(['tres', 'coma', 'cinco', 'kilos']);
    expect(said('<speak>3.5 kilos</speak>', 'es-US')).toEqual(['tres', 'punto', 'cinco', 'kilos']);
    expect(said('<speak>1.250 artículos</speak>', 'es-ES')).toEqual(['mil', 'doscientos', 'cincuenta', 'artículos']);
    expect(said('<speak>$12.50</speak>', 'es-US')).toEqual(['doce', 'dólares', 'con', 'cincuenta', 'centavos']);
    expect(said('<speak>12 €</speak>', 'it-IT')).toEqual(['dodici', 'euro']);
    expect(said('<speak>moins 20 %, le 1er et le 2e</speak>', 'fr-FR')).toEqual(['moins', 'vingt', 'pour', 'cent', 'le', 'premier', 'et', 'le', 'deuxième']);
    expect(said('<speak>el 1.º y la 2.ª</speak>', 'es-ES')).toEqual(['el', 'primero', 'y', 'la', 'segundo']);
    expect(said('<speak>il 3º piano</speak>', 'it-IT')).toEqual(['il', 'terzo', 'piano']);
    expect(said('<speak>Ben &amp; Jerry</speak>', 'it-IT')).toEqual(['Ben', 'e', 'Jerry']);
  });
});

describe('listen-time syllables in French, Spanish and Italian', () => {
  it('leaves out the French silent endings, and keeps what is said', () => {
    expect(syllables("commande commandes arrivent coûtent quatre chaque le des moment souvent vraiment semaine livraison aujourd'hui", 'fr')).toEqual({
      commande: 2,
      commandes: 2,
      arrivent: 2,
      coûtent: 1,
      quatre: 1,
      chaque: 1,
      le: 1,
      des: 1,
      moment: 2,
      souvent: 2,
      vraiment: 2,
      semaine: 2,
      livraison: 3,
      "aujourd'hui": 3,
    });
    // é before another vowel, and a diaeresis, begin a syllable; a final "ée" is one.
    expect(syllables('réel créer idée journée naïf Noël', 'fr')).toEqual({ réel: 2, créer: 2, idée: 2, journée: 2, naïf: 2, Noël: 2 });
    expect(syllablesIn('voulez-vous', 'fr')).toBe(3);
  });

  it('glides Spanish weak vowels into their neighbours, but not an accented one nor two strong ones', () => {
    expect(syllables('bueno ciudad cuánto quiere devolución día país leer aeropuerto ahora hoy muy y que guía', 'es')).toEqual({
      bueno: 2,
      ciudad: 2,
      cuánto: 2,
      quiere: 2,
      devolución: 4,
      día: 2,
      país: 2,
      leer: 2,
      aeropuerto: 5,
      ahora: 3,
      hoy: 1,
      muy: 1,
      y: 1,
      que: 1,
      guía: 2,
    });
  });

  it('glides Italian i and u, softens "ci", "gi", "gli", and knows the common hiatus words', () => {
    expect(syllables("giorno figlio più già quando acqua paese ordine dell'ordine spedizione ventitré perché mio via", 'it')).toEqual({
      giorno: 2,
      figlio: 2,
      più: 1,
      già: 1,
      quando: 2,
      acqua: 2,
      paese: 3,
      ordine: 3,
      "dell'ordine": 4,
      spedizione: 4,
      ventitré: 3,
      perché: 2,
      mio: 2,
      via: 2,
    });
  });
});

describe('listen-time syllables across words', () => {
  it('runs a Spanish or Italian final vowel into the next word’s first vowel, but not a spelled digit nor another language', () => {
    const syllableCount = (sentence: string, locale: string) => spokenForm(`<speak>${sentence}</speak>`, locale).features.syllables;
    // "la etiqueta de envío": la-e, de-en run together; "de hoy": Spanish h is silent.
    expect(syllableCount('la etiqueta de envío', 'es-ES')).toBe(1 + 4 + 1 + 3 - 2);
    expect(syllableCount('de hoy', 'es-US')).toBe(1 + 1 - 1);
    expect(syllableCount('una etichetta', 'it-IT')).toBe(2 + 4 - 1);
    expect(syllableCount('la etiqueta. Envío', 'es-ES')).toBe(1 + 4 - 1 + 3);
    expect(syllableCount(`<say-as interpret-as="digits">84</say-as>`, 'es-ES')).toBe(2 + 2);
    expect(syllableCount('the other one', 'en-US')).toBe(1 + 2 + 1);
    expect(syllableCount('une autre', 'fr-FR')).toBe(1 + 1);
  });
});

describe('listen-time estimate per language', () => {
  it('knows the language of every locale a language pack speaks', () => {
    // A pack in a new language would otherwise be timed as English: give it tools/listen-time/languages/<language>.ts and calibrate it.
    const unknown = LOCALES.filter((locale) => languageOf(locale) !== locale.split('-')[0]);
    expect(unknown).toEqual([]);
  });

  it('knows every language the assistant speaks, and times any other as English', () => {
    expect(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'es-US', 'it-IT'].map(languageOf)).toEqual(['en', 'en', 'de', 'fr', 'es', 'es', 'it']);
    expect(languageOf('ja-JP')).toBe('en');
    expect(Object.keys(CALIBRATED).sort()).toEqual([...LANGUAGES].sort());
    // A locale timed as English reads its dates in English, not in its own month names.
    expect(said(renderSsml([date('2026-11-25')], 'alexa'), 'ja-JP')).toEqual(['November', 'twenty', 'fifth']);
  });

  it.each([
    ['fr-FR', 'fr', 'Votre commande arrive demain. Voulez-vous autre chose ?', 8, 12],
    ['es-US', 'es', 'Su pedido llega mañana. ¿Quiere algo más?', 7, 13],
    ['it-IT', 'it', 'Il suo ordine arriva domani. Vuole altro?', 7, 13],
  ] as const)('times a %s reply with its own language’s constants and syllables', (locale, language, sentence, words, syllableCount) => {
    const ssml = `<speak>${sentence}</speak>`;
    const estimate = estimateListenTime(ssml, { platform: 'alexa', locale });
    expect(estimate.words).toBe(words);
    expect(estimate.features.syllables).toBe(syllableCount);
    expect(estimate.features.sentencePauses).toBe(1);
    expect(estimate.seconds).toBeCloseTo(secondsFor(estimate.features, SPEAKING_RATE_WPM.alexa, CALIBRATED[language]), 10);
    expect(estimate.seconds).toBeGreaterThan(1.5);
    expect(estimate.seconds).toBeLessThan(6);
  });

  it("hands espeak-ng the platforms' readings in the reply's language, with the locale's voice", () => {
    const ssml = renderSsml([text('Commande'), digits('1042'), text('le'), date('2026-11-25')], 'alexa');
    expect(espeakSsml(ssml, 'fr-FR')).toBe('<speak>Commande <say-as interpret-as="characters">1042</say-as> le vingt cinq novembre</speak>');
    expect(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'es-US', 'it-IT'].map(espeakVoice)).toEqual(['en-us', 'en-gb', 'de', 'fr-fr', 'es', 'es-419', 'it']);
  });
});

describe('listen-time summary per locale', () => {
  const sample = (locale: string, seconds: number, words = 12) => ({ flow: 'returns', platform: 'alexa', locale, seconds, words });

  it('sums up every locale on its own and says whether the goal holds there', () => {
    const samples = [sample('fr-FR', 4), sample('fr-FR', 6), sample('es-US', 5), sample('es-US', 9), sample('es-US', 16, 40)];
    const { locales } = listenDistribution(samples);
    expect(locales.map(({ locale, replies, medianSeconds, withinGoalShare, overLimit }) => ({ locale, replies, medianSeconds, withinGoalShare, overLimit }))).toEqual([
      { locale: 'es-US', replies: 3, medianSeconds: 9, withinGoalShare: 0.333, overLimit: 1 },
      { locale: 'fr-FR', replies: 2, medianSeconds: 4, withinGoalShare: 1, overLimit: 0 },
    ]);
    const printed = renderDistribution(listenDistribution(samples)).split('\n');
    expect(printed).toContainEqual(expect.stringMatching(/^per locale\s+replies\s+median\s+≤ 8 s\s+median words\s+> 15 s\s+goal$/));
    expect(printed).toContainEqual(expect.stringMatching(/^es-US\s+3\s+9\.0 s\s+33%\s+12\s+1\s+not met yet$/));
    expect(printed).toContainEqual(expect.stringMatching(/^fr-FR\s+2\s+4\.0 s\s+100%\s+12\s+0\s+met$/));
  });

  describe('as the test run records and prints it', () => {
    let runDir: string | undefined;
    let dir: string;
    beforeEach(() => {
      runDir = process.env[LISTEN_TIME_DIR_VARIABLE];
      dir = mkdtempSync(path.join(os.tmpdir(), 'listen-time-languages-'));
      process.env[LISTEN_TIME_DIR_VARIABLE] = dir;
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
      if (runDir === undefined) delete process.env[LISTEN_TIME_DIR_VARIABLE];
      else process.env[LISTEN_TIME_DIR_VARIABLE] = runDir;
    });

    it('records a reply with the locale of the request that asked for it, timed in that language', () => {
      const french = '<speak>Votre commande arrive demain.</speak>';
      expectWithinListenBudget('alexa', intentRequest('AMAZON.HelpIntent', {}, { locale: 'fr-FR' }), { ssml: french, text: 'Votre commande arrive demain.', state: undefined });
      const spanish = '<speak>Su pedido llega mañana.</speak>';
      expectWithinListenBudget('google', webhookRequest('HelpIntent', {}, { locale: 'es-US' }), { ssml: spanish, text: 'Su pedido llega mañana.', state: undefined });
      const recorded = readdirSync(dir).flatMap((file) =>
        readFileSync(path.join(dir, file), 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as RecordedReply),
      );
      expect(recorded.map((reply) => [reply.platform, reply.locale])).toEqual([
        ['alexa', 'fr-FR'],
        ['google', 'es-US'],
      ]);
      expect(recorded[0]!.seconds).toBeCloseTo(estimateListenTime(french, { platform: 'alexa', locale: 'fr-FR' }).seconds, 10);
      expect(recorded[1]!.seconds).toBeCloseTo(estimateListenTime(spanish, { platform: 'google', locale: 'es-US' }).seconds, 10);
    });

    it('prints a line per locale after the run', () => {
      const reply = (locale: string, seconds: number): RecordedReply => ({ ...sample(locale, seconds), store: 'embedded', testFile: 'test/x.test.ts', text: 'words' });
      const lines = [reply('it-IT', 3), reply('it-IT', 5), reply('de-DE', 7), reply('de-DE', 12)].map((line) => JSON.stringify(line));
      writeFileSync(path.join(dir, '1.jsonl'), `${lines.join('\n')}\n`);
      const written: string[] = [];
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      try {
        printListenTimes();
      } finally {
        write.mockRestore();
      }
      const printed = written.join('').split('\n');
      expect(printed).toContainEqual(expect.stringMatching(/^de-DE\s+2\s+7\.0 s\s+50%\s+12\s+0\s+not met yet$/));
      expect(printed).toContainEqual(expect.stringMatching(/^it-IT\s+2\s+3\.0 s\s+100%\s+12\s+0\s+met$/));
    });
  });
});
