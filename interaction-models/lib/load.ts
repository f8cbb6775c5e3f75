import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { type CatalogSnapshot, demoCatalog, readCatalogFile } from './catalog-source';
import { withCatalog } from './catalog-types';
import { LocaleModelSchema, ProjectSchema, type LocaleModel, type Project, type Source } from './schema';
import { SourceError } from './source-error';

/** The folder holding `project.yaml`. */
export const SOURCE_DIR = path.resolve(__dirname, '..');
/** The language packs: `<locale>/model.yaml` in each holds what shoppers say in that locale. */
export const PACKS_DIR = path.resolve(__dirname, '../../lambda/languages');
const MODEL_FILE = 'model.yaml';

export { SourceError };

function issuesOf(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    // A bad record key hides its reason one level down.
    const detail = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : '';
    return `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}${detail === '' ? '' : ` (${detail})`}`;
  });
}

function parseYaml(file: string, text: string): unknown {
  try {
    return parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new SourceError([`${file}: ${(error as Error).message}`]);
  }
}

export function parseProject(file: string, text: string): Project {
  const result = ProjectSchema.safeParse(parseYaml(file, text));
  if (!result.success) throw new SourceError(issuesOf(file, result.error));
  return result.data;
}

export function parseLocale(file: string, text: string): LocaleModel {
  const result = LocaleModelSchema.safeParse(parseYaml(file, text));
  if (!result.success) throw new SourceError(issuesOf(file, result.error));
  const expected = path.basename(path.dirname(file));
  if (result.data.locale !== expected) {
    throw new SourceError([`${file}: locale is ${result.data.locale} but its pack is ${expected}`]);
  }
  return result.data;
}

export interface LoadOptions {
  /** The catalog that fills the `catalog:` types; project.yaml's `catalog.file`, else the embedded demo catalog. */
  readonly catalog?: CatalogSnapshot;
  /** Where the language packs are; PACKS_DIR unless a test works on a copy. */
  readonly packsDir?: string;
}

/** Reads and validates `project.yaml` under `dir` and every language pack's `model.yaml`, their catalog types filled. */
export function loadSource(dir: string = SOURCE_DIR, options: LoadOptions = {}): Source {
  const projectFile = path.join(dir, 'project.yaml');
  const project = parseProject(path.relative(dir, projectFile), fs.readFileSync(projectFile, 'utf8'));
  const packsDir = options.packsDir ?? PACKS_DIR;
  const files = fs
    .readdirSync(packsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(packsDir, entry.name, MODEL_FILE)))
    .map((entry) => path.join(entry.name, MODEL_FILE))
    .sort();
  if (files.length === 0) throw new SourceError([`${packsDir}: no language pack has a ${MODEL_FILE}`]);
  const locales = files.map((file) => parseLocale(file, fs.readFileSync(path.join(packsDir, file), 'utf8')));
  const catalog = options.catalog ?? (project.catalog.file ? readCatalogFile(path.resolve(dir, project.catalog.file)) : demoCatalog());
  return withCatalog({ project, locales }, catalog);
}
