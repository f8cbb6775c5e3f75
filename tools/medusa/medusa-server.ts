import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { buildMedusaSeedPlan } from './demo-plan';
import { findPostgresBin } from './postgres-bin';

const run = promisify(execFile);

/** The Medusa server's own npm project: Medusa 2.21.2 pinned by its package-lock.json, apart from the skill's dependencies. */
export const MEDUSA_SERVER_DIR = path.join(__dirname, 'server');
const MEDUSA_BIN = path.join(MEDUSA_SERVER_DIR, 'node_modules', '.bin', 'medusa');
const REPO_ROOT = path.join(__dirname, '..', '..');

export interface MedusaCustomer {
  /** The demo shopper this customer is (shopper-ava, …). */
  readonly demoId: string;
  /** Medusa's customer id: the shopper id Shopvoice uses. */
  readonly id: string;
  readonly email: string;
  readonly password: string;
  /** A customer token Medusa issued at start-up (POST /auth/customer/emailpass). */
  readonly token: string;
}

/** One Medusa server of a run, and the database it serves. */
export interface MedusaInstance {
  readonly url: string;
  /** Medusa's database, for the one kind of fact no Medusa API sets: when something happened (medusa-history.ts). */
  readonly databaseUrl: string;
}

/**
 * What a running, seeded Medusa is, as the tests and `npm run medusa` need it: the first server's
 * address and database, and every server's (each serves its own copy of the one seeded store).
 */
export interface MedusaConnection extends MedusaInstance {
  readonly instances: readonly MedusaInstance[];
  readonly publishableKey: string;
  /** A secret API key, for the tests' Admin API reads (what Medusa recorded); the skill never uses it. */
  readonly secretKey: string;
  /** Medusa's JWT secret, so tests can make a token Medusa itself refuses (an expired one). */
  readonly jwtSecret: string;
  readonly regionId: string;
  readonly customers: readonly MedusaCustomer[];
  /** Each demo order line's Medusa item id, by the demo's line id ("10605-1": order 10605's first line). */
  readonly lineIds: Readonly<Record<string, string>>;
  /** How long each phase took, in order. */
  readonly timings: readonly { readonly phase: string; readonly ms: number }[];
}

export interface MedusaServer extends MedusaConnection {
  stop(): Promise<void>;
}

