import fs from 'node:fs';
import path from 'node:path';
import { PACKS_DIR } from '../../interaction-models/lib/load';

/** Copies every language pack's model.yaml under `dir`/packs, for a test that changes one; returns that packs folder. */
export function copyModels(dir: string): string {
  const packsDir = path.join(dir, 'packs');
  for (const entry of fs.readdirSync(PACKS_DIR, { withFileTypes: true })) {
    const model = path.join(PACKS_DIR, entry.name, 'model.yaml');
    if (!entry.isDirectory() || !fs.existsSync(model)) continue;
    fs.mkdirSync(path.join(packsDir, entry.name), { recursive: true });
    fs.copyFileSync(model, path.join(packsDir, entry.name, 'model.yaml'));
  }
  return packsDir;
}
