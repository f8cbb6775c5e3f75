import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import type { Platform } from './conversations';
import type { Bundle } from './results';

/** Everything the bench runs in a child process, bundled the way a Lambda deployment would be. */
const ENTRIES = {
  'alexa-lambda': { entry: 'lambda/alexa-lambda.ts', role: 'shopvoice' },
  'google-lambda': { entry: 'lambda/google-lambda.ts', role: 'shopvoice' },
  'floor-alexa-lambda': { entry: 'tools/bench/floor/floor-alexa-lambda.ts', role: 'floor' },
  'floor-google-lambda': { entry: 'tools/bench/floor/floor-google-lambda.ts', role: 'floor' },
  // The floor of a linked turn's cold start: the same skill reading one item over HTTP and one from DynamoDB.
  'floor-alexa-io-lambda': { entry: 'tools/bench/floor/floor-alexa-io-lambda.ts', role: 'floor' },
} as const;

/** The programs the bench forks; bundled too, so no TypeScript loader runs (or uses memory) in them. */
const PROGRAMS = {
  'cold-start-child': 'tools/bench/cold-start-child.ts',
  'shopvoice-server': 'tools/bench/shopvoice-server.ts',
  'floor-server': 'tools/bench/floor-server.ts',
  'partial-outage-store': 'tools/bench/partial-outage-store.ts',
} as const;

export type LambdaBundleName = keyof typeof ENTRIES;

/** Each platform's Shopvoice Lambda bundle, and the floor bundle it is compared with. */
export const PLATFORM_BUNDLES: Readonly<Record<Platform, { readonly label: string; readonly shopvoice: LambdaBundleName; readonly floor: LambdaBundleName }>> = {
  alexa: { label: 'Alexa Lambda', shopvoice: 'alexa-lambda', floor: 'floor-alexa-lambda' },
  google: { label: 'Google Lambda', shopvoice: 'google-lambda', floor: 'floor-google-lambda' },
};
export type ProgramName = keyof typeof PROGRAMS;

export interface Bundles {
  readonly sizes: readonly Bundle[];
  lambda(name: LambdaBundleName): string;
  program(name: ProgramName): string;
}

/**
 * better-sqlite3 is a native addon: it stays outside the bundle and is loaded from node_modules
 * (the children get NODE_PATH), as it would ship next to the bundle in a Lambda package.
 */
const EXTERNAL = ['better-sqlite3'];

// Plain CommonJS, as serverless-esbuild requires it: the plugin the deployed bundles are built with.
const { languageMessagesBeside } = createRequire(__filename)('../deploy/esbuild-plugins.js') as { languageMessagesBeside(): Plugin };

export async function buildBundles(repoRoot: string, outDir: string): Promise<Bundles> {
  const sources: Record<string, string> = { ...PROGRAMS };
  for (const [name, { entry }] of Object.entries(ENTRIES)) sources[name] = entry;
  const entryPoints = Object.fromEntries(Object.entries(sources).map(([name, entry]) => [name, path.join(repoRoot, entry)]));
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // As serverless.yml deploys them: a package's ES module build where it has one.
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    // As serverless.yml deploys them: each language's sentences beside the bundles (outDir/languages/), read when first spoken.
    plugins: [languageMessagesBeside()],
    logLevel: 'error',
  });
  const file = (name: string) => path.join(outDir, `${name}.js`);
  const sizes = Object.entries(ENTRIES).map(([name, { entry, role }]) => {
    const code = readFileSync(file(name));
    return { name, entry, role, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength };
  });
  return { sizes, lambda: file, program: file };
}
