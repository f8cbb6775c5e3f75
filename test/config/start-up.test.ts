import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { ConfigError, loadConfig } from '../../lambda/config';
import { listenOn, listeningUrl, localUrl } from '../../lambda/http-listen';

/**
 * `npm start` as a developer runs it (tsx lambda/server.ts, no .env): a NODE_ENV that is not one of
 * the three stops it with one clear message; otherwise it listens on loopback unless HOST says
 * otherwise, and logs the address it actually bound.
 */

const REPO_ROOT = path.join(__dirname, '../..');

/** Only what a shell gives the process (and faketime, when the suite runs shifted): no test settings leak in. */
function shellEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const kept = ['PATH', 'HOME', 'TMPDIR', 'LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'DONT_FAKE_MONOTONIC'];
  return { ...Object.fromEntries(kept.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]])), ...settings };
}

function startServer(settings: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [require.resolve('tsx/cli'), 'lambda/server.ts'], { cwd: REPO_ROOT, env: shellEnvironment(settings) });
}

/** What the process wrote until it ended; one still running after `stopAfterMs` is stopped, so no server outlives the test. */
function exited(child: ChildProcess, stopAfterMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = setTimeout(() => child.kill('SIGKILL'), stopAfterMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(stop);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Resolves with the first log line whose message matches, parsed. */
function logLine(child: ChildProcess, message: RegExp): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n').slice(0, -1)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (message.test(String(parsed.msg))) {
          child.stdout?.off('data', onData);
          resolve(parsed);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('close', (code) => reject(new Error(`the server exited (${code}) before logging ${message}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-start-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  // Every other wrong value is refused the same way (test/config/node-env.test.ts).
  it('refuses NODE_ENV=prod with a message naming the allowed values', async () => {
    const run = await exited(startServer({ NODE_ENV: 'prod', SHOPVOICE_DATA_DIR: dataDir }));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Invalid configuration:\n  - NODE_ENV: must be development, test or production (lowercase)\nSee .env.example for every setting.\n',
    );
    expect(run.stdout).not.toMatch(/listening/);
  }, 30_000);

  it('listens on 127.0.0.1 by default, and says so', async () => {
    const port = await freePort();
    const server = startServer({ SHOPVOICE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    const done = exited(server);
    try {
      const listening = await logLine(server, /listening/);
      expect(listening).toMatchObject({ host: '127.0.0.1', port, msg: `Shopvoice is listening on http://127.0.0.1:${port}` });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  }, 30_000);
});

describe('HOST', () => {
  it('is loopback unless set; a container sets 0.0.0.0', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: ' ' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it('refuses what cannot be an address, naming the setting', () => {
    for (const host of ['http://0.0.0.0', '[::1]', 'two words', '0.0.0.0:3000/']) {
      expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST: host })).toThrow(/HOST: must be a host name or IP address/);
    }
  });
});

describe('listenOn', () => {
  const app = express().get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  it('binds the host it is given and reports the address actually bound', async () => {
    for (const host of ['127.0.0.1', '0.0.0.0']) {
      const { server, address } = await listenOn(app, { host, port: 0 });
      try {
        expect(address.address).toBe(host);
        expect(address.port).toBeGreaterThan(0);
        expect((await fetch(`http://127.0.0.1:${address.port}/healthz`)).status).toBe(200);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('rejects an address it cannot bind, for the start-up to report', async () => {
    const { server, address } = await listenOn(app, { host: '127.0.0.1', port: 0 });
    try {
      await expect(listenOn(app, { host: '127.0.0.1', port: address.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('writes URLs a browser on this machine can open', () => {
    expect(listeningUrl({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(listeningUrl({ address: '::1', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
    expect(listeningUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://0.0.0.0:3000');
    expect(localUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://localhost:3000');
    expect(localUrl({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://localhost:3000');
    expect(localUrl({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
  });
});
