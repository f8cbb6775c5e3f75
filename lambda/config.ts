import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as z from './zod-mini';
import { CURRENCY_CODES, type CurrencyCode } from './commerce/ports';
import type { PurchasePinPolicy } from './core/flow';
import { DEFAULT_MIN_SPEAKER_CONFIDENCE, type HouseholdPolicy, ORDER_DETAIL_MODES, PURCHASE_AUTH_MODES } from './household/household-policy';
import { MIN_SESSION_STATE_SECRET_LENGTH } from './core/sealed-state';
import { isTelnyxPublicKey } from './platforms/phone/telnyx-signature';

/** Typed configuration, read once from the environment and validated as a whole. */
export interface Config {
  readonly environment: Environment;
  readonly port: number;
  /** The address `npm start` listens on: loopback unless HOST says otherwise (0.0.0.0 in a container). */
  readonly host: string;
  /** The embedded store's SQLite file; created and seeded with the demo store on first run. */
  readonly storePath: string;
  /** Where development-only files (the dev signing key) live. */
  readonly dataDir: string;
  /** Who answers for orders, the catalog, returns and checkout. */
  readonly commerce: CommerceSource;
  /** Where the skill keeps what it owns: handoff tickets and their queue, transcripts, PIN tries, checkout claims. */
  readonly state: StateSource;
  readonly store: {
    readonly name: string;
    /** Phone number shoppers can call, spoken when a person is offered to an unlinked shopper. */
    readonly supportPhone: string;
    readonly timeZone: string;
    /** The currency the store sells in (STORE_CURRENCY): prices are spoken in it, and budgets heard in it. */
    readonly currency: CurrencyCode;
    /** The language of the catalog's own names (STORE_CATALOG_LOCALE); other locales hear them marked as such. */
    readonly catalogLocale: string;
    /** How soon the team follows up on a handoff; the shopper is told. */
    readonly followUpBusinessDays: number;
    /** A spoken four-digit PIN before any order is placed by voice, and the lockout after three wrong ones. */
    readonly purchasePin: PurchasePinPolicy;
    /** A device several people share (Alexa voice IDs): whose voice replaces the PIN, who hears order details. */
    readonly household: HouseholdPolicy;
    /** The same basket confirmed again by the same shopper within this time is the same order. */
    readonly duplicateOrderWindowMinutes: number;
  };
  /** Turn events and conversation transcripts older than this many days are deleted by `npm run purge`. */
  readonly retentionDays: number;
  /** Where filed handoff tickets are POSTed, signed; unset keeps them in the store only. */
  readonly handoffWebhook?: {
    readonly url: string;
    /** The HMAC-SHA256 key the receiver verifies the signature header with. */
    readonly secret: string;
  };
  /**
   * Telling shoppers when their orders move (events/): the store's signed webhook
   * `POST /events/order-status`, and Alexa's Proactive Events API. Off unless ORDER_EVENTS_SECRET is set.
   */
  readonly orderEvents?: {
    /** The HMAC-SHA256 key the store signs status changes with. */
    readonly secret: string;
    /** Wait before the first retry of a notification Alexa did not take; doubles each time. */
    readonly retryBaseMs: number;
    readonly alexa: {
      /** The skill's Alexa client id and secret (developer console, Permissions), for Login with Amazon. */
      readonly clientId: string;
      readonly clientSecret: string;
      /** The Alexa API of the skill's region. */
      readonly apiUrl: string;
      /** Login with Amazon's token endpoint host. */
      readonly lwaUrl: string;
      /** DEVELOPMENT reaches the skill's test accounts; LIVE the published skill's shoppers. */
      readonly stage: 'DEVELOPMENT' | 'LIVE';
    };
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
  readonly metrics: {
    /** When set, `GET /metrics` answers only requests carrying `Authorization: Bearer <token>`. */
    readonly token?: string;
  };
  /** The store's phone line on ConversationRelay (platforms/phone): Twilio, or Telnyx speaking the same protocol. */
  readonly phone: {
    /**
     * Twilio's auth token, which signs the TwiML webhook and the WebSocket handshake. Outside
     * production a fixed development token when unset (the one `npm run call` signs with); in
     * production, without it, every phone request is refused.
     */
    readonly twilioAuthToken?: string;
    /** Check `X-Twilio-Signature`; only ever off outside production, for local testing. */
    readonly verifySignature: boolean;
    /** The https URL Twilio reaches this server at, when it is not what requests say (a proxy that rewrites Host). */
    readonly publicUrl?: string;
    /** The language a call starts in (the TwiML `language`). */
    readonly locale: string;
    /** The `<Connect action>` Twilio posts to when the assistant ends the relay, with its HandoffData: the store's Studio flow or contact centre. */
    readonly handoffUrl?: string;
    /** Whose line this is: Twilio (TwiML, `X-Twilio-Signature`) or Telnyx (TeXML, Ed25519 signatures). */
    readonly provider: PhoneProvider;
    /** Telnyx's public key (base64), which verifies `telnyx-signature-ed25519`; without it every Telnyx request is refused. */
    readonly telnyxPublicKey?: string;
    /** The wss:// URL the relay opens when it is not this server's own `/phone` (the API Gateway WebSocket API on AWS). */
    readonly socketUrl?: string;
    /** Where messages to a relay socket are posted on AWS (API Gateway's management API), when not the socket's own host: a local stand-in. */
    readonly connectionsEndpoint?: string;
  };
  readonly mcp: {
    /**
     * Browser origins (scheme://host[:port]) that may call `/mcp`; a request with any other Origin
     * gets 403 (DNS rebinding). Hosts that call from a server (Alexa+) send no Origin and pass.
     */
    readonly allowedOrigins: readonly string[];
  };
  /**
   * The HMAC-SHA256 key session state travels sealed with (core/sealed-state.ts); required in
   * production, a random one per process elsewhere when unset.
   */
  readonly sessionStateSecret: string;
  /** What the skill keeps about each turn for the containment report (see TurnEvent). */
  readonly analytics: {
    /** The HMAC-SHA256 key shopper ids are hashed with in turn events; a fixed development key outside production. */
    readonly shopperHashSecret: string;
    /** Keep what the shopper said (redacted) in turn events, where the platform gives the text. Off by default. */
    readonly storeUtterances: boolean;
  };
  /** How long a turn may take, so the shopper always hears an answer well inside the platform's limit. */
  readonly turn: {
    /** A port call still unanswered this long after the turn began fails, and the shopper hears an apology. */
    readonly budgetMs: number;
    /** A store call unanswered this long makes Alexa say it is checking (a progressive response). */
    readonly progressAfterMs: number;
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

/** The only NODE_ENV values there are: anything else (prod, Production, staging) stops start-up. */
export const ENVIRONMENTS = ['development', 'test', 'production'] as const;

/** The ConversationRelay providers a phone line can be on (platforms/phone). */
export const PHONE_PROVIDERS = ['twilio', 'telnyx'] as const;
export type PhoneProvider = (typeof PHONE_PROVIDERS)[number];
export type Environment = (typeof ENVIRONMENTS)[number];

export type CommerceSource =
  | { readonly adapter: 'embedded' }
  | {
      readonly adapter: 'http';
      /** Base URL of the store's API (commerce-api.yaml), e.g. https://shop.example/voice-api/. */
      readonly baseUrl: string;
      /** Sent as a bearer token on every call, when the store's API wants one. */
      readonly apiKey?: string;
      /** Longest wait for one call before it counts as failed. */
      readonly timeoutMs: number;
    }
  | ShopifySource
  | MedusaSource;

/** A Medusa v2 store, through its Store API as the linked customer (lambda/commerce/medusa/). */
export interface MedusaSource {
  readonly adapter: 'medusa';
  /** The Medusa backend's origin, e.g. https://api.northwind.example (MEDUSA_BACKEND_URL). */
  readonly backendUrl: string;
  /** A publishable API key of the sales channel voice orders belong to (MEDUSA_PUBLISHABLE_KEY), sent as x-publishable-api-key. */
  readonly publishableKey: string;
  /**
   * A secret API key (MEDUSA_SECRET_API_KEY), for the one read the Store API does not offer: the
   * fulfillments' labels (tracking numbers) and items of orders the customer's own token listed.
   */
  readonly secretApiKey?: string;
  /** Days from delivery a return may be started: Medusa keeps no return window (MEDUSA_RETURN_WINDOW_DAYS). */
  readonly returnWindowDays: number;
  /** The storefront's page that opens a prepared cart, with `{cart_id}` in it (MEDUSA_CHECKOUT_URL). */
  readonly checkoutUrl: string;
  /** Longest wait for one call, its retries included (STORE_API_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Alexa account linking served by Shopvoice over Medusa's customer sign-in (platforms/medusa-link), when configured. */
  readonly link?: MedusaLinkSettings;
}

/** The OAuth 2.0 client Alexa is to Shopvoice's Medusa account linking (MEDUSA_LINK_*). */
export interface MedusaLinkSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Alexa's redirect URLs (developer console → Account Linking); no other redirect_uri is accepted. */
  readonly redirectUris: readonly string[];
}

/** A Shopify store, through its shopper-facing APIs: Storefront (catalog, carts) and Customer Account (the shopper's own orders and returns). */
export interface ShopifySource {
  readonly adapter: 'shopify';
  /** The store's origin, e.g. https://northwind.myshopify.com (SHOPIFY_STORE_DOMAIN, https:// added to a bare domain). */
  readonly storeOrigin: string;
  /** The Storefront API access token (SHOPIFY_STOREFRONT_TOKEN): a private token, sent as Shopify-Storefront-Private-Token. */
  readonly storefrontToken: string;
  /** The Storefront API version, e.g. 2026-04 (SHOPIFY_API_VERSION). */
  readonly apiVersion: string;
  /** The Customer Account API's GraphQL endpoint (SHOPIFY_CUSTOMER_ACCOUNT_API_URL); read from the store's /.well-known/customer-account-api when unset. */
  readonly customerAccountApiUrl?: string;
  /** Days from delivery a return may be started, as set in Shopify's return rules (SHOPIFY_RETURN_WINDOW_DAYS). */
  readonly returnWindowDays: number;
  /** Longest wait for one call, its retries included (STORE_API_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

export type StateSource =
  | { readonly adapter: 'embedded' }
  | {
      readonly adapter: 'dynamodb';
      /** Tables are named `<prefix>-handoffs`, `<prefix>-conversations`, `<prefix>-purchase-pins`, `<prefix>-checkout-claims`. */
      readonly tablePrefix: string;
      /** AWS region; on Lambda, the function's own. */
      readonly region?: string;
      /** A DynamoDB-compatible endpoint instead of AWS's (DynamoDB Local, dynalite). */
      readonly endpoint?: string;
    };

/** A setting that is missing or wrong, named as it is set in the environment. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const FALSE_WORDS = ['0', 'false', 'no', 'off'];
const TRUE_WORDS = ['1', 'true', 'yes', 'on'];

/** Unset and blank mean "not set", so a `.env` line left empty keeps the default. */
const text = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim())),
);

