import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import YAML from 'yaml';
import { LOCALES } from '../../lambda/languages/packs';

/**
 * What the Alexa Lambda bundle holds, built with the esbuild settings serverless.yml deploys it
 * with: nothing a cold start would load and never use. Zod's error messages in forty languages
 * came in with `import { z } from 'zod'`, and its classic API (every method of every schema, half
 * of zod in the bundle) with any `import * as z from 'zod'`: every schema the function reaches is
 * written with zod/mini, through lambda/zod-mini.ts, which adds the English messages alone. The
 * AWS SDK is not there at all: its DynamoDB client and what it pulls in (credential providers,
 * smithy, XML builders) were half the bundle and most of its start-up, and the skill's few
 * DynamoDB requests go through its own signed client
 * (lambda/commerce/dynamodb/signed-dynamo-client.ts). Nor is pino: its transports, worker threads
 * and stream packages were a tenth of the bundle, and lambda/logging.ts writes the same lines.
 * Nor are the seven locales' sentences, a fifth of it: they stay beside the bundle, and a container
 * reads those of the locales it speaks, the first time it speaks them.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');

// Plain CommonJS, as serverless-esbuild requires it.
const { languageMessagesBeside } = createRequire(__filename)('../../tools/deploy/esbuild-plugins.js') as { languageMessagesBeside(): Plugin };

/** serverless.yml's custom.esbuild: the settings `npm run package` bundles with (of its plugins, the one that changes what is bundled). */
function deployedEsbuildSettings(): BuildOptions {
  const serverless = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as { custom: { esbuild: Record<string, unknown> } };
  const { bundle, minify, treeShaking, platform, format, target, mainFields, external } = serverless.custom.esbuild;
  return { bundle, minify, treeShaking, platform, format, target, mainFields, external, plugins: [languageMessagesBeside()] } as BuildOptions;
}

type Output = Metafile['outputs'][string];
type Inputs = Output['inputs'];

/** Input files of a bundle (paths under node_modules or lambda/), with the bytes each left in it. */
const bundleInputs = async (entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>): Promise<Inputs> => (await bundleOutput(entry)).inputs;

