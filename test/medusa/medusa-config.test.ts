import { openCloudAdapters } from '../../lambda/commerce/open-cloud-adapters';
import { ConfigError, loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';

/** STORE_ADAPTER=medusa as configured: what it needs, what it refuses. Runs in every `npm test`; the adapter itself runs against a real Medusa in `npm run test:medusa`. */
const MEDUSA = {
  NODE_ENV: 'test',
  STORE_ADAPTER: 'medusa',
  MEDUSA_BACKEND_URL: 'https://api.northwind.example/',
  MEDUSA_PUBLISHABLE_KEY: 'pk_01abc',
  MEDUSA_SECRET_API_KEY: 'sk_01def',
  MEDUSA_CHECKOUT_URL: 'https://shop.northwind.example/checkout?cart_id={cart_id}',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('STORE_ADAPTER=medusa', () => {
  it('reads the backend, its keys, the checkout page and the return window', () => {
    expect(loadConfig({ ...MEDUSA, MEDUSA_RETURN_WINDOW_DAYS: '45' }).commerce).toEqual({
      adapter: 'medusa',
      backendUrl: 'https://api.northwind.example',
      publishableKey: 'pk_01abc',
      secretApiKey: 'sk_01def',
      returnWindowDays: 45,
      checkoutUrl: 'https://shop.northwind.example/checkout?cart_id={cart_id}',
      timeoutMs: 2500,
    });
    expect(loadConfig({ ...MEDUSA, MEDUSA_SECRET_API_KEY: '' }).commerce).not.toHaveProperty('secretApiKey');
  });

  it('names every setting that is missing or is not what Medusa issues', () => {
    const problems = problemsOf({ NODE_ENV: 'test', STORE_ADAPTER: 'medusa', MEDUSA_SECRET_API_KEY: 'pk_wrong-kind', MEDUSA_CHECKOUT_URL: 'https://shop.example/checkout' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MEDUSA_BACKEND_URL: required/),
        expect.stringMatching(/^MEDUSA_PUBLISHABLE_KEY: required/),
        expect.stringMatching(/^MEDUSA_SECRET_API_KEY: must be a Medusa secret API key/),
        expect.stringMatching(/^MEDUSA_CHECKOUT_URL: must be the storefront URL that opens a cart, with \{cart_id\}/),
      ]),
    );
  });

  it('is refused on Lambda, whose bundles leave the Medusa client out', () => {
    const config = loadConfig({ ...MEDUSA, STATE_ADAPTER: 'dynamodb', DYNAMODB_TABLE_PREFIX: 'shopvoice-test' });
    expect(() => openCloudAdapters(config, createLogger('silent'))).toThrow(/STORE_ADAPTER: medusa runs on the long-running server/);
  });
});
