import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildFailure, type Plugin } from 'esbuild';

/**
 * The esbuild plugin serverless.yml bundles through (tools/deploy/esbuild-plugins.js), on small
 * projects of its own: it must stop a bundle that would take in code that is not deployed, or
 * need node_modules at run time, and report what a good bundle holds. Beside it, the plugin that
 * keeps each language's sentences out of the bundle writes them where the bundle reads them.
 */

type PluginsFactory = (serverless: { serviceDir: string }) => Plugin[];
// Plain CommonJS, as serverless-esbuild requires it.
const plugins = createRequire(__filename)('../../tools/deploy/esbuild-plugins.js') as PluginsFactory;

let project: string;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
}

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-guard-'));
  write('node_modules/voice-lib/package.json', JSON.stringify({ name: 'voice-lib', main: 'index.js' }));
  write('node_modules/voice-lib/index.js', 'exports.say = (text) => `<speak>${text}</speak>`;\n');
  write('node_modules/test-helper/package.json', JSON.stringify({ name: 'test-helper', main: 'index.js' }));
  write('node_modules/test-helper/index.js', 'exports.fake = () => "fake";\n');
  write('node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3', main: 'index.js' }));
  write('node_modules/better-sqlite3/index.js', 'module.exports = function Database() {};\n');
  write(
    'package-lock.json',
    JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'project' },
        'node_modules/voice-lib': { version: '1.0.0' },
        'node_modules/better-sqlite3': { version: '12.0.0' },
        'node_modules/test-helper': { version: '1.0.0', dev: true },
      },
    }),
  );
  write('tools/console.ts', 'export const banner = "dev console";\n');
  write('skill-package/interactionModels/custom/en-US.json', '{"interactionModel":{}}\n');
  write('skill-package/skill.json', '{"manifest":{}}\n');
});

afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

async function bundle(entrySource: string, external: string[] = []) {
  write('lambda/entry.ts', entrySource);
  return build({
    absWorkingDir: project,
    entryPoints: ['lambda/entry.ts'],
    outdir: path.join(project, '.esbuild'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external,
    write: false,
    logLevel: 'silent',
    plugins: plugins({ serviceDir: project }),
  });
}

async function problemsOf(entrySource: string, external: string[] = []): Promise<string[]> {
  try {
    await bundle(entrySource, external);
    return [];
  } catch (error) {
    return (error as BuildFailure).errors.map((message) => message.text);
  }
}

const report = () => JSON.parse(fs.readFileSync(path.join(project, '.serverless', 'bundles', 'entry.json'), 'utf8'));

describe('the bundle guard', () => {
  it('passes deployed code and production packages, and reports what the bundle holds', async () => {
    await bundle("import { say } from 'voice-lib';\nimport { readFileSync } from 'node:fs';\nexport const handler = () => say(String(readFileSync));\n");
    expect(report()).toMatchObject({
      entry: 'lambda/entry.ts',
      problems: [],
      runtimeImports: ['node:fs'],
      packages: { 'voice-lib': expect.any(Number) },
      firstParty: { 'lambda/entry.ts': expect.any(Number) },
    });
  });

  it('stops first-party code from outside lambda/', async () => {
    expect(await problemsOf("import { banner } from '../tools/console';\nexport const handler = () => banner;\n")).toEqual([
      'lambda/entry.ts: tools/console.ts is not deployed code (only lambda/ is)',
    ]);
  });

  it('takes the generated interaction models the understanding reads, and no other file outside lambda/', async () => {
    await bundle("import model from '../skill-package/interactionModels/custom/en-US.json';\nexport const handler = () => model;\n");
    expect(report()).toMatchObject({ problems: [] });
    expect(await problemsOf("import manifest from '../skill-package/skill.json';\nexport const handler = () => manifest;\n")).toEqual([
      'lambda/entry.ts: skill-package/skill.json is not deployed code (only lambda/ is)',
    ]);
  });

  it('stops packages installed for development only', async () => {
    expect(await problemsOf("import { fake } from 'test-helper';\nexport const handler = () => fake();\n")).toEqual([
      'lambda/entry.ts: node_modules/test-helper/index.js: test-helper is installed for development only',
    ]);
  });

  it('stops better-sqlite3, bundled or left to load at run time', async () => {
    const source = "import Database from 'better-sqlite3';\nexport const handler = () => new Database();\n";
    expect(await problemsOf(source)).toEqual(['lambda/entry.ts: node_modules/better-sqlite3/index.js: better-sqlite3 must never reach a Lambda bundle']);
    expect(await problemsOf(source, ['better-sqlite3'])).toEqual([
      'lambda/entry.ts: the bundle loads better-sqlite3 at run time, but the zip carries no node_modules',
    ]);
    expect(report().problems).toHaveLength(1);
  });

  it('allows only the modules bundled packages merely try to load to stay out', async () => {
    const source = "let colours: unknown;\ntry { colours = require('supports-color'); } catch {}\nexport const handler = () => colours;\n";
    expect(await problemsOf(source, ['supports-color'])).toEqual([]);
    expect(report().runtimeImports).toEqual(['supports-color']);
  });

  it("keeps a pack's sentences out of the bundle, and writes them beside it where it reads them when first spoken", async () => {
    write('lambda/languages/xx-XX/messages.json', '{ "welcome": "Servus" }\n');
    write('lambda/languages/xx-XX/index.ts', "export const messages = () => require('./messages.json') as { welcome: string };\n");
    write('lambda/entry.ts', "import { messages } from './languages/xx-XX';\nexport const handler = () => messages().welcome;\n");
    const outdir = path.join(project, 'built', 'lambda');
    await build({ absWorkingDir: project, entryPoints: ['lambda/entry.ts'], outdir, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', plugins: plugins({ serviceDir: project }) });
    expect(report()).toMatchObject({ problems: [], runtimeImports: ['./languages/xx-XX/messages.json'] });
    expect(Object.keys(report().firstParty)).toEqual(['lambda/entry.ts', 'lambda/languages/xx-XX/index.ts']);
    expect(fs.readFileSync(path.join(outdir, 'entry.js'), 'utf8')).not.toContain('Servus');
    expect(fs.readFileSync(path.join(outdir, 'languages', 'xx-XX', 'messages.json'), 'utf8')).toBe('{ "welcome": "Servus" }\n');
    expect(execFileSync(process.execPath, ['-p', "require('./entry.js').handler()"], { cwd: outdir, encoding: 'utf8' }).trim()).toBe('Servus');
  });
});
