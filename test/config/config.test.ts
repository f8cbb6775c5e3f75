import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEVELOPMENT_SHOPPER_HASH_SECRET, loadConfig, MIN_SHOPPER_HASH_SECRET_LENGTH } from '../../lambda/config';
import { MIN_SESSION_STATE_SECRET_LENGTH } from '../../lambda/core/sealed-state';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const PRODUCTION_HASH_SECRET = 'a-production-shopper-hash-secret-of-40-chars';
const PRODUCTION_STATE_SECRET = 'a-production-session-state-secret-of-40-ch';

describe('configuration', () => {
  it('runs the embedded demo store with nothing set', () => {
    const config = loadConfig({});
    expect(config.environment).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.commerce).toEqual({ adapter: 'embedded' });
    expect(config.state).toEqual({ adapter: 'embedded' });
    expect(config.storePath).toBe(path.resolve('data', 'shopvoice.sqlite'));
    expect(config.store).toMatchObject({ name: 'Northwind Outfitters', timeZone: 'America/New_York', duplicateOrderWindowMinutes: 10 });
    expect(config.alexa.verifySignature).toBe(true);
    expect(config.auth.trustDevKey).toBe(true);
  });

  it('takes the store currency and the catalog language from configuration, never from a shopper locale', () => {
    expect(loadConfig({}).store).toMatchObject({ currency: 'USD', catalogLocale: 'en-US' });
    expect(loadConfig({ STORE_CURRENCY: 'EUR', STORE_CATALOG_LOCALE: 'de-DE' }).store).toMatchObject({ currency: 'EUR', catalogLocale: 'de-DE' });
    expect(problemsOf({ STORE_CURRENCY: 'euro', STORE_CATALOG_LOCALE: 'German' }).map((problem) => problem.split(':')[0]).sort()).toEqual([
      'STORE_CATALOG_LOCALE',
      'STORE_CURRENCY',
    ]);
  });

  it('reads the HTTP store and DynamoDB state', () => {
    const config = loadConfig({
      STORE_ADAPTER: 'http',
      STORE_API_URL: 'https://shop.example/voice-api/',
      STORE_API_KEY: 'k-123',
      STORE_API_TIMEOUT_MS: '1500',
      STATE_ADAPTER: 'dynamodb',
      DYNAMODB_TABLE_PREFIX: 'shopvoice-prod',
      AWS_REGION: 'eu-west-1',
    });
    expect(config.commerce).toEqual({ adapter: 'http', baseUrl: 'https://shop.example/voice-api/', apiKey: 'k-123', timeoutMs: 1500 });
    expect(config.state).toEqual({ adapter: 'dynamodb', tablePrefix: 'shopvoice-prod', region: 'eu-west-1', endpoint: undefined });
  });

  it('treats blank settings as unset, as an empty line in .env leaves them', () => {
    const config = loadConfig({ STORE_NAME: '  ', PORT: '', ALEXA_SKILL_ID: '' });
    expect(config.store.name).toBe('Northwind Outfitters');
    expect(config.port).toBe(3000);
    expect(config.alexa.skillId).toBeUndefined();
  });

  it('names every bad setting at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      STORE_ADAPTER: 'ftp',
      STORE_TIME_ZONE: 'Mars/Olympus',
      ALEXA_VERIFY_SIGNATURE: 'maybe',
      ALEXA_SKILL_ID: 'my-skill',
      STORE_SUPPORT_PHONE: 'call us',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['ALEXA_SKILL_ID', 'ALEXA_VERIFY_SIGNATURE', 'PORT', 'STORE_ADAPTER', 'STORE_SUPPORT_PHONE', 'STORE_TIME_ZONE'].sort(),
    );
    expect(problems.find((problem) => problem.startsWith('STORE_TIME_ZONE'))).toMatch(/IANA time zone/);
  });

  it('names a missing setting along with a malformed one, in one message', () => {
    expect(problemsOf({ STORE_ADAPTER: 'http', STORE_TIME_ZONE: 'Mars/Base' })).toEqual([
      expect.stringMatching(/^STORE_TIME_ZONE: must be an IANA time zone/),
      expect.stringMatching(/^STORE_API_URL: required when STORE_ADAPTER=http/),
    ]);
  });

  it('says what an adapter needs', () => {
    expect(problemsOf({ STORE_ADAPTER: 'http' })).toEqual([expect.stringMatching(/^STORE_API_URL: required when STORE_ADAPTER=http/)]);
    expect(problemsOf({ STATE_ADAPTER: 'dynamodb' })).toEqual([expect.stringMatching(/^DYNAMODB_TABLE_PREFIX: required/)]);
    expect(problemsOf({ STORE_ADAPTER: 'http', STORE_API_URL: 'shop.example' })).toEqual([expect.stringMatching(/^STORE_API_URL: must be an http\(s\) URL/)]);
    expect(problemsOf({ STORE_API_TIMEOUT_MS: '20000' })).toEqual([expect.stringMatching(/^STORE_API_TIMEOUT_MS: must be at most 8000/)]);
  });

  it('refuses production without a way to verify access tokens, and never trusts the dev key there', () => {
    expect(problemsOf({ NODE_ENV: 'production', SHOPPER_HASH_SECRET: PRODUCTION_HASH_SECRET, SESSION_STATE_SECRET: PRODUCTION_STATE_SECRET })).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL: required in production/),
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_FILE: '/etc/shopvoice/jwks.json',
      AUTH_TRUST_DEV_KEY: 'true',
      SHOPPER_HASH_SECRET: PRODUCTION_HASH_SECRET,
      SESSION_STATE_SECRET: PRODUCTION_STATE_SECRET,
    });
    expect(config.auth.trustDevKey).toBe(false);
  });

  it('the error message lists each problem on its own line', () => {
    expect(() => loadConfig({ PORT: '0', PURCHASE_PIN_REQUIRED: 'sometimes' })).toThrow(
      /Invalid configuration:\n {2}- PORT: must be at least 1\n {2}- PURCHASE_PIN_REQUIRED: must be true or false/,
    );
  });

  it('gives each turn a time budget and a moment after which Alexa says it is checking', () => {
    expect(loadConfig({}).turn).toEqual({ budgetMs: 5000, progressAfterMs: 400 });
    expect(loadConfig({ TURN_BUDGET_MS: '1500', PROGRESS_AFTER_MS: '250' }).turn).toEqual({ budgetMs: 1500, progressAfterMs: 250 });
    expect(problemsOf({ TURN_BUDGET_MS: '9000' })).toEqual([expect.stringMatching(/^TURN_BUDGET_MS: must be at most 7000/)]);
    expect(problemsOf({ TURN_BUDGET_MS: '500' })).toEqual([expect.stringMatching(/^TURN_BUDGET_MS: must be at least 1000/)]);
    expect(problemsOf({ PROGRESS_AFTER_MS: '50' })).toEqual([expect.stringMatching(/^PROGRESS_AFTER_MS: must be at least 100/)]);
    expect(problemsOf({ PROGRESS_AFTER_MS: 'soon' })).toEqual([expect.stringMatching(/^PROGRESS_AFTER_MS: must be a whole number/)]);
    expect(problemsOf({ TURN_BUDGET_MS: '1000', PROGRESS_AFTER_MS: '1000' })).toEqual([
      expect.stringMatching(/^PROGRESS_AFTER_MS: must be less than TURN_BUDGET_MS/),
    ]);
  });

  it('.env.example documents every setting the config reads, and nothing else', () => {
    const example = fs.readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]).sort();
    const source = fs.readFileSync(path.join(__dirname, '../../lambda/config.ts'), 'utf8');
    const schema = source.slice(source.indexOf('const envSchema'), source.indexOf('type Settings'));
    const read = [...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]!);
    // Set by the platform, not by the developer.
    const fromPlatform = ['AWS_LAMBDA_FUNCTION_NAME'];
    expect(documented).toEqual([...read.filter((name) => !fromPlatform.includes(name)), 'LOG_LEVEL'].sort());
  });

  describe('turn events', () => {
    it('keep no utterance and hash shoppers with a fixed development key by default', () => {
      const config = loadConfig({});
      expect(config.analytics).toEqual({ shopperHashSecret: DEVELOPMENT_SHOPPER_HASH_SECRET, storeUtterances: false });
      expect(loadConfig({ NODE_ENV: 'test' }).analytics.shopperHashSecret).toBe(DEVELOPMENT_SHOPPER_HASH_SECRET);
    });

    it('read SHOPPER_HASH_SECRET and STORE_UTTERANCES', () => {
      expect(loadConfig({ SHOPPER_HASH_SECRET: PRODUCTION_HASH_SECRET, STORE_UTTERANCES: 'yes' }).analytics).toEqual({
        shopperHashSecret: PRODUCTION_HASH_SECRET,
        storeUtterances: true,
      });
      expect(problemsOf({ STORE_UTTERANCES: 'sometimes' })).toEqual([expect.stringMatching(/^STORE_UTTERANCES: must be true or false/)]);
    });

    it('require a secret of at least 32 characters in production, and refuse a short one anywhere', () => {
      const production = { NODE_ENV: 'production', AUTH_JWKS_FILE: '/etc/shopvoice/jwks.json', SESSION_STATE_SECRET: PRODUCTION_STATE_SECRET };
      expect(problemsOf(production)).toEqual([expect.stringMatching(/^SHOPPER_HASH_SECRET: required in production/)]);
      expect(problemsOf({ ...production, SHOPPER_HASH_SECRET: 'x'.repeat(MIN_SHOPPER_HASH_SECRET_LENGTH - 1) })).toEqual([
        expect.stringMatching(/^SHOPPER_HASH_SECRET: required in production, at least 32 characters/),
      ]);
      expect(loadConfig({ ...production, SHOPPER_HASH_SECRET: PRODUCTION_HASH_SECRET }).analytics.shopperHashSecret).toBe(PRODUCTION_HASH_SECRET);
      expect(problemsOf({ SHOPPER_HASH_SECRET: 'short' })).toEqual([expect.stringMatching(/^SHOPPER_HASH_SECRET: at least 32 characters/)]);
    });
  });

  describe('the session state secret', () => {
    const production = { NODE_ENV: 'production', AUTH_JWKS_FILE: '/etc/shopvoice/jwks.json', SHOPPER_HASH_SECRET: PRODUCTION_HASH_SECRET };

    it('is required in production, at least 32 characters, and named when missing', () => {
      expect(problemsOf(production)).toEqual([expect.stringMatching(/^SESSION_STATE_SECRET: required in production, at least 32 characters/)]);
      expect(problemsOf({ ...production, SESSION_STATE_SECRET: 'x'.repeat(MIN_SESSION_STATE_SECRET_LENGTH - 1) })).toEqual([
        expect.stringMatching(/^SESSION_STATE_SECRET: required in production/),
      ]);
      expect(loadConfig({ ...production, SESSION_STATE_SECRET: PRODUCTION_STATE_SECRET }).sessionStateSecret).toBe(PRODUCTION_STATE_SECRET);
      expect(problemsOf({ SESSION_STATE_SECRET: 'short' })).toEqual([expect.stringMatching(/^SESSION_STATE_SECRET: at least 32 characters/)]);
    });

    it('is one random key per process outside production when unset, the same however often config is read', () => {
      const first = loadConfig({}).sessionStateSecret;
      expect(first.length).toBeGreaterThanOrEqual(MIN_SESSION_STATE_SECRET_LENGTH);
      expect(loadConfig({ NODE_ENV: 'test' }).sessionStateSecret).toBe(first);
      expect(loadConfig({ SESSION_STATE_SECRET: PRODUCTION_STATE_SECRET }).sessionStateSecret).toBe(PRODUCTION_STATE_SECRET);
    });
  });

  it('keeps turn events and transcripts 90 days unless RETENTION_DAYS says otherwise (1-3650)', () => {
    expect(loadConfig({}).retentionDays).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(problemsOf({ RETENTION_DAYS: '0' })).toEqual(['RETENTION_DAYS: must be at least 1']);
    expect(problemsOf({ RETENTION_DAYS: '3651' })).toEqual(['RETENTION_DAYS: must be at most 3650']);
    expect(problemsOf({ RETENTION_DAYS: 'forever' })[0]).toMatch(/^RETENTION_DAYS: /);
  });
});
