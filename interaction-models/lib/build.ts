import { alexaFiles } from './alexa';
import type { GeneratedFile } from './files';
import { googleFiles } from './google';
import type { Source } from './schema';

/** Every file the source generates, for both platforms. Pure: same source, same bytes. */
export function buildFiles(source: Source): GeneratedFile[] {
  return [...alexaFiles(source), ...googleFiles(source)].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}
