import path from 'node:path';

/** Typed configuration, read once from the environment. */
export interface Config {
  readonly environment: 'development' | 'test' | 'production';
  readonly port: number;
  /** The embedded store's SQLite file; created and seeded with the demo store on first run. */
  readonly storePath: string;
  /** Where development-only files (the dev signing key) live. */
  readonly dataDir: string;
  readonly store: {
    readonly name: string;
    /** Phone number shoppers can call, spoken when a person is offered to an unlinked shopper. */
    readonly supportPhone: string;
    readonly timeZone: string;
  };
  readonly alexa: {
    /** When set, the skill rejects requests for any other skill id. */
    readonly skillId?: string;
    readonly verifySignature: boolean;
  };
  readonly google: {
    /** When set, webhook requests must carry a Google-signed JWT for this project. */
    readonly projectId?: string;
  };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** JWKS of the authorization server: a URL (fetched and cached) ... */
    readonly jwksUrl?: string;
    /** ... or a local file. */
    readonly jwksFile?: string;
    /** Trust the development signing key used by `npm run token`. Never in production. */
    readonly trustDevKey: boolean;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function loadConfig(env: Env = process.env): Config {
  const environment =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  // Lambda's code folder is read-only; only /tmp is writable there.
  const defaultDataDir = env.AWS_LAMBDA_FUNCTION_NAME ? '/tmp/shopvoice' : 'data';
  const dataDir = path.resolve(env.SHOPVOICE_DATA_DIR ?? defaultDataDir);
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  return {
    environment,
    port: Number.isFinite(port) ? port : 3000,
    storePath: path.resolve(env.SHOPVOICE_STORE_PATH ?? path.join(dataDir, 'shopvoice.sqlite')),
    dataDir,
    store: {
      name: env.STORE_NAME ?? 'Northwind Outfitters',
      supportPhone: env.STORE_SUPPORT_PHONE ?? '18005550199',
      timeZone: env.STORE_TIME_ZONE ?? 'America/New_York',
    },
    alexa: {
      skillId: optional(env.ALEXA_SKILL_ID),
      verifySignature: flag(env.ALEXA_VERIFY_SIGNATURE, true),
    },
    google: {
      projectId: optional(env.GOOGLE_PROJECT_ID),
    },
    auth: {
      issuer: env.AUTH_ISSUER ?? 'https://auth.shopvoice.dev/',
      audience: env.AUTH_AUDIENCE ?? 'shopvoice',
      jwksUrl: optional(env.AUTH_JWKS_URL),
      jwksFile: optional(env.AUTH_JWKS_FILE),
      trustDevKey: environment !== 'production' && flag(env.AUTH_TRUST_DEV_KEY, true),
    },
  };
}
