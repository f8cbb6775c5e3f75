import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { createAccessTokenVerifierFromConfig } from '../../lambda/auth/verifier-from-config';
import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import { loadConfig } from '../../lambda/config';
import { runTokenCommand } from '../../tools/token';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-token-tool-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const contextFor = (env: Record<string, string> = {}) => ({
  config: loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ...env }),
  shoppers: DEMO_SHOPPERS,
});

function firstShopper() {
  const shopper = DEMO_SHOPPERS[0];
  if (!shopper) throw new Error('DEMO_SHOPPERS is empty');
  return shopper;
}

describe('npm run token', () => {
  it('prints a token that the config-built verifier accepts for the named shopper', async () => {
    const context = contextFor();
    const shopper = firstShopper();
    const result = await runTokenCommand([shopper.id], context);
    expect(result.exitCode).toBe(0);
    const token = result.stdout.trim();
    expect(result.stdout).toBe(`${token}\n`);
    await expect(createAccessTokenVerifierFromConfig(context.config).verify(token)).resolves.toEqual({
      shopperId: shopper.id,
    });
    const claims = decodeJwt(token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(result.stderr).toContain(shopper.name);
    expect(result.stderr).not.toContain(token);
  });

  it('takes a lifetime with --expires', async () => {
    const shopper = firstShopper();
    for (const args of [[shopper.id, '--expires', '2h'], ['--expires=2h', shopper.id]]) {
      const result = await runTokenCommand(args, contextFor());
      expect(result.exitCode).toBe(0);
      const claims = decodeJwt(result.stdout.trim());
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7200);
    }
  });

  it('lists the demo shoppers when given no shopper id', async () => {
    const result = await runTokenCommand([], contextFor());
    expect(result.exitCode).toBe(0);
    expect(DEMO_SHOPPERS.length).toBeGreaterThan(0);
    for (const shopper of DEMO_SHOPPERS) {
      expect(result.stdout).toContain(shopper.id);
      expect(result.stdout).toContain(shopper.name);
      expect(result.stdout).toContain(shopper.story);
    }
    expect(fs.existsSync(path.join(dataDir, 'dev-auth'))).toBe(false);
  });

  it('refuses an unknown shopper id and lists the valid ones', async () => {
    const result = await runTokenCommand(['no-such-shopper'], contextFor());
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown shopper "no-such-shopper"');
    for (const shopper of DEMO_SHOPPERS) expect(result.stderr).toContain(shopper.id);
  });

  it.each([
    [['--expires'], /--expires needs a value/],
    [['--expires', 'soon'], /invalid token lifetime "soon"/],
    [['--nope'], /Unknown option --nope/],
    [['two', 'ids'], /One shopper id at a time/],
  ])('refuses bad arguments %#', async (extra, message) => {
    const args = extra[0] === 'two' ? extra : [firstShopper().id, ...extra];
    const result = await runTokenCommand(args, contextFor());
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('warns when the configuration does not trust the dev key', async () => {
    const result = await runTokenCommand([firstShopper().id], contextFor({ AUTH_TRUST_DEV_KEY: 'off' }));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/does not trust the dev key/);
  });

  it('runs as a script: token on stdout, exit code 1 for an unknown id', async () => {
    const run = promisify(execFile);
    const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
    const script = path.resolve(__dirname, '../../tools/token.ts');
    const env = { ...process.env, NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir };
    const shopper = firstShopper();

    const ok = await run(tsx, [script, shopper.id], { env });
    const config = loadConfig(env);
    await expect(createAccessTokenVerifierFromConfig(config).verify(ok.stdout.trim())).resolves.toEqual({
      shopperId: shopper.id,
    });

    await expect(run(tsx, [script, 'no-such-shopper'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Unknown shopper'),
    });
  });
});
