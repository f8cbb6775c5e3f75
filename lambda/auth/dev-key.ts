import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { JSONWebKeySet, JWK, KeyLike } from 'jose';

/**
 * The development signing key used by `npm run token`: an ES256 pair kept under
 * `<dataDir>/dev-auth/`. Only trusted when config.auth.trustDevKey is on, never in production.
 */
export interface DevKey {
  readonly kid: string;
  readonly alg: 'ES256';
  /** For signing. */
  readonly privateKey: KeyLike;
  /** For verifying: the public half, as a JWKS. */
  readonly publicJwks: JSONWebKeySet;
}

export const DEV_KEY_ALG = 'ES256';

export function devKeyPaths(dataDir: string): { dir: string; privateKeyFile: string; publicJwksFile: string } {
  const dir = path.join(dataDir, 'dev-auth');
  return {
    dir,
    privateKeyFile: path.join(dir, 'private.jwk.json'),
    publicJwksFile: path.join(dir, 'public.jwks.json'),
  };
}

/** Returns the development key, creating it on first use. Safe when several processes call it at once. */
export async function loadOrCreateDevKey(dataDir: string): Promise<DevKey> {
  const paths = devKeyPaths(dataDir);
  let privateJwk = await readPrivateJwk(paths.privateKeyFile);
  if (!privateJwk) {
    await fs.mkdir(paths.dir, { recursive: true, mode: 0o700 });
    await createPrivateKeyFile(paths.privateKeyFile);
    // Read back whatever won: ours, or a key another process created in the meantime.
    privateJwk = await readPrivateJwk(paths.privateKeyFile);
    if (!privateJwk) throw new Error(`auth: the development key ${paths.privateKeyFile} vanished while being created`);
  }
  const { kid, publicJwk } = await publicPartOf(privateJwk);
  const publicJwks: JSONWebKeySet = { keys: [publicJwk] };
  await ensurePublicJwksFile(paths.publicJwksFile, publicJwks);
  const privateKey = await importJWK(privateJwk, DEV_KEY_ALG);
  if (privateKey instanceof Uint8Array) throw new Error('auth: the development key is not an EC key');
  return { kid, alg: DEV_KEY_ALG, privateKey, publicJwks };
}

/** The development key's public JWKS, or `undefined` when no key has been created yet. Never creates one. */
export async function readDevPublicJwks(dataDir: string): Promise<JSONWebKeySet | undefined> {
  const text = await readIfExists(devKeyPaths(dataDir).publicJwksFile);
  if (text === undefined) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed) || !Array.isArray(parsed.keys)) return undefined;
  return parsed as unknown as JSONWebKeySet;
}

async function createPrivateKeyFile(file: string): Promise<void> {
  const { privateKey } = await generateKeyPair(DEV_KEY_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFileWithMode(temp, `${JSON.stringify({ ...jwk, alg: DEV_KEY_ALG, use: 'sig' }, null, 2)}\n`, 0o600);
  try {
    // link() never replaces an existing file, so when two processes race the first key stays and
    // tokens already signed with it keep verifying; rename() would let the second one win.
    await fs.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
      // A filesystem without hard links: fall back to an atomic rename unless a key appeared meanwhile.
      if ((await readIfExists(file)) === undefined) {
        await fs.rename(temp, file);
        return;
      }
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function ensurePublicJwksFile(file: string, jwks: JSONWebKeySet): Promise<void> {
  const content = `${JSON.stringify(jwks, null, 2)}\n`;
  if ((await readIfExists(file)) === content) return;
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFileWithMode(temp, content, 0o644);
  await fs.rename(temp, file);
}

async function writeFileWithMode(file: string, content: string, mode: number): Promise<void> {
  const handle = await fs.open(file, 'wx', mode);
  try {
    // The umask could otherwise loosen (or tighten) the mode asked for in open().
    await handle.chmod(mode);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readPrivateJwk(file: string): Promise<JWK | undefined> {
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (
    !isRecord(parsed) ||
    parsed.kty !== 'EC' ||
    parsed.crv !== 'P-256' ||
    typeof parsed.d !== 'string' ||
    typeof parsed.x !== 'string' ||
    typeof parsed.y !== 'string'
  ) {
    throw new Error(
      `auth: the development key ${file} is not a P-256 private JWK; delete ${path.dirname(file)} to create a new one`,
    );
  }
  return { kty: 'EC', crv: 'P-256', d: parsed.d, x: parsed.x, y: parsed.y };
}

/** The kid is the key's RFC 7638 thumbprint, so it follows from the key and cannot drift from it. */
async function publicPartOf(privateJwk: JWK): Promise<{ kid: string; publicJwk: JWK }> {
  const { kty, crv, x, y } = privateJwk;
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  return { kid, publicJwk: { kty, crv, x, y, kid, alg: DEV_KEY_ALG, use: 'sig' } };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
