import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { MCP_PATH } from '../../lambda/platforms/mcp/mcp-http';
import { createServer } from '../../lambda/server';

/**
 * `npm run mcp:conformance [-- --scenario ping | --verbose | -o <dir>]`: the official MCP
 * conformance suite's server scenarios against this server's `/mcp`, served on loopback over a
 * fresh copy of the embedded demo store, whatever `.env` says. Failures the baseline
 * (expected-failures.yaml, each with its reason) does not list fail the command.
 *
 * The suite sends no access token and calls no shopper tool, so no dev token is needed. The
 * server's own loopback origin is listed in MCP_ALLOWED_ORIGINS, as a developer would list a browser
 * host running on the same machine: the suite's DNS-rebinding scenario checks that a foreign Origin
 * is refused and that a localhost one is served.
 */

const ROOT = path.resolve(__dirname, '../..');
const BASELINE = path.join(__dirname, 'expected-failures.yaml');
const CONFORMANCE_BIN = path.join(ROOT, 'node_modules', '.bin', 'conformance');

/** Listens on a free loopback port first, so the origin to allow is known before the app is built. */
function listenOnFreeLoopbackPort(): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function runSuite(url: string, extraArgs: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const suite = spawn(CONFORMANCE_BIN, ['server', '--url', url, '--expected-failures', BASELINE, ...extraArgs], { cwd: ROOT, stdio: 'inherit' });
    suite.once('error', reject);
    suite.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  if (!fs.existsSync(CONFORMANCE_BIN)) {
    process.stderr.write('The conformance suite is not installed: run npm install (it is a devDependency).\n');
    return 1;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-mcp-conformance-'));
  const listener = await listenOnFreeLoopbackPort();
  const { port } = listener.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir, MCP_ALLOWED_ORIGINS: origin });
  // Warnings and errors only: the suite's report is what this command prints.
  const { app, shopvoice } = createServer(config, createLogger('warn'));
  listener.on('request', app);
  try {
    process.stdout.write(`Shopvoice MCP server on the demo store at ${origin}${MCP_PATH}\n`);
    const exitCode = await runSuite(`${origin}${MCP_PATH}`, process.argv.slice(2));
    process.stdout.write(`\nWhy each expected failure does not apply: ${path.relative(ROOT, BASELINE)}\n`);
    return exitCode;
  } finally {
    listener.closeAllConnections();
    await new Promise((resolve) => listener.close(resolve));
    shopvoice.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    process.stderr.write(`mcp:conformance failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
