'use strict';

/**
 * esbuild plugins for `serverless package` / `serverless deploy` (serverless.yml:
 * custom.esbuild.plugins). Plain CommonJS, because serverless-esbuild loads this file with require().
 *
 * The bundle guard stops a build whose Lambda bundle would
 *   - take in first-party code from outside lambda/ (tools/, test/, the bench …),
 *   - take in a package that package-lock.json marks as needed for development only,
 *   - take in, or need at run time, better-sqlite3 (a native addon; Lambda uses DynamoDB), or
 *   - need any module at run time other than Node's own (and a few that bundled packages only
 *     try to load, and the languages' sentences written beside it): the zip carries no node_modules.
 * It writes what each bundle holds to .serverless/bundles/<entry>.json: its size, the size of
 * every package and first-party file in it, and the modules it loads at run time.
 *
 * Before it, languageMessagesBeside keeps each language's sentences out of the bundle, beside it.
 */

const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

/** Never in a Lambda bundle, whatever package-lock.json says about them. */
const FORBIDDEN_PACKAGES = ['better-sqlite3'];
/**
 * Modules that bundled packages load inside try/catch and do without: they stay out of the bundle
 * (serverless.yml excludes the ones that happen to be installed) and may be missing at run time.
 */
const OPTIONAL_AT_RUN_TIME = {
  'supports-color': 'debug colours its output when it is there',
  encoding: 'node-fetch converts legacy charsets when it is there',
};
/** The only folder of this repository that runs on Lambda. */
const DEPLOYED_FOLDER = 'lambda/';
/**
 * Generated data the deployed code bundles on purpose: the Alexa interaction models, which the
 * understanding of the channels that hear words reads (lambda/understanding/bundled-models.ts).
 */
const BUNDLED_DATA = ['skill-package/interactionModels/custom/'];

/**
 * A pack's sentences, as lambda/languages/<locale>/index.ts requires them when its locale first
 * speaks (LanguagePack.messages): messages.json, and en-GB's messages-overrides.json.
 */
const LANGUAGE_MESSAGES = /^\.\/messages(-overrides)?\.json$/;
const LANGUAGE_FOLDER = /[\\/]lambda[\\/]languages[\\/]([^\\/]+)$/;
/** How a bundle requires them: at the path they have under lambda/, relative to the bundle. */
const BESIDE_BUNDLE = /^\.\/languages\/[^/]+\/messages(-overrides)?\.json$/;

/**
 * Keeps each language's sentences out of the bundle (seven locales' are a fifth of the Alexa
 * bundle, and a container speaks one or two of them): the bundle requires them at run time at
 * `./languages/<locale>/<file>`, and the plugin writes those files there, beside every bundle that
 * requires them. A Lambda bundle is written where its entry point is (lambda/<fn>.js) and its zip
 * takes in the folder it was built in, so the files have the same path in the zip as in lambda/.
 */
function languageMessagesBeside() {
  return {
    name: 'shopvoice-language-messages-beside',
    setup(build) {
      build.initialOptions.metafile = true;
      const sources = new Map();
      build.onResolve({ filter: LANGUAGE_MESSAGES }, (args) => {
        const folder = LANGUAGE_FOLDER.exec(args.resolveDir);
        if (!folder) return undefined;
        const besideBundle = `./languages/${folder[1]}/${args.path.slice('./'.length)}`;
        sources.set(besideBundle, path.join(args.resolveDir, args.path));
        return { path: besideBundle, external: true };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0 || !result.metafile || build.initialOptions.write === false) return;
        const workingDir = build.initialOptions.absWorkingDir ?? process.cwd();
        for (const [output, { imports }] of Object.entries(result.metafile.outputs)) {
          for (const { path: required, external } of imports) {
            const source = sources.get(required);
            if (!external || !source) continue;
            const target = path.resolve(workingDir, path.dirname(output), required);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.copyFileSync(source, target);
          }
        }
      });
    },
  };
}