export interface MedusaServerOptions {
  /** "Now" the demo history is laid out around (the tests' TEST_NOW); the real time by default. */
  readonly now?: Date;
  /** Where progress goes; quiet by default. */
  readonly log?: (line: string) => void;
  /**
   * How many Medusa servers to start, each on its own copy of the seeded database (copied, not
   * seeded again): one per test worker, so that no worker's test changes another's store. One by default.
   */
  readonly copies?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Debian's PostgreSQL server binaries, installed with apt-get the first time (like faketime and chromium). */
async function postgresBin(log: (line: string) => void): Promise<string> {
  const found = findPostgresBin();
  if (found) return found;
  log('installing PostgreSQL (Debian package postgresql)…');
  // Debian 12's server; on another release the script installs that release's and findPostgresBin() sees it.
  await run('sh', [path.join(REPO_ROOT, 'tools', 'ensure-debian-package.sh'), '/usr/lib/postgresql/15/bin/initdb', 'postgresql'], { maxBuffer: 16 << 20 }).catch(() => undefined);
  const installed = findPostgresBin();
  if (!installed) throw new Error('PostgreSQL is not installed and could not be: apt-get install postgresql');
  return installed;
}

/** PostgreSQL will not run as root: as root, the data directory belongs to `postgres` and its commands run as that user. */
function asPostgres(command: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

async function timed<T>(timings: { phase: string; ms: number }[], phase: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log(`${phase}…`);
  const result = await work();
  const ms = Math.round(performance.now() - started);
  timings.push({ phase, ms });
  log(`${phase}: ${(ms / 1000).toFixed(1)} s`);
  return result;
}

async function waitForHealth(url: string, medusa: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (medusa.exitCode !== null) throw new Error(`medusa start exited with ${medusa.exitCode}:\n${output().slice(-4000)}`);
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Medusa did not answer /health within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`);
}

async function customerToken(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/auth/customer/emailpass`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`Medusa refused the demo customer's login: HTTP ${response.status}`);
  return body.token;
}

/**
 * Brings up a Medusa v2 from nothing: its npm packages (npm ci, once), PostgreSQL on a free port in
 * a temporary directory, Medusa's migrations, the demo store seeded through Medusa's workflows,
 * and `medusa start` on another free port. `stop()` takes all of it down again and deletes the data.
 */
export async function startMedusaServer(options: MedusaServerOptions = {}): Promise<MedusaServer> {
  const log = options.log ?? (() => {});
  const timings: { phase: string; ms: number }[] = [];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-medusa-'));
  let pgBin: string | undefined;
  const servers: ChildProcess[] = [];
  const dataDir = path.join(workDir, 'data');

  async function stopServer(medusa: ChildProcess): Promise<void> {
    if (medusa.exitCode !== null || !medusa.pid) return;
    const exited = new Promise((resolve) => medusa.once('exit', resolve));
    try {
      process.kill(-medusa.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const killAfter = setTimeout(() => {
      try {
        process.kill(-medusa.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    await exited;
    clearTimeout(killAfter);
  }

  async function stop(): Promise<void> {
    await Promise.all(servers.map(stopServer));
    if (pgBin && fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      const [command, args] = asPostgres(path.join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      await run(command, args).catch(() => undefined);
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  try {
    await timed(timings, 'npm ci (Medusa 2.21.2)', log, async () => {
      if (fs.existsSync(MEDUSA_BIN)) return;
      await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: MEDUSA_SERVER_DIR, maxBuffer: 64 << 20 });
    });

    const pgPort = await freePort();
    await timed(timings, 'PostgreSQL', log, async () => {
      pgBin = await postgresBin(log);
      if (process.getuid?.() === 0) fs.chownSync(workDir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
      const [initdb, initArgs] = asPostgres(path.join(pgBin, 'initdb'), ['-D', dataDir, '-U', 'medusa', '--auth=trust', '--encoding=UTF8', '--no-sync']);
      await run(initdb, initArgs);
      const [pgCtl, ctlArgs] = asPostgres(path.join(pgBin, 'pg_ctl'), [
        '-D', dataDir, '-w', '-l', path.join(workDir, 'postgres.log'),
        '-o', `-p ${pgPort} -k ${workDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
        'start',
      ]);
      await run(pgCtl, ctlArgs);
      await run(path.join(pgBin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'medusa', 'medusa']);
    });

    const jwtSecret = randomBytes(32).toString('base64url');
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: `postgres://medusa@127.0.0.1:${pgPort}/medusa`,
      JWT_SECRET: jwtSecret,
      COOKIE_SECRET: randomBytes(32).toString('base64url'),
      MEDUSA_DISABLE_TELEMETRY: 'true',
      LOG_LEVEL: 'error',
    };

    await timed(timings, 'medusa db:migrate', log, () => run(MEDUSA_BIN, ['db:migrate'], { cwd: MEDUSA_SERVER_DIR, env, maxBuffer: 64 << 20 }));

    const planPath = path.join(workDir, 'seed-plan.json');
    const resultPath = path.join(workDir, 'seed-result.json');
    await timed(timings, 'seed plan from the demo store', log, async () => fs.writeFileSync(planPath, JSON.stringify(await buildMedusaSeedPlan(options.now ?? new Date()))));
    await timed(timings, 'medusa exec seed-demo.js', log, async () => {
      try {
        await run(MEDUSA_BIN, ['exec', './seed-demo.js'], { cwd: MEDUSA_SERVER_DIR, env: { ...env, SHOPVOICE_SEED_PLAN: planPath, SHOPVOICE_SEED_RESULT: resultPath }, maxBuffer: 64 << 20 });
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        throw new Error(`seeding Medusa failed:\n${`${stdout}\n${stderr}`.slice(-6000)}`);
      }
      if (!fs.existsSync(resultPath)) throw new Error('seeding Medusa wrote no result');
    });
    const seeded = JSON.parse(fs.readFileSync(resultPath, 'utf8')) as Omit<MedusaConnection, 'url' | 'jwtSecret' | 'databaseUrl' | 'instances' | 'customers' | 'timings' | 'lineIds'> & {
      lineIds: Record<string, string>;
      customers: Omit<MedusaCustomer, 'token'>[];
      timings: { phase: string; ms: number }[];
    };
    for (const step of seeded.timings) timings.push({ phase: `  seed: ${step.phase}`, ms: step.ms });

    const copies = Math.max(1, Math.floor(options.copies ?? 1));
    const databases = ['medusa', ...Array.from({ length: copies - 1 }, (_, index) => `medusa_${index + 2}`)];
    if (copies > 1) {
      // PostgreSQL copies a database file by file from a template nobody is connected to: far quicker than seeding again.
      await timed(timings, `copies of the seeded database (${copies - 1})`, log, async () => {
        for (const name of databases.slice(1)) {
          // A template must have no session: one autovacuum may still hold for a moment after seeding.
          for (let attempt = 1; ; attempt += 1) {
            try {
              await run(path.join(pgBin!, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'medusa', '-T', 'medusa', name]);
              break;
            } catch (error) {
              if (attempt >= 5) throw error;
              await new Promise((resolve) => setTimeout(resolve, 1_000));
            }
          }
        }
      });
    }
    const ports: number[] = [];
    while (ports.length < copies) {
      const port = await freePort();
      if (port !== pgPort && !ports.includes(port)) ports.push(port);
    }
    const instances = await timed(timings, copies > 1 ? `medusa start (${copies} servers)` : 'medusa start', log, () =>
      Promise.all(
        databases.map(async (database, index): Promise<MedusaInstance> => {
          const port = ports[index]!;
          const instance = { url: `http://127.0.0.1:${port}`, databaseUrl: `postgres://medusa@127.0.0.1:${pgPort}/${database}` };
          let output = '';
          const medusa = spawn(MEDUSA_BIN, ['start'], {
            cwd: MEDUSA_SERVER_DIR,
            env: { ...env, DATABASE_URL: instance.databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          servers.push(medusa);
          const keep = (chunk: Buffer) => {
            output = (output + chunk.toString()).slice(-20_000);
          };
          medusa.stdout?.on('data', keep);
          medusa.stderr?.on('data', keep);
          await waitForHealth(instance.url, medusa, () => output, 180_000);
          return instance;
        }),
      ),
    );
    // Every copy holds the same customers, keys and tokens; the first server is the one the connection names first.
    const [first] = instances as [MedusaInstance];

    const customers = await timed(timings, 'customer logins', log, () =>
      Promise.all(seeded.customers.map(async (customer) => ({ ...customer, token: await customerToken(first.url, customer.email, customer.password) }))),
    );
    return {
      ...first,
      instances,
      publishableKey: seeded.publishableKey,
      secretKey: seeded.secretKey,
      jwtSecret,
      regionId: seeded.regionId,
      customers,
      lineIds: seeded.lineIds,
      timings,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
