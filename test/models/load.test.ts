import fs from 'node:fs';
import path from 'node:path';
import { generate } from '../../interaction-models/generate';
import { PACKS_DIR, SOURCE_DIR, SourceError, parseLocale, parseProject } from '../../interaction-models/lib/load';
import { copyModels } from './model-copies';
import { removeDir, temporaryDir } from './support';

const english = fs.readFileSync(path.join(PACKS_DIR, 'en-US', 'model.yaml'), 'utf8');

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
    expect(problemsOf(() => parseLocale('en-US/model.yaml', english))).toEqual([]);
  });

  it('names the file and field of a schema mistake', () => {
    const broken = english
      .replace('fallbackIntentSensitivity: MEDIUM', 'fallbackIntentSensitivity: SOMETIMES')
      .replace('      orderNumber: number\n      item: ShoppingItem', '      orderNumber: number\n      item: shopping_item')
      .replace('      size-too-small:', '      Size_Too_Small:')
      .replace('locale: en-US\n', 'locale: en-US\nvoice: friendly\n');

    expect(problemsOf(() => parseLocale('en-US/model.yaml', broken))).toEqual([
      'en-US/model.yaml: fallbackIntentSensitivity: Invalid option: expected one of "LOW"|"MEDIUM"|"HIGH"',
      'en-US/model.yaml: types.ReturnReason.values.Size_Too_Small: Invalid key in record (lowercase words joined by hyphens)',
      'en-US/model.yaml: intents.OrderStatusIntent.slots.item.type: number, search-query, date, four-digit-number or a custom type name in PascalCase',
      'en-US/model.yaml: (root): Unrecognized key: "voice"',
    ]);
  });

  it('rejects YAML errors and a model in the pack of another locale', () => {
    expect(problemsOf(() => parseLocale('en-US/model.yaml', `${english}\nintents: {}\n`))).toEqual([
      expect.stringMatching(/^en-US\/model\.yaml: .*unique/i),
    ]);
    expect(problemsOf(() => parseLocale('en-GB/model.yaml', english))).toEqual([
      'en-GB/model.yaml: locale is en-US but its pack is en-GB',
    ]);
  });

  it('refuses to generate from a source that fails a check, and writes nothing', () => {
    const sourceCopy = temporaryDir('broken-source');
    const out = temporaryDir('broken-out');
    try {
      fs.cpSync(SOURCE_DIR, sourceCopy, { recursive: true, filter: (file) => !file.endsWith('.ts') });
      const packsDir = copyModels(sourceCopy);
      const file = path.join(packsDir, 'de-DE', 'model.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('      - hilfe\n', '      - hilfe\n      - wo ist mein paket\n'));

      expect(problemsOf(() => generate(out, sourceCopy, { packsDir }))).toEqual([
        'de-DE: "wo ist mein paket" is a sample of both OrderStatusIntent and HelpIntent',
      ]);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      removeDir(sourceCopy);
      removeDir(out);
    }
  });
});
