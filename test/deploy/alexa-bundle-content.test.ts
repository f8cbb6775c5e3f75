import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import YAML from 'yaml';

/**
 * What the Alexa Lambda bundle holds, built with the esbuild settings serverless.yml deploys it
 * with: nothing a cold start would load and never use. Zod's error messages in forty languages
 * came in with `import { z } from 'zod'` (every module imports `* as z` instead, so only the English
 * ones the validation falls back to are bundled). The AWS SDK is not there at all: its DynamoDB
 * client and what it pulls in (credential providers, smithy, XML builders) were half the bundle
 * and most of its start-up, and the skill's few DynamoDB requests go through its own signed client
 * (lambda/commerce/dynamodb/signed-dynamo-client.ts). Nor is pino: its transports, worker threads
 * and stream packages were a tenth of the bundle, and lambda/logging.ts writes the same lines.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');

/** serverless.yml's custom.esbuild: the settings `npm run package` bundles with (its plugins aside). */
function deployedEsbuildSettings(): BuildOptions {
  const serverless = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as { custom: { esbuild: Record<string, unknown> } };
  const { bundle, minify, treeShaking, platform, format, target, external } = serverless.custom.esbuild;
  return { bundle, minify, treeShaking, platform, format, target, external } as BuildOptions;
}

type Inputs = Metafile['outputs'][string]['inputs'];

/** Input files of a bundle (paths under node_modules or lambda/), with the bytes each left in it. */
async function bundleInputs(entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>): Promise<Inputs> {
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
  return output.inputs;
}

/** A module of lambda/ with these contents, bundled as the Lambda entry points are. */
const bundleOfSource = (contents: string) => bundleInputs({ stdin: { contents, resolveDir: path.join(REPO_ROOT, 'lambda'), loader: 'ts', sourcefile: 'probe.ts' } });

const zodLocales = (inputs: Inputs) => Object.keys(inputs).filter((input) => packageOf(input) === 'zod' && /\/locales\//.test(input) && !/\/locales\/en\.[cm]?js$/.test(input));
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
  let inputs: Inputs;
  beforeAll(async () => {
    inputs = await bundleInputs({ entryPoints: ['lambda/alexa-lambda.ts'] });
  }, 60_000);

  it('holds zod without its locales, English (the messages it falls back to) aside', () => {
    expect(packagesIn(inputs)).toContain('zod');
    expect(zodLocales(inputs)).toEqual([]);
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

  it('would catch them: `import { z }` brings every locale, and the SDK client brings the SDK', async () => {
    expect(zodLocales(await bundleOfSource("import { z } from 'zod';\nexport const name = z.string();\n")).length).toBeGreaterThan(10);
    expect(zodLocales(await bundleOfSource("import * as z from 'zod';\nexport const name = z.string();\n"))).toEqual([]);
    const sdkClient = await bundleOfSource("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n");
    expect(packagesIn(sdkClient).filter(isAwsSdk)).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@smithy/core']));
    const pino = await bundleOfSource("import pino from 'pino';\nexport const logger = pino();\n");
    expect(packagesIn(pino).filter((pkg) => PINO_PACKAGES.includes(pkg))).toEqual(expect.arrayContaining(['pino', 'thread-stream', 'sonic-boom']));
  }, 60_000);
});
