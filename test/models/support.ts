import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../interaction-models/generate';
import { listFiles } from '../../interaction-models/lib/files';
import { loadSource } from '../../interaction-models/lib/load';
import type { LocaleModel, Source } from '../../interaction-models/lib/schema';

export { REPO_ROOT };

/** The committed files under `dirs`, keyed by repository path. */
export function committedFiles(...dirs: string[]): Map<string, string> {
  return new Map(
    dirs.flatMap((dir) => listFiles(REPO_ROOT, dir)).map((file) => [file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')]),
  );
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;
}

let loaded: Source | undefined;

/** The committed source, its catalog types filled; a fresh copy each time, so a test may change it. */
export function source(): Source {
  loaded ??= loadSource();
  return structuredClone(loaded);
}

export function locale(code: string): LocaleModel {
  const model = source().locales.find((candidate) => candidate.locale === code);
  if (model === undefined) throw new Error(`no locale ${code}`);
  return model;
}

/** A deep copy to break on purpose. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

export function temporaryDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `shopvoice-${prefix}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