/** `node_modules/@scope/name/...` or `node_modules/a/node_modules/b/...` → the package's lockfile key and name. */
function packageOf(input) {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = input.slice(at + marker.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return { key: `${input.slice(0, at)}${marker}${name}`, name };
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** Lockfile keys of packages installed only for development (lockfileVersion 2 and 3). */
function devOnlyPackages(serviceDir) {
  const lockfile = path.join(serviceDir, 'package-lock.json');
  if (!fs.existsSync(lockfile)) return new Set();
  const { packages = {} } = JSON.parse(fs.readFileSync(lockfile, 'utf8'));
  return new Set(Object.entries(packages).filter(([, info]) => info.dev === true).map(([key]) => key));
}

/** What one bundle holds, from esbuild's metafile, and what is wrong with it. */
function inspectBundle(metafile, devOnly) {
  const problems = [];
  const packages = {};
  const firstParty = {};
  const runtimeImports = new Set();
  let bytes = 0;
  for (const output of Object.values(metafile.outputs)) {
    if (!output.entryPoint) continue;
    bytes += output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = packageOf(input);
      if (!pkg) {
        firstParty[input] = bytesInOutput;
        const deployed = input.startsWith(DEPLOYED_FOLDER) || (input.endsWith('.json') && BUNDLED_DATA.some((folder) => input.startsWith(folder)));
        if (!deployed) problems.push(`${input} is not deployed code (only ${DEPLOYED_FOLDER} is)`);
        continue;
      }
      packages[pkg.name] = (packages[pkg.name] ?? 0) + bytesInOutput;
      if (FORBIDDEN_PACKAGES.includes(pkg.name)) problems.push(`${input}: ${pkg.name} must never reach a Lambda bundle`);
      else if (devOnly.has(pkg.key)) problems.push(`${input}: ${pkg.name} is installed for development only`);
    }
    for (const imported of output.imports) {
      if (!imported.external) continue;
      runtimeImports.add(imported.path);
      if (!isNodeBuiltin(imported.path) && !(imported.path in OPTIONAL_AT_RUN_TIME) && !BESIDE_BUNDLE.test(imported.path)) problems.push(`the bundle loads ${imported.path} at run time, but the zip carries no node_modules`);
    }
  }
  const bySize = (record) => Object.fromEntries(Object.entries(record).sort(([, a], [, b]) => b - a));
  return {
    report: { bytes, packages: bySize(packages), firstParty: bySize(firstParty), runtimeImports: [...runtimeImports].sort() },
    problems: [...new Set(problems)],
  };
}

function bundleGuard(serviceDir, reportDir) {
  return {
    name: 'shopvoice-bundle-guard',
    setup(build) {
      build.initialOptions.metafile = true;
      const devOnly = devOnlyPackages(serviceDir);
      build.onEnd((result) => {
        if (result.errors.length > 0 || !result.metafile) return undefined;
        const entries = [].concat(build.initialOptions.entryPoints ?? []).map(String);
        const entry = entries.length === 1 ? entries[0] : entries.join(',');
        const { report, problems } = inspectBundle(result.metafile, devOnly);
        fs.mkdirSync(reportDir, { recursive: true });
        const reportName = `${path.basename(entry).replace(/\.[cm]?[jt]s$/, '')}.json`;
        fs.writeFileSync(path.join(reportDir, reportName), `${JSON.stringify({ entry, ...report, problems }, null, 2)}\n`);
        return { errors: problems.map((text) => ({ text: `${entry}: ${text}` })) };
      });
    },
  };
}

module.exports = (serverless) => {
  const serviceDir = serverless.serviceDir ?? serverless.config.servicePath;
  // Next to the artifacts: `serverless package --package <dir>` moves all of .serverless/ there.
  return [languageMessagesBeside(), bundleGuard(serviceDir, path.join(serviceDir, '.serverless', 'bundles'))];
};
module.exports.languageMessagesBeside = languageMessagesBeside;
module.exports.inspectBundle = inspectBundle;
module.exports.packageOf = packageOf;
module.exports.OPTIONAL_AT_RUN_TIME = OPTIONAL_AT_RUN_TIME;