/** A set value `test` accepts (unset passes), or the problem `message` names. */
const setValue = (test: (value: string) => boolean, message: string) =>
  z.optional(z.string()).check(z.refine((value) => value === undefined || test(value), message));

const flag = (fallback: boolean) =>
  z.pipe(
    text,
    z.pipe(
      setValue((value) => [...FALSE_WORDS, ...TRUE_WORDS].includes(value.toLowerCase()), 'must be true or false'),
      z.transform((value: string | undefined) => (value === undefined ? fallback : TRUE_WORDS.includes(value.toLowerCase()))),
    ),
  );

const wholeNumber = (fallback: number, min: number, max: number) =>
  z.pipe(
    text,
    z.pipe(
      z.pipe(
        setValue((value) => /^\d+$/.test(value), 'must be a whole number'),
        z.transform((value: string | undefined) => (value === undefined ? fallback : Number.parseInt(value, 10))),
      ),
      z.number().check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`)),
    ),
  );

/** Text that, when set, must match `pattern`; `message` names the problem. */
const textMatching = (pattern: RegExp, message: string) => z.pipe(text, z.optional(z.string().check(z.regex(pattern, message))));

const httpUrl = z.pipe(text, setValue((value) => /^https?:\/\/[^\s/]+/.test(value), 'must be an http(s) URL'));

/** Comma-separated web origins as a browser sends them (scheme://host[:port], no path), each normalised by URL. */
const originList = z.pipe(
  text,
  z.pipe(
    z
      .pipe(
        z.optional(z.string()),
        z.transform((value: string | undefined) => (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')),
      )
      .check(z.refine((origins) => origins.every(isWebOrigin), 'must be comma-separated origins such as https://app.example.com,http://localhost:6274 (no path, no wildcard)')),
    z.transform((origins: string[]) => origins.map((origin) => new URL(origin).origin)),
  ),
);

function isWebOrigin(value: string): boolean {
  // No query, fragment or credentials: an Origin header never has them.
  if (/[?#@]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/';
  } catch {
    return false;
  }
}

const timeZone = z.pipe(text, setValue(isTimeZone, 'must be an IANA time zone such as America/New_York'));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every setting Shopvoice reads, by its environment name. `.env.example` documents each one. */
const envSchema = z.object({
  NODE_ENV: z.pipe(text, z.optional(z.enum(ENVIRONMENTS, { error: 'must be development, test or production (lowercase)' }))),
  PORT: wholeNumber(3000, 1, 65535),
  HOST: textMatching(/^[A-Za-z0-9.:%-]+$/, 'must be a host name or IP address, e.g. 127.0.0.1, or 0.0.0.0 for every interface'),
  SHOPVOICE_DATA_DIR: text,
  SHOPVOICE_STORE_PATH: text,
  AWS_LAMBDA_FUNCTION_NAME: text,
  AWS_REGION: text,

  STORE_ADAPTER: z.pipe(text, z.optional(z.enum(['embedded', 'http', 'shopify', 'medusa']))),
  STORE_API_URL: httpUrl,
  STORE_API_KEY: text,
  STORE_API_TIMEOUT_MS: wholeNumber(2500, 100, 8000),

  SHOPIFY_STORE_DOMAIN: textMatching(/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, 'must be the store\'s domain, e.g. northwind.myshopify.com'),
  SHOPIFY_STOREFRONT_TOKEN: text,
  SHOPIFY_API_VERSION: textMatching(/^\d{4}-\d{2}$/, 'must be a Shopify API version such as 2026-04'),
  SHOPIFY_CUSTOMER_ACCOUNT_API_URL: httpUrl,
  SHOPIFY_RETURN_WINDOW_DAYS: wholeNumber(30, 0, 365),

  MEDUSA_BACKEND_URL: httpUrl,
  MEDUSA_PUBLISHABLE_KEY: textMatching(/^pk_[A-Za-z0-9]+$/, 'must be a Medusa publishable API key (pk_…)'),
  MEDUSA_SECRET_API_KEY: textMatching(/^sk_[A-Za-z0-9]+$/, 'must be a Medusa secret API key (sk_…)'),
  MEDUSA_RETURN_WINDOW_DAYS: wholeNumber(30, 0, 365),
  MEDUSA_CHECKOUT_URL: textMatching(/^https?:\/\/\S*\{cart_id\}\S*$/, 'must be the storefront URL that opens a cart, with {cart_id} in it'),
  MEDUSA_LINK_CLIENT_ID: textMatching(/^[\x21-\x7e]{1,200}$/, 'must be printable ASCII without spaces'),
  MEDUSA_LINK_CLIENT_SECRET: textMatching(/^[\x21-\x7e]{24,200}$/, 'must be at least 24 printable ASCII characters without spaces'),
  MEDUSA_LINK_REDIRECT_URIS: textMatching(/^https:\/\/[^\s,]+(,\s*https:\/\/[^\s,]+)*$/, "must be Alexa's redirect URLs (https), separated by commas"),

  STATE_ADAPTER: z.pipe(text, z.optional(z.enum(['embedded', 'dynamodb']))),
  DYNAMODB_TABLE_PREFIX: textMatching(/^[A-Za-z0-9_.-]{3,200}$/, 'must be 3–200 letters, digits, "_", "-" or "."'),
  DYNAMODB_ENDPOINT: httpUrl,

  STORE_NAME: text,
  STORE_SUPPORT_PHONE: textMatching(/^\+?\d{3,15}$/, 'must be digits only, e.g. 18005550199'),
  STORE_TIME_ZONE: timeZone,
  STORE_CURRENCY: z.pipe(text, z.optional(z.enum(CURRENCY_CODES))),
  STORE_CATALOG_LOCALE: textMatching(/^[a-z]{2,3}-[A-Z]{2}$/, 'must be a locale such as en-US or de-DE'),
  STORE_FOLLOW_UP_BUSINESS_DAYS: wholeNumber(1, 1, 30),
  PURCHASE_PIN_REQUIRED: flag(false),
  PURCHASE_PIN_LOCKOUT_MINUTES: wholeNumber(30, 1, 24 * 60),
  STORE_PURCHASE_AUTH: z.pipe(text, z.optional(z.enum(PURCHASE_AUTH_MODES, { error: `must be ${PURCHASE_AUTH_MODES.join(' or ')}` }))),
  STORE_ORDER_DETAILS: z.pipe(text, z.optional(z.enum(ORDER_DETAIL_MODES, { error: `must be ${ORDER_DETAIL_MODES.join(' or ')}` }))),
  STORE_SPEAKER_MIN_CONFIDENCE: wholeNumber(DEFAULT_MIN_SPEAKER_CONFIDENCE, 1, 1000),
  DUPLICATE_ORDER_WINDOW_MINUTES: wholeNumber(10, 1, 24 * 60),

  HANDOFF_WEBHOOK_URL: httpUrl,
  HANDOFF_WEBHOOK_SECRET: text,

  ORDER_EVENTS_SECRET: text,
  ORDER_EVENTS_RETRY_BASE_MS: wholeNumber(5000, 10, 600_000),
  ALEXA_CLIENT_ID: text,
  ALEXA_CLIENT_SECRET: text,
  ALEXA_API_URL: httpUrl,
  ALEXA_LWA_URL: httpUrl,
  ALEXA_EVENTS_STAGE: z.pipe(text, z.optional(z.enum(['development', 'live'], { error: 'must be development or live' }))),

  RETENTION_DAYS: wholeNumber(90, 1, 3650),

  SHOPPER_HASH_SECRET: text,
  SESSION_STATE_SECRET: text,
  STORE_UTTERANCES: flag(false),

  TURN_BUDGET_MS: wholeNumber(5000, 1000, 7000),
  PROGRESS_AFTER_MS: wholeNumber(400, 100, 3000),

  ALEXA_SKILL_ID: textMatching(/^amzn1\.ask\.skill\.[0-9a-f-]+$/i, 'must look like amzn1.ask.skill.<id>'),
  ALEXA_VERIFY_SIGNATURE: flag(true),
  GOOGLE_PROJECT_ID: text,

  MCP_ALLOWED_ORIGINS: originList,

  PHONE_TWILIO_AUTH_TOKEN: text,
  PHONE_VERIFY_SIGNATURE: flag(true),
  PHONE_PUBLIC_URL: httpUrl,
  PHONE_LOCALE: textMatching(/^[a-z]{2,3}-[A-Z]{2}$/, 'must be a locale such as en-US or de-DE'),
  PHONE_HANDOFF_URL: httpUrl,
  PHONE_PROVIDER: z.pipe(text, z.optional(z.enum(PHONE_PROVIDERS))),
  PHONE_TELNYX_PUBLIC_KEY: z.pipe(text, setValue(isTelnyxPublicKey, 'must be the Telnyx account public key: base64 of 32 bytes, from Mission Control')),
  PHONE_SOCKET_URL: z.pipe(text, setValue((value) => /^wss?:\/\/[^\s/]+/.test(value), 'must be a ws:// or wss:// URL')),
  PHONE_CONNECTIONS_ENDPOINT: httpUrl,

  METRICS_TOKEN: textMatching(/^[A-Za-z0-9._~+/-]{16,}=*$/, 'at least 16 letters, digits or -._~+/ (e.g. the output of openssl rand -hex 32)'),

  AUTH_ISSUER: text,
  AUTH_AUDIENCE: text,
  AUTH_JWKS_URL: httpUrl,
  AUTH_JWKS_FILE: text,
  AUTH_TRUST_DEV_KEY: flag(true),
});

type Settings = z.output<typeof envSchema>;

export const MIN_SHOPPER_HASH_SECRET_LENGTH = 32;
/** Outside production only, when PHONE_TWILIO_AUTH_TOKEN is unset: what `npm run call` signs its calls with. */
export const DEVELOPMENT_TWILIO_AUTH_TOKEN = 'shopvoice-development-twilio-auth-token';
/** Outside production only: events recorded with it can be linked to shopper ids by anyone who reads this file. */
export const DEVELOPMENT_SHOPPER_HASH_SECRET = 'shopvoice-development-shopper-hash-secret';

/**
 * Outside production without SESSION_STATE_SECRET: one random key per process, so no state can be
 * forged with a key anybody could read; a restart drops the state of conversations in progress.
 */
let processSessionStateSecret: string | undefined;
function developmentSessionStateSecret(): string {
  processSessionStateSecret ??= randomBytes(32).toString('base64url');
  return processSessionStateSecret;
}

/** Rules that tie settings together; each problem names the setting to fix. */
function crossChecks(settings: Settings, environment: Config['environment']): string[] {
  const problems: string[] = [];
  if (settings.STORE_ADAPTER === 'http' && !settings.STORE_API_URL) {
    problems.push('STORE_API_URL: required when STORE_ADAPTER=http (the base URL of the store API in commerce-api.yaml)');
  }
  if (settings.STORE_ADAPTER === 'medusa') {
    if (!settings.MEDUSA_BACKEND_URL) problems.push('MEDUSA_BACKEND_URL: required when STORE_ADAPTER=medusa (the Medusa backend, e.g. https://api.northwind.example)');
    if (!settings.MEDUSA_PUBLISHABLE_KEY) problems.push('MEDUSA_PUBLISHABLE_KEY: required when STORE_ADAPTER=medusa (Settings → Publishable API Keys)');
    if (!settings.MEDUSA_CHECKOUT_URL) problems.push('MEDUSA_CHECKOUT_URL: required when STORE_ADAPTER=medusa (the storefront page that opens a cart, with {cart_id})');
    const linkSettings = [settings.MEDUSA_LINK_CLIENT_ID, settings.MEDUSA_LINK_CLIENT_SECRET, settings.MEDUSA_LINK_REDIRECT_URIS];
    if (linkSettings.some(Boolean) && !linkSettings.every(Boolean)) {
      problems.push('MEDUSA_LINK_CLIENT_ID, MEDUSA_LINK_CLIENT_SECRET, MEDUSA_LINK_REDIRECT_URIS: account linking needs all three, or none');
    }
  }
  if (settings.STORE_ADAPTER === 'shopify' && !settings.SHOPIFY_STORE_DOMAIN) {
    problems.push('SHOPIFY_STORE_DOMAIN: required when STORE_ADAPTER=shopify (e.g. northwind.myshopify.com)');
  }
  if (settings.STORE_ADAPTER === 'shopify' && !settings.SHOPIFY_STOREFRONT_TOKEN) {
    problems.push('SHOPIFY_STOREFRONT_TOKEN: required when STORE_ADAPTER=shopify (a private Storefront API access token)');
  }
  if (settings.STATE_ADAPTER === 'dynamodb' && !settings.DYNAMODB_TABLE_PREFIX) {
    problems.push('DYNAMODB_TABLE_PREFIX: required when STATE_ADAPTER=dynamodb (serverless.yml sets it to <service>-<stage>)');
  }
  // An unsigned ticket would be one anybody could forge.
  if (settings.HANDOFF_WEBHOOK_URL && (settings.HANDOFF_WEBHOOK_SECRET ?? '').length < 16) {
    problems.push('HANDOFF_WEBHOOK_SECRET: required when HANDOFF_WEBHOOK_URL is set, at least 16 characters');
  }
  // An unsigned status change would let anybody make Alexa announce deliveries.
  if (settings.ORDER_EVENTS_SECRET !== undefined && settings.ORDER_EVENTS_SECRET.length < 16) {
    problems.push('ORDER_EVENTS_SECRET: at least 16 characters');
  }
  if (settings.ORDER_EVENTS_SECRET !== undefined && (!settings.ALEXA_CLIENT_ID || !settings.ALEXA_CLIENT_SECRET)) {
    problems.push('ALEXA_CLIENT_ID: required with ALEXA_CLIENT_SECRET when ORDER_EVENTS_SECRET is set (the skill\'s client credentials, developer console > Permissions)');
  }
  if (environment === 'production' && [settings.ALEXA_API_URL, settings.ALEXA_LWA_URL].some((url) => url !== undefined && !url.startsWith('https://'))) {
    problems.push('ALEXA_API_URL: must be https in production, as must ALEXA_LWA_URL');
  }
  // "A recognised speaker or the PIN": without the PIN, anyone Alexa does not recognise could buy.
  if (settings.STORE_PURCHASE_AUTH === 'recognised-speaker-or-pin' && !settings.PURCHASE_PIN_REQUIRED) {
    problems.push('PURCHASE_PIN_REQUIRED: must be true when STORE_PURCHASE_AUTH=recognised-speaker-or-pin (the PIN is what everyone else says)');
  }
  // A progressive response planned for after the deadline would never be said.
  if (settings.PROGRESS_AFTER_MS >= settings.TURN_BUDGET_MS) {
    problems.push('PROGRESS_AFTER_MS: must be less than TURN_BUDGET_MS');
  }
  // With a known key, anybody holding the events could hash every shopper id and read them back.
  if (environment === 'production' && (settings.SHOPPER_HASH_SECRET ?? '').length < MIN_SHOPPER_HASH_SECRET_LENGTH) {
    problems.push(`SHOPPER_HASH_SECRET: required in production, at least ${MIN_SHOPPER_HASH_SECRET_LENGTH} characters`);
  } else if (settings.SHOPPER_HASH_SECRET !== undefined && settings.SHOPPER_HASH_SECRET.length < MIN_SHOPPER_HASH_SECRET_LENGTH) {
    problems.push(`SHOPPER_HASH_SECRET: at least ${MIN_SHOPPER_HASH_SECRET_LENGTH} characters`);
  }
  // Without it, anybody could write the state a conversation continues from.
  if (environment === 'production' && (settings.SESSION_STATE_SECRET ?? '').length < MIN_SESSION_STATE_SECRET_LENGTH) {
    problems.push(`SESSION_STATE_SECRET: required in production, at least ${MIN_SESSION_STATE_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`);
  } else if (settings.SESSION_STATE_SECRET !== undefined && settings.SESSION_STATE_SECRET.length < MIN_SESSION_STATE_SECRET_LENGTH) {
    problems.push(`SESSION_STATE_SECRET: at least ${MIN_SESSION_STATE_SECRET_LENGTH} characters`);
  }
  // Unsigned phone requests would let anybody call in as any number.
  if (environment === 'production' && !settings.PHONE_VERIFY_SIGNATURE) {
    problems.push('PHONE_VERIFY_SIGNATURE: cannot be false in production');
  }
  if (environment === 'production' && !settings.AUTH_JWKS_URL && !settings.AUTH_JWKS_FILE) {
    problems.push('AUTH_JWKS_URL: required in production (or AUTH_JWKS_FILE), or no shopper could ever be recognised');
  }
  return problems;
}

/**
 * The rules that tie settings together, checked on the settings that are valid on their own, so
 * one start-up names every problem rather than one at a time.
 */
function crossChecksOfValidSettings(env: Env, invalid: readonly string[]): string[] {
  const valid = Object.fromEntries(
    Object.entries(envSchema.shape).map(([name, schema]) => {
      const field = (schema as z.ZodMiniType).safeParse(env[name]);
      return [name, field.success ? field.data : undefined];
    }),
  ) as Settings;
  const named = new Set(invalid.map((problem) => problem.split(':')[0]));
  return crossChecks(valid, environmentOf(valid.NODE_ENV)).filter((problem) => !named.has(problem.split(':')[0]));
}

/** Unset is development, so a fresh clone runs as it always has. */
function environmentOf(nodeEnv: Environment | undefined): Environment {
  return nodeEnv ?? 'development';
}

/** The Storefront and Customer Account API versions Shopvoice's GraphQL documents are checked against (test/shopify/schema). */
export const SHOPIFY_API_VERSION = '2026-04';

function commerceFrom(settings: Settings): CommerceSource {
  if (settings.STORE_ADAPTER === 'shopify') {
    const domain = settings.SHOPIFY_STORE_DOMAIN!.replace(/\/+$/, '');
    return {
      adapter: 'shopify',
      storeOrigin: /^https?:\/\//.test(domain) ? domain : `https://${domain}`,
      storefrontToken: settings.SHOPIFY_STOREFRONT_TOKEN!,
      apiVersion: settings.SHOPIFY_API_VERSION ?? SHOPIFY_API_VERSION,
      ...(settings.SHOPIFY_CUSTOMER_ACCOUNT_API_URL ? { customerAccountApiUrl: settings.SHOPIFY_CUSTOMER_ACCOUNT_API_URL } : {}),
      returnWindowDays: settings.SHOPIFY_RETURN_WINDOW_DAYS,
      timeoutMs: settings.STORE_API_TIMEOUT_MS,
    };
  }
  if (settings.STORE_ADAPTER === 'medusa') {
    const backendUrl = settings.MEDUSA_BACKEND_URL!.replace(/\/+$/, '');
    return {
      adapter: 'medusa',
      backendUrl,
      publishableKey: settings.MEDUSA_PUBLISHABLE_KEY!,
      ...(settings.MEDUSA_SECRET_API_KEY ? { secretApiKey: settings.MEDUSA_SECRET_API_KEY } : {}),
      returnWindowDays: settings.MEDUSA_RETURN_WINDOW_DAYS,
      checkoutUrl: settings.MEDUSA_CHECKOUT_URL!,
      timeoutMs: settings.STORE_API_TIMEOUT_MS,
      ...(settings.MEDUSA_LINK_CLIENT_ID && settings.MEDUSA_LINK_CLIENT_SECRET && settings.MEDUSA_LINK_REDIRECT_URIS
        ? {
            link: {
              clientId: settings.MEDUSA_LINK_CLIENT_ID,
              clientSecret: settings.MEDUSA_LINK_CLIENT_SECRET,
              redirectUris: settings.MEDUSA_LINK_REDIRECT_URIS.split(',').map((uri) => uri.trim()),
            },
          }
        : {}),
    };
  }
  if (settings.STORE_ADAPTER !== 'http') return { adapter: 'embedded' };
  return {
    adapter: 'http',
    baseUrl: settings.STORE_API_URL!,
    apiKey: settings.STORE_API_KEY,
    timeoutMs: settings.STORE_API_TIMEOUT_MS,
  };
}

