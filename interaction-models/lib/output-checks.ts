import type { v1 } from 'ask-smapi-model';
import {
  examplePhraseProblems,
  interactionModelProblems,
  skillPackageProblems,
} from './alexa-checks';
import { ALEXA_PATHS } from './alexa';
import type { GeneratedFile } from './files';
import { googleContractProblems, googleProjectProblems } from './google-checks';
import { GOOGLE_ROOT } from './google';
import type { Source } from './schema';

/** Files keyed by repository path, from the generator or from disk. */
export type FileMap = ReadonlyMap<string, string>;

export function fileMap(files: readonly GeneratedFile[]): FileMap {
  return new Map(files.map((file) => [file.path, file.content]));
}

/** The Actions project's files keyed by their path inside `actions/`. */
export function googleProject(files: FileMap): FileMap {
  const prefix = `${GOOGLE_ROOT}/`;
  return new Map([...files].filter(([path]) => path.startsWith(prefix)).map(([path, text]) => [path.slice(prefix.length), text]));
}

/** Alexa's and Google's rules on the generated (or committed) files. */
export function outputProblems(files: FileMap, source: Source): string[] {
  const problems = skillPackageProblems(new Map([...files].filter(([path]) => path.startsWith('skill-package/'))));
  const manifestText = files.get(ALEXA_PATHS.skillManifest);
  const manifest = manifestText === undefined ? undefined : (JSON.parse(manifestText) as v1.skill.Manifest.SkillManifestEnvelope);
  for (const model of source.locales) {
    const text = files.get(ALEXA_PATHS.interactionModel(model.locale));
    if (text === undefined) {
      problems.push(`${ALEXA_PATHS.interactionModel(model.locale)} is missing`);
      continue;
    }
    const data = JSON.parse(text) as v1.skill.interactionModel.InteractionModelData;
    problems.push(...interactionModelProblems(model.locale, data));
    const phrases = manifest?.manifest?.publishingInformation?.locales?.[model.locale]?.examplePhrases ?? [];
    problems.push(...examplePhraseProblems(model.locale, phrases, data.interactionModel.languageModel, model.alexa));
  }
  const project = googleProject(files);
  problems.push(...googleProjectProblems(project), ...googleContractProblems(project));
  return problems;
}
