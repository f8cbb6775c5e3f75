import fs from 'node:fs';
import path from 'node:path';
import { type LanguageModel, languageModelFromAlexa } from './language-model';
import { createUnderstanding, type Understanding, type UnderstandingOptions } from './understand';

/** The repository, where the generated models live. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ALEXA_MODELS = path.join('skill-package', 'interactionModels', 'custom');

/** Understands text against the generated Alexa models of every locale, reloading a model when its file changes. */
export interface LocalUnderstanding {
  /** Locales with a generated model, e.g. ["de-DE", "en-US"]. */
  locales(): readonly string[];
  model(locale: string): LanguageModel;
  understand(locale: string, text: string): Understanding;
}

export interface LocalUnderstandingOptions extends UnderstandingOptions {
  /** Where skill-package/ is; the repository by default. */
  readonly root?: string;
}

export function createLocalUnderstanding(options: LocalUnderstandingOptions = {}): LocalUnderstanding {
  const directory = path.join(options.root ?? REPO_ROOT, ALEXA_MODELS);
  const loaded = new Map<string, { modified: number; model: LanguageModel; understand: (text: string) => Understanding }>();

  function locales(): readonly string[] {
    return fs
      .readdirSync(directory)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort();
  }

  function current(locale: string) {
    if (!locales().includes(locale)) throw new Error(`No interaction model for ${locale}; there are: ${locales().join(', ')}`);
    const file = path.join(directory, `${locale}.json`);
    const modified = fs.statSync(file).mtimeMs;
    const cached = loaded.get(locale);
    if (cached && cached.modified === modified) return cached;
    const model = languageModelFromAlexa(JSON.parse(fs.readFileSync(file, 'utf8')), locale);
    const fresh = { modified, model, understand: createUnderstanding(model, options) };
    loaded.set(locale, fresh);
    return fresh;
  }

  return {
    locales,
    model: (locale) => current(locale).model,
    understand: (locale, text) => current(locale).understand(text),
  };
}
