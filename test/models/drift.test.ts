import fs from 'node:fs';
import path from 'node:path';
import { generate } from '../../interaction-models/generate';
import { treeDrift } from '../../interaction-models/lib/files';
import { SOURCE_DIR } from '../../interaction-models/lib/load';
import { copyModels } from './model-copies';
import { REPO_ROOT, removeDir, temporaryDir } from './support';

describe('generated files match the source', () => {
  let fresh: string;

  beforeAll(() => {
    fresh = temporaryDir('models');
    generate(fresh);
  });

  afterAll(() => removeDir(fresh));

  it('regenerating into a temporary folder gives the committed files byte for byte', () => {
    expect(treeDrift(fresh, REPO_ROOT)).toEqual([]);
  });

  it('generates the same bytes every time', () => {
    const again = temporaryDir('models-again');
    try {
      generate(again);
      expect(treeDrift(again, fresh)).toEqual([]);
    } finally {
      removeDir(again);
    }
  });

  it('reports a source change that was not regenerated', () => {
    const sourceCopy = temporaryDir('models-source');
    const out = temporaryDir('models-changed');
    try {
      fs.cpSync(path.join(SOURCE_DIR, 'project.yaml'), path.join(sourceCopy, 'project.yaml'));
      const packsDir = copyModels(sourceCopy);
      const file = path.join(packsDir, 'en-US', 'model.yaml');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('      - track my package\n', '      - track my package\n      - follow my parcel\n'));

      generate(out, sourceCopy, { packsDir });

      expect(treeDrift(out, fresh)).toEqual([
        'actions/custom/intents/OrderStatusIntent.yaml: differs from what the source generates',
        'skill-package/interactionModels/custom/en-US.json: differs from what the source generates',
      ]);
    } finally {
      removeDir(sourceCopy);
      removeDir(out);
    }
  });

  it('reports a hand edit, a missing file and a stale file', () => {
    const edited = temporaryDir('models-edited');
    try {
      fs.cpSync(fresh, edited, { recursive: true });
      fs.appendFileSync(path.join(edited, 'actions/custom/types/ShoppingItem.yaml'), '        - wellies\n');
      fs.rmSync(path.join(edited, 'skill-package/interactionModels/custom/de-DE.json'));
      fs.writeFileSync(path.join(edited, 'actions/custom/intents/OldIntent.yaml'), 'trainingPhrases: [old]\n');

      expect(treeDrift(fresh, edited)).toEqual([
        'actions/custom/types/ShoppingItem.yaml: differs from what the source generates',
        'skill-package/interactionModels/custom/de-DE.json: missing',
        'actions/custom/intents/OldIntent.yaml: no longer generated',
      ]);
    } finally {
      removeDir(edited);
    }
  });

  it('removes files the source no longer generates when it regenerates', () => {
    const root = temporaryDir('models-prune');
    try {
      fs.cpSync(fresh, root, { recursive: true });
      fs.writeFileSync(path.join(root, 'actions/custom/intents/OldIntent.yaml'), 'trainingPhrases: [old]\n');
      fs.writeFileSync(path.join(root, 'actions/settings/accountLinkingSecret.yaml'), 'kept: by hand\n');

      expect(generate(root)).toEqual({ written: [], removed: ['actions/custom/intents/OldIntent.yaml'] });
      expect(fs.existsSync(path.join(root, 'actions/settings/accountLinkingSecret.yaml'))).toBe(true);
    } finally {
      removeDir(root);
    }
  });
});