function stateFrom(settings: Settings): StateSource {
  if (settings.STATE_ADAPTER !== 'dynamodb') return { adapter: 'embedded' };
  return {
    adapter: 'dynamodb',
    tablePrefix: settings.DYNAMODB_TABLE_PREFIX!,
    region: settings.AWS_REGION,
    endpoint: settings.DYNAMODB_ENDPOINT,
  };
}

/**
 * Reads every setting, and throws one ConfigError naming each bad or missing one, so a
 * misconfigured deployment stops at start-up instead of failing a shopper mid-conversation.
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const invalid = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError([...invalid, ...crossChecksOfValidSettings(env, invalid)]);
  }
  const settings = parsed.data;
  const environment = environmentOf(settings.NODE_ENV);
  const problems = crossChecks(settings, environment);
  if (problems.length > 0) throw new ConfigError(problems);

  // Lambda's code folder is read-only; only /tmp is writable there.
  const defaultDataDir = settings.AWS_LAMBDA_FUNCTION_NAME ? '/tmp/shopvoice' : 'data';
  const dataDir = path.resolve(settings.SHOPVOICE_DATA_DIR ?? defaultDataDir);
  return {
    environment,
    port: settings.PORT,
    host: settings.HOST ?? '127.0.0.1',
    storePath: path.resolve(settings.SHOPVOICE_STORE_PATH ?? path.join(dataDir, 'shopvoice.sqlite')),
    dataDir,
    commerce: commerceFrom(settings),
    state: stateFrom(settings),
    store: {
      name: settings.STORE_NAME ?? 'Northwind Outfitters',
      supportPhone: settings.STORE_SUPPORT_PHONE ?? '18005550199',
      timeZone: settings.STORE_TIME_ZONE ?? 'America/New_York',
      currency: settings.STORE_CURRENCY ?? 'USD',
      catalogLocale: settings.STORE_CATALOG_LOCALE ?? 'en-US',
      followUpBusinessDays: settings.STORE_FOLLOW_UP_BUSINESS_DAYS,
      purchasePin: {
        required: settings.PURCHASE_PIN_REQUIRED,
        lockoutMinutes: settings.PURCHASE_PIN_LOCKOUT_MINUTES,
      },
      household: {
        purchaseAuth: settings.STORE_PURCHASE_AUTH ?? 'pin',
        orderDetails: settings.STORE_ORDER_DETAILS ?? 'recognised-speaker-when-shared',
        minSpeakerConfidence: settings.STORE_SPEAKER_MIN_CONFIDENCE,
      },
      duplicateOrderWindowMinutes: settings.DUPLICATE_ORDER_WINDOW_MINUTES,
    },
    retentionDays: settings.RETENTION_DAYS,
    handoffWebhook: settings.HANDOFF_WEBHOOK_URL
      ? { url: settings.HANDOFF_WEBHOOK_URL, secret: settings.HANDOFF_WEBHOOK_SECRET! }
      : undefined,
    orderEvents: settings.ORDER_EVENTS_SECRET
      ? {
          secret: settings.ORDER_EVENTS_SECRET,
          retryBaseMs: settings.ORDER_EVENTS_RETRY_BASE_MS,
          alexa: {
            clientId: settings.ALEXA_CLIENT_ID!,
            clientSecret: settings.ALEXA_CLIENT_SECRET!,
            apiUrl: (settings.ALEXA_API_URL ?? 'https://api.amazonalexa.com').replace(/\/+$/, ''),
            lwaUrl: (settings.ALEXA_LWA_URL ?? 'https://api.amazon.com').replace(/\/+$/, ''),
            stage: (settings.ALEXA_EVENTS_STAGE ?? (environment === 'production' ? 'live' : 'development')) === 'live' ? 'LIVE' : 'DEVELOPMENT',
          },
        }
      : undefined,
    alexa: {
      skillId: settings.ALEXA_SKILL_ID,
      verifySignature: settings.ALEXA_VERIFY_SIGNATURE,
    },
    google: { projectId: settings.GOOGLE_PROJECT_ID },
    metrics: { token: settings.METRICS_TOKEN },
    mcp: { allowedOrigins: settings.MCP_ALLOWED_ORIGINS },
    phone: {
      twilioAuthToken: settings.PHONE_TWILIO_AUTH_TOKEN ?? (environment === 'production' ? undefined : DEVELOPMENT_TWILIO_AUTH_TOKEN),
      verifySignature: settings.PHONE_VERIFY_SIGNATURE,
      publicUrl: settings.PHONE_PUBLIC_URL,
      locale: settings.PHONE_LOCALE ?? 'en-US',
      handoffUrl: settings.PHONE_HANDOFF_URL,
      provider: settings.PHONE_PROVIDER ?? 'twilio',
      telnyxPublicKey: settings.PHONE_TELNYX_PUBLIC_KEY,
      socketUrl: settings.PHONE_SOCKET_URL,
      connectionsEndpoint: settings.PHONE_CONNECTIONS_ENDPOINT,
    },
    sessionStateSecret: settings.SESSION_STATE_SECRET ?? developmentSessionStateSecret(),
    analytics: {
      shopperHashSecret: settings.SHOPPER_HASH_SECRET ?? DEVELOPMENT_SHOPPER_HASH_SECRET,
      storeUtterances: settings.STORE_UTTERANCES,
    },
    turn: { budgetMs: settings.TURN_BUDGET_MS, progressAfterMs: settings.PROGRESS_AFTER_MS },
    auth: {
      issuer: settings.AUTH_ISSUER ?? 'https://auth.shopvoice.dev/',
      audience: settings.AUTH_AUDIENCE ?? 'shopvoice',
      jwksUrl: settings.AUTH_JWKS_URL,
      jwksFile: settings.AUTH_JWKS_FILE,
      trustDevKey: environment !== 'production' && settings.AUTH_TRUST_DEV_KEY,
    },
  };
}
