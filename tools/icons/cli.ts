import fs from 'node:fs';
import path from 'node:path';
import { ALEXA_ICONS } from '../../interaction-models/lib/alexa';
import { drawIcon } from './draw-icon';
import { encodePng } from './png';

/**
 * `npm run icons`: draws the skill's icons into skill-package/assets/images, where skill.json
 * names them (`file://assets/images/...`, uploaded by `ask deploy`): 108 × 108 and 512 × 512 PNG,
 * the two sizes the Alexa skill store asks for.
 */

export function writeIcons(root: string): string[] {
  return Object.values(ALEXA_ICONS).map(({ size, file }) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), encodePng(drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(path.resolve(__dirname, '../..'))) process.stdout.write(`wrote   ${file}\n`);
}
