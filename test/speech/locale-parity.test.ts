import fs from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../lambda/speech/i18n';

const localesDir = path.join(__dirname, '../../lambda/speech/locales');

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(leaf, text);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

const messages = Object.fromEntries(
  LOCALES.map((locale) => [locale, leaves(JSON.parse(fs.readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')))]),
);

describe('response strings', () => {
  it('has a file for every supported locale and a locale for every file', () => {
    const files = fs.readdirSync(localesDir).map((file) => path.basename(file, '.json')).sort();
    expect(files).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en-US'))('%s has exactly the keys of en-US, with the same placeholders', (locale) => {
    const reference = messages['en-US']!;
    const other = messages[locale]!;
    expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of reference) {
      expect({ key, placeholders: placeholders(other.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it.each(LOCALES)('%s has no empty sentence', (locale) => {
    for (const [key, text] of messages[locale]!) {
      if (key.startsWith('list.')) continue;
      expect({ key, text: text.trim().length > 0 }).toEqual({ key, text: true });
    }
  });
});
