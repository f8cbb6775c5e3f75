import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Language, languageOf } from './number-words';
import { sayAsWords } from './spoken-form';

/**
 * Debian's espeak-ng as a stand-in for the platforms' voices: renders a reply's SSML to a WAV file
 * and measures how long the speech in it lasts (sox, leading and trailing silence trimmed).
 */

const run = promisify(execFile);

/** espeak-ng's voice for each locale the assistant speaks, and for any other locale of a language it knows. */
const LOCALE_VOICES: Readonly<Record<string, string>> = { 'en-us': 'en-us', 'en-gb': 'en-gb', 'es-us': 'es-419', 'es-mx': 'es-419' };
const LANGUAGE_VOICES: Readonly<Record<Language, string>> = { en: 'en-us', de: 'de', fr: 'fr-fr', es: 'es', it: 'it' };

export function espeakVoice(locale: string): string {
  return LOCALE_VOICES[locale.toLowerCase()] ?? LANGUAGE_VOICES[languageOf(locale)];
}

const SAY_AS = /<say-as\s([^>]*)>([^<]*)<\/say-as>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesIn(source: string): Record<string, string> {
  return Object.fromEntries([...source.matchAll(ATTRIBUTE)].map((match) => [match[1]!, match[2] ?? match[3] ?? '']));
}

/**
 * The reply as espeak-ng can read it. espeak-ng reads `say-as digits` as one cardinal and does
 * not know the platforms' date forms, so those are handed over as what the platforms say for them:
 * digits as espeak's own character-by-character reading, telephone numbers as groups of it, dates
 * and other forms as their words. Everything else (breaks, prosody, s, p) espeak-ng reads itself;
 * tags it does not know (amazon:*) it skips.
 */
export function espeakSsml(ssml: string, locale: string): string {
  return ssml.replace(SAY_AS, (_whole, attributeSource: string, content: string) => {
    const attributes = attributesIn(attributeSource);
    const interpretAs = (attributes['interpret-as'] ?? '').toLowerCase();
    if (['digits', 'characters', 'spell-out', 'verbatim'].includes(interpretAs)) return `<say-as interpret-as="characters">${content}</say-as>`;
    if (interpretAs === 'telephone') {
      return content
        .split(/[\s\-().]+/)
        .filter((group) => group.length > 0)
        .map((group) => `<say-as interpret-as="characters">${group}</say-as>`)
        .join(', ');
    }
    return sayAsWords(attributes, content, locale).join(' ');
  });
}

export interface RenderOptions {
  readonly locale: string;
  readonly wordsPerMinute: number;
  /** A directory for the SSML and WAV files. */
  readonly workDir: string;
  /** Names the files. */
  readonly name: string;
}

/** Seconds of speech espeak-ng makes of the SSML at the rate (`-s`, words per minute). */
export async function espeakSeconds(ssml: string, options: RenderOptions): Promise<number> {
  const source = path.join(options.workDir, `${options.name}.ssml`);
  const wav = path.join(options.workDir, `${options.name}.wav`);
  const trimmed = path.join(options.workDir, `${options.name}.trimmed.wav`);
  writeFileSync(source, espeakSsml(ssml, options.locale));
  await run('espeak-ng', ['-m', '-v', espeakVoice(options.locale), '-s', String(options.wordsPerMinute), '-w', wav, '-f', source]);
  // The silence espeak-ng puts before and after the speech is not something the shopper waits for.
  await run('sox', [wav, trimmed, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse']);
  const { stdout } = await run('sox', ['--i', '-D', trimmed]);
  const seconds = Number(stdout.trim());
  if (!Number.isFinite(seconds)) throw new Error(`listen time: sox gave no duration for ${trimmed}: ${stdout}`);
  return seconds;
}
