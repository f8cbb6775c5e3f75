import fs from 'node:fs';
import path from 'node:path';
import { calendarDayIn } from '../../lambda/understanding/calendar';
import type { LanguageModel } from '../../lambda/understanding/language-model';
import { tokenize } from '../../lambda/understanding/tokens';
import type { Reading, ReadingContext } from '../../lambda/understanding/understand';
import { type ModelUnderstanding, understandingOfModel } from '../../lambda/understanding/understanding';
import { afterInvocation } from './invocation';

export type { SlotFill } from '../../lambda/understanding/understand';

/** The repository, where the generated models live. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ALEXA_MODELS = path.join('skill-package', 'interactionModels', 'custom');

/** What was typed, as a device would take it: opening the skill, or a request to it. */
export type LocalReading =
  /** "open northwind outfitters": the skill opens without a request. */
  | { readonly kind: 'launch' }
  | ({
      readonly kind: 'intent';
      /** The shopper named the skill along with the request ("ask northwind outfitters where is my order"). */
      readonly invoked: boolean;
    } & Reading);

/**
 * The product's understanding (lambda/understanding) over the generated model files, reloading a
 * model when `npm run models` rewrites it, plus what only a device does: the invocation name.
 */
export interface LocalUnderstanding {
  /** Locales with a generated model, e.g. ["de-DE", "en-US"]. */
  locales(): readonly string[];
  model(locale: string): LanguageModel;
  understand(locale: string, text: string, context?: ReadingContext): LocalReading;
}

export interface LocalUnderstandingOptions {
  /** Where skill-package/ is; the repository by default. */
  readonly root?: string;
  /** For dates: "yesterday" depends on today where the shopper is. */
  readonly now?: () => Date;
  readonly timeZone?: string;
}

export function createLocalUnderstanding(options: LocalUnderstandingOptions = {}): LocalUnderstanding {
  const directory = path.join(options.root ?? REPO_ROOT, ALEXA_MODELS);
  const loaded = new Map<string, { modified: number; understanding: ModelUnderstanding }>();
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  function locales(): readonly string[] {
    return fs
      .readdirSync(directory)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort();
  }

  function current(locale: string): ModelUnderstanding {
    if (!locales().includes(locale)) throw new Error(`No interaction model for ${locale}; there are: ${locales().join(', ')}`);
    const file = path.join(directory, `${locale}.json`);
    const modified = fs.statSync(file).mtimeMs;
    const cached = loaded.get(locale);
    if (cached && cached.modified === modified) return cached.understanding;
    const understanding = understandingOfModel(JSON.parse(fs.readFileSync(file, 'utf8')), locale);
    loaded.set(locale, { modified, understanding });
    return understanding;
  }

  return {
    locales,
    model: (locale) => current(locale).model,
    understand(locale, text, context = {}) {
      const { model, read } = current(locale);
      const tokenized = tokenize(text, model.language);
      const { invoked, rest } = afterInvocation(tokenized.tokens, model.invocation);
      if (invoked && rest.length === 0) return { kind: 'launch' };
      // The request is what follows the name, in the words typed.
      const request = invoked ? tokenized.typed.slice(rest[0]?.typed ?? 0).join(' ') : text;
      return { kind: 'intent', invoked, ...read(request, { today: () => calendarDayIn(now(), timeZone), ...context }) };
    },
  };
}
