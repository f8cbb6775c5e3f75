import fs from 'node:fs';
import path from 'node:path';
import { generate } from '../../interaction-models/generate';
import { SOURCE_DIR, SourceError, parseLocale, parseProject } from '../../interaction-models/lib/load';
import { removeDir, temporaryDir } from './support';

const english = fs.readFileSync(path.join(SOURCE_DIR, 'locales', 'en-US.yaml'), 'utf8');

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof SourceError) return error.problems;
    throw error;
  }
  return [];
}

describe('loading the source', () => {
  it('reads the committed project and locales', () => {
    expect(problemsOf(() => parseProject('project.yaml', fs.readFileSync(path.join(SOURCE_DIR, 'project.yaml'), 'utf8')))).toEqual([]);
    expect(problemsOf(() => parseLocale('locales/en-US.yaml', english))).toEqual([]);
  });

  it('names the file and field of a schema mistake', () => {
    const broken = english
      .replace('fallbackIntentSensitivity: MEDIUM', 'fallbackIntentSensitivity: SOMETIMES')
      .replace('      orderNumber: number\n      item: ShoppingItem', '      orderNumber: number\n      item: shopping_item')
      .replace('      size-too-small:', '      Size_Too_Small:')
      .replace('locale: en-US\n', 'locale: en-US\nvoice: friendly\n');

    expect(problemsOf(() => parseLocale('locales/en-US.yaml', broken))).toEqual([
      'locales/en-US.yaml: fallbackIntentSensitivity: Invalid option: expected one of "LOW"|"MEDIUM"|"HIGH"',
      'locales/en-US.yaml: types.ReturnReason.values.Size_Too_Small: Invalid key in record (lowercase words joined by hyphens)',
      'locales/en-US.yaml: intents.OrderStatusIntent.slots.item.type: number, search-query, date, four-digit-number or a custom type name in PascalCase',
      'locales/en-US.yaml: (root): Unrecognized key: "voice"',
    ]);
  });

  it('rejects YAML errors and a locale file named for another locale', () => {
    expect(problemsOf(() => parseLocale('locales/en-US.yaml', `${english}\nintents: {}\n`))).toEqual([
      expect.stringMatching(/^locales\/en-US\.yaml: .*unique/i),
    ]);
    expect(problemsOf(() => parseLocale('locales/en-GB.yaml', english))).toEqual([
      'locales/en-GB.yaml: locale is en-US but the file is named for en-GB',
    ]);
  });

  it('refuses to generate from a source that fails a check, and writes nothing', () => {
    const sourceCopy = temporaryDir('broken-source');
    const out = temporaryDir('broken-out');
    try {
      fs.cpSync(SOURCE_DIR, sourceCopy, { recursive: true, filter: (file) => !file.endsWith('.ts') });
      const file = path.join(sourceCopy, 'locales', 'de-DE.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('      - hilfe\n', '      - hilfe\n      - wo ist mein paket\n'));

      expect(problemsOf(() => generate(out, sourceCopy))).toEqual([
        'de-DE: "wo ist mein paket" is a sample of both OrderStatusIntent and HelpIntent',
      ]);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      removeDir(sourceCopy);
      removeDir(out);
    }
  });
});
