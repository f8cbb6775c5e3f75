import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../tools/nlu/model-files';

/** A copy of the repository's generated Alexa models in a temporary root, to change freely. */
export function copiedModels(): { root: string; file(locale: string): string; remove(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-nlu-'));
  const models = path.join('skill-package', 'interactionModels', 'custom');
  fs.cpSync(path.join(REPO_ROOT, models), path.join(root, models), { recursive: true });
  return {
    root,
    file: (locale) => path.join(root, models, `${locale}.json`),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
