import i18next from 'i18next';
import { PACKS } from '../../lambda/languages/packs';
import { hasMessage, LOCALES, type MessageKey, translator } from '../../lambda/speech/i18n';

/**
 * The compiled message templates say exactly what i18next said with the settings Shopvoice used
 * (en-US fallback, no escaping): every message of every locale, with its values, without them,
 * and in every plural form. i18next is kept as a development dependency for this comparison only.
 */

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(PACKS).map(([locale, pack]) => [locale, { translation: pack.messages() }])),
  lng: 'en-US',
  fallbackLng: 'en-US',
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([name, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${name}`, value]] : leaves(value as object, `${prefix}${name}.`),
  );
}

const texts = Object.values(PACKS).flatMap((pack) => leaves(pack.messages()));
/** Every key a caller can say: plural forms by their base name. */
const keys = [...new Set(texts.map(([key]) => key.replace(PLURAL_SUFFIX, '')))].sort();
const pluralKeys = new Set(texts.filter(([key]) => PLURAL_SUFFIX.test(key)).map(([key]) => key.replace(PLURAL_SUFFIX, '')));

/** A value for every placeholder any form of the key has, with characters SSML and i18next care about. */
function valuesFor(key: string): Record<string, string> {
  const names = texts.filter(([candidate]) => candidate.replace(PLURAL_SUFFIX, '') === key).flatMap(([, text]) => [...text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((match) => match[1]!));
  return Object.fromEntries(names.map((name) => [name, `<${name}> & "${name}"`]));
}

describe.each(LOCALES)('the compiled messages in %s', (locale) => {
  const say = translator(locale);
  const reference = i18n.getFixedT(locale);

  it('say every message as i18next did, with its values and without them', () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      const values = valuesFor(key);
      expect([key, say(key as MessageKey, values)]).toEqual([key, reference(key, values)]);
      expect([key, say(key as MessageKey)]).toEqual([key, reference(key, {})]);
    }
  });

  it('pick the same plural form for every count', () => {
    expect(pluralKeys.size).toBeGreaterThan(5);
    for (const key of pluralKeys) {
      for (const count of [0, 1, 2, 5, 21, 1.5]) {
        const values = { ...valuesFor(key), count };
        expect([key, count, say(key as MessageKey, values)]).toEqual([key, count, reference(key, values)]);
      }
    }
  });

  it('know which messages the locale has itself, and read an unknown key as itself', () => {
    for (const key of [...keys, ...texts.map(([text]) => text), 'orderStatus.noSuchMessage']) {
      expect([key, hasMessage(locale, key)]).toEqual([key, i18n.exists(key, { lng: locale, fallbackLng: false })]);
    }
    expect(say('orderStatus.noSuchMessage' as MessageKey)).toBe(reference('orderStatus.noSuchMessage'));
  });
});

it('put values in as they are, never reading them as placeholders or message references', () => {
  const key = 'orderStatus.itemNotFound' as MessageKey;
  expect(translator('en-US')(key, { item: '{{item}} $t(orderStatus.notFound)' })).toContain('{{item}} $t(orderStatus.notFound)');
});