/** What esbuild says of the bundle it wrote: its inputs, and what it requires at run time. */
async function bundleOutput(entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>): Promise<Output> {
  const result = await build({
    ...deployedEsbuildSettings(),
    ...entry,
    absWorkingDir: REPO_ROOT,
    outdir: 'bundle-content-check',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  if (!output) throw new Error('esbuild wrote no bundle');
  return output;
}

/** A module of lambda/ with these contents, bundled as the Lambda entry points are. */
const bundleOfSource = (contents: string) => bundleInputs({ stdin: { contents, resolveDir: path.join(REPO_ROOT, 'lambda'), loader: 'ts', sourcefile: 'probe.ts' } });

const zodClassicApi = (inputs: Inputs) => Object.keys(inputs).filter((input) => packageOf(input) === 'zod' && /\/v4\/classic\//.test(input));
/** zod's locales with code in the bundle (the index of them, which only names them, leaves none). */
const zodLocales = (inputs: Inputs) =>
  Object.entries(inputs)
    .filter(([input, { bytesInOutput }]) => packageOf(input) === 'zod' && /\/locales\//.test(input) && !/\/locales\/en\.[cm]?js$/.test(input) && bytesInOutput > 0)
    .map(([input]) => input);
/** A pack's sentences (lambda/languages/<locale>/messages.json, en-GB's overrides) bundled inline. */
const inlineMessages = (inputs: Inputs) => Object.keys(inputs).filter((input) => /^lambda\/languages\/[^/]+\/messages(-overrides)?\.json$/.test(input));
const packagesIn = (inputs: Inputs) => [...new Set(Object.keys(inputs).map(packageOf).filter((pkg): pkg is string => pkg !== undefined))];

/** The package an input file belongs to: the last `node_modules/<name>` or `node_modules/@scope/<name>` in its path. */
function packageOf(input: string): string | undefined {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** pino and the packages it always loads: its transports' worker threads, its stream, its redaction and serializers. */
const PINO_PACKAGES = ['pino', 'thread-stream', 'sonic-boom', 'pino-std-serializers', '@pinojs/redact', 'fast-redact', 'safe-stable-stringify', 'quick-format-unescaped', 'on-exit-leak-free', 'atomic-sleep', 'real-require'];

/** The AWS SDK, v2 or v3, and the smithy runtime v3 is built on. */
function isAwsSdk(pkg: string): boolean {
  return pkg === 'aws-sdk' || pkg.startsWith('@aws-sdk/') || pkg.startsWith('@smithy/') || pkg.startsWith('@aws-crypto/');
}

describe('the Alexa Lambda bundle', () => {
  let output: Output;
  let inputs: Inputs;
  beforeAll(async () => {
    output = await bundleOutput({ entryPoints: ['lambda/alexa-lambda.ts'] });
    inputs = output.inputs;
  }, 60_000);

  it('holds zod without its locales, English (the messages it falls back to) aside', () => {
    expect(packagesIn(inputs)).toContain('zod');
    expect(zodLocales(inputs)).toEqual([]);
  });

  it("holds zod/mini, not zod's classic API", () => {
    expect(zodClassicApi(inputs)).toEqual([]);
    expect(Object.keys(inputs)).toContain('node_modules/zod/v4/mini/schemas.js');
  });

  it('holds no part of the AWS SDK: DynamoDB is reached through its own signed client', () => {
    expect(packagesIn(inputs).filter(isAwsSdk)).toEqual([]);
    expect(Object.keys(inputs)).toContain('lambda/commerce/dynamodb/signed-dynamo-client.ts');
  });

  it('holds no HTTP server: the function answers Lambda invocations, never HTTP requests', () => {
    // express and its body parsers (iconv-lite's code pages, mime-db) would be most of the bundle.
    expect(packagesIn(inputs).filter((pkg) => ['express', 'body-parser', 'iconv-lite', 'mime-db', 'serverless-http'].includes(pkg))).toEqual([]);
  });

  it('holds no pino: log lines are written by lambda/logging.ts, without transports, worker threads or stream packages', () => {
    expect(packagesIn(inputs).filter((pkg) => PINO_PACKAGES.includes(pkg))).toEqual([]);
    expect(Object.keys(inputs)).toContain('lambda/logging.ts');
  });

  it("holds no language's sentences: it requires every pack's file beside it, at its path under lambda/", () => {
    expect(inlineMessages(inputs)).toEqual([]);
    const packFiles = LOCALES.flatMap((locale) =>
      fs
        .readdirSync(path.join(REPO_ROOT, 'lambda', 'languages', locale))
        .filter((file) => /^messages(-overrides)?\.json$/.test(file))
        .map((file) => `./languages/${locale}/${file}`),
    );
    expect(packFiles).toHaveLength(LOCALES.length);
    const required = output.imports.filter((imported) => imported.external && imported.path.startsWith('./'));
    expect(required.map((imported) => imported.path).sort()).toEqual(packFiles.sort());
    expect(new Set(required.map((imported) => imported.kind))).toEqual(new Set(['require-call']));
  });

  it("would catch them: `import { z }` brings every locale, zod's classic API comes with any import of 'zod', the SDK client brings the SDK, a pack's file imported outright comes inline", async () => {
    expect(zodLocales(await bundleOfSource("import { z } from 'zod';\nexport const name = z.string();\n")).length).toBeGreaterThan(10);
    const classic = await bundleOfSource("import * as z from 'zod';\nexport const name = z.string();\n");
    expect(zodLocales(classic)).toEqual([]);
    expect(zodClassicApi(classic)).toContain('node_modules/zod/v4/classic/schemas.js');
    const mini = await bundleOfSource("import * as z from './zod-mini';\nexport const name = z.string();\n");
    expect([...zodLocales(mini), ...zodClassicApi(mini)]).toEqual([]);
    const sdkClient = await bundleOfSource("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n");
    expect(packagesIn(sdkClient).filter(isAwsSdk)).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@smithy/core']));
    const pino = await bundleOfSource("import pino from 'pino';\nexport const logger = pino();\n");
    expect(packagesIn(pino).filter((pkg) => PINO_PACKAGES.includes(pkg))).toEqual(expect.arrayContaining(['pino', 'thread-stream', 'sonic-boom']));
    const imported = await bundleOfSource("import messages from './languages/de-DE/messages.json';\nexport const sentences = messages;\n");
    expect(inlineMessages(imported)).toEqual(['lambda/languages/de-DE/messages.json']);
  }, 60_000);
});
