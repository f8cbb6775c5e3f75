import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import YAML from 'yaml';

/**
 * What the Alexa Lambda bundle holds, built with the esbuild settings serverless.yml deploys it
 * with: nothing a cold start would load and never use. Zod's error messages in forty languages
 * came in with `import { z } from 'zod'` (every module imports `* as z` instead, so only the English
 * ones the validation falls back to are bundled), and the AWS SDK is the DynamoDB client and what
 * it needs, never a client of another service or the SDK v2.
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

/** AWS SDK packages a Lambda that only talks to DynamoDB has no use for. */
function unneededAwsSdk(pkg: string): boolean {
  if (pkg === 'aws-sdk') return true;
  if (pkg.startsWith('@aws-sdk/client-')) return pkg !== '@aws-sdk/client-dynamodb';
  return ['@aws-sdk/credential-providers', '@aws-sdk/lib-storage', '@aws-sdk/s3-request-presigner'].includes(pkg);
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

  it('holds the DynamoDB client of the AWS SDK, and no other client, nor the SDK v2', () => {
    expect(packagesIn(inputs)).toContain('@aws-sdk/client-dynamodb');
    expect(packagesIn(inputs).filter(unneededAwsSdk)).toEqual([]);
  });

  it('would catch them: `import { z }` brings every locale, and another client is another client', async () => {
    expect(zodLocales(await bundleOfSource("import { z } from 'zod';\nexport const name = z.string();\n")).length).toBeGreaterThan(10);
    expect(zodLocales(await bundleOfSource("import * as z from 'zod';\nexport const name = z.string();\n"))).toEqual([]);
    const packages = ['node_modules/@aws-sdk/client-s3/dist-cjs/index.js', 'node_modules/aws-sdk/lib/core.js', 'node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js'];
    expect(packages.map(packageOf).filter((pkg) => pkg !== undefined && unneededAwsSdk(pkg))).toEqual(['@aws-sdk/client-s3', 'aws-sdk']);
  }, 60_000);
});
