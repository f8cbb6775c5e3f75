import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { clockEnvironment } from '../../tools/clock-environment';

/**
 * Runs a packaged function the way Lambda does: its zip unpacked into a folder of its own, far
 * from this repository's node_modules, the handler loaded in a fresh `node` from the template's
 * `file.export` name, and handed events one after another (a cold start, then warm invocations).
 */

export interface UnpackedFunction {
  readonly dir: string;
  readonly files: readonly string[];
}

export function unpack(zipFile: string, into: string): UnpackedFunction {
  const zip = new AdmZip(zipFile);
  const files = zip
    .getEntries()
    .filter((entry) => !entry.isDirectory)
    .map((entry) => entry.entryName)
    .sort();
  zip.extractAllTo(into, true);
  return { dir: into, files };
}

/** Folders from `dir` up to the root holding a node_modules that Node's resolution would search. */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'node_modules'))) found.push(current);
    if (path.dirname(current) === current) return found;
  }
}

/** Run by `node -e` in the unpacked folder: loads the handler, invokes it with each event, writes the answers. */
const HARNESS = `
const fs = require('node:fs');
const path = require('node:path');
const [handlerName, eventsFile, answersFile] = process.argv.slice(1);
const dot = handlerName.lastIndexOf('.');
const context = {
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  functionVersion: '$LATEST',
  awsRequestId: 'bundle-test',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 7000,
};
(async () => {
  const entry = require(path.resolve(handlerName.slice(0, dot) + '.js'));
  const handler = entry[handlerName.slice(dot + 1)];
  if (typeof handler !== 'function') throw new Error(handlerName + ' is not a function');
  const answers = [];
  for (const event of JSON.parse(fs.readFileSync(eventsFile, 'utf8'))) {
    try {
      answers.push({ answer: await handler(event, context) });
    } catch (error) {
      answers.push({ error: String((error && error.message) || error) });
    }
  }
  fs.writeFileSync(answersFile, JSON.stringify(answers));
  process.stdout.write('', () => process.exit(0));
})().catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + '\\n');
  process.exit(1);
});
`;

export type Invocation = { readonly answer: any } | { readonly error: string };

export interface FunctionRun {
  readonly invocations: readonly Invocation[];
  /** Everything the function logged, stdout and stderr. */
  readonly output: string;
}

/** Loads the handler in a fresh node with only `env` (and PATH and the clock) and invokes it with each event in turn. */
export function runHandler(fn: UnpackedFunction, handler: string, events: readonly unknown[], env: Record<string, string>): Promise<FunctionRun> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-invoke-'));
  const eventsFile = path.join(work, 'events.json');
  const answersFile = path.join(work, 'answers.json');
  fs.writeFileSync(eventsFile, JSON.stringify(events));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', HARNESS, handler, eventsFile, answersFile],
      // HOME too: Node also looks for modules in ~/.node_modules and ~/.node_libraries. The clock too:
      // the function must read the same clock as the test that laid out the store it talks to.
      { cwd: fn.dir, env: { PATH: process.env.PATH ?? '', HOME: work, ...clockEnvironment(), ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        try {
          if (error) throw new Error(`the function's process failed (${error.message}):\n${output}`);
          resolve({ invocations: JSON.parse(fs.readFileSync(answersFile, 'utf8')) as Invocation[], output });
        } catch (failure) {
          reject(failure);
        } finally {
          fs.rmSync(work, { recursive: true, force: true });
        }
      },
    );
  });
}

/** An API Gateway HTTP API (payload 2.0) event for a JSON POST, as the google function receives it. */
export function httpApiPostEvent(routePath: string, body: unknown) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `POST ${routePath}`,
    rawPath: routePath,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'Google-ActionsOnGoogle/1.0',
      'x-forwarded-for': '66.249.83.1',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'POST', path: routePath, protocol: 'HTTP/1.1', sourceIp: '66.249.83.1', userAgent: 'Google-ActionsOnGoogle/1.0' },
      requestId: 'bundle-test-request',
      routeKey: `POST ${routePath}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}
