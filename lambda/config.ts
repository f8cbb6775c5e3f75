import path from 'node:path';
import type { PurchasePinPolicy } from './core/flow';

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
    /** How soon the team follows up on a handoff; the shopper is told. */
    readonly followUpBusinessDays: number;
    /** A spoken four-digit PIN before any order is placed by voice, and the lockout after three wrong ones. */
    readonly purchasePin: PurchasePinPolicy;
  };
  /** Where filed handoff tickets are POSTed, signed; unset keeps them in the store only. */
  readonly handoffWebhook?: {
    readonly url: string;
    /** The HMAC-SHA256 key the receiver verifies the signature header with. */
    readonly secret: string;
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

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The webhook needs both its URL and its secret: an unsigned ticket would be one anybody could forge. */
function handoffWebhookFrom(env: Env): Config['handoffWebhook'] {
  const url = optional(env.HANDOFF_WEBHOOK_URL);
  if (url === undefined) return undefined;
  if (!/^https?:\/\/\S+$/.test(url)) throw new Error('HANDOFF_WEBHOOK_URL must be an http(s) URL');
  const secret = optional(env.HANDOFF_WEBHOOK_SECRET);
  if (secret === undefined || secret.length < 16) {
    throw new Error('HANDOFF_WEBHOOK_URL is set, so HANDOFF_WEBHOOK_SECRET must be too (at least 16 characters)');
  }
  return { url, secret };
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
      followUpBusinessDays: positiveInteger(env.STORE_FOLLOW_UP_BUSINESS_DAYS, 1),
      purchasePin: {
        required: flag(env.PURCHASE_PIN_REQUIRED, false),
        lockoutMinutes: positiveInteger(env.PURCHASE_PIN_LOCKOUT_MINUTES, 30),
      },
    },
    handoffWebhook: handoffWebhookFrom(env),
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
