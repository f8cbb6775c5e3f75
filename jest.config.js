/** What every project shares: TypeScript through ts-jest, NodeNext-style `.js` imports mapped back. */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['<rootDir>/test/support/quiet-aws-sdk.setup.ts'],
};

/** The conversation tests, whose store is the embedded one unless the project says otherwise. */
const CONVERSATIONS = [
  '<rootDir>/test/conversations/*.test.ts',
  '<rootDir>/test/reorder/*conversations*.test.ts',
  '<rootDir>/test/reorder/checkout-from-other-flows.test.ts',
];

/**
 * The conversation tests that run over Shopify too: those whose words do not change on Shopify.
 * The rest expect a placed order (Shopify prepares a cart instead), a saved card read back, a
 * carrier's own words for a delivery problem or "more than 100" results, which Shopify's APIs do
 * not give; test/shopify/ has the Shopify versions of those conversations.
 */
const SHOPIFY_CONVERSATIONS = [
  '<rootDir>/test/conversations/assistance.test.ts',
  '<rootDir>/test/conversations/google-free-text.test.ts',
];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 20000,
  // Many suites wait on sockets and timers (fault, budget and webhook tests), so two workers finish
  // sooner than one even on two cores.
  maxWorkers: 2,
  // Every conversation reply's listen time is written down by the workers and summed up at the end.
  globalSetup: '<rootDir>/test/support/listen-time.global-setup.ts',
  globalTeardown: '<rootDir>/test/support/listen-time.global-teardown.ts',
  projects: [
    // Every test, as always: the skill over the embedded store in process.
    { ...shared, displayName: 'embedded', testTimeout: 20000 },
    // The conversation tests again, with the store's ports served over HTTP (commerce-api.yaml)
    // by tools/store-server and reached through the HTTP adapter; the skill's own state stays embedded.
    {
      ...shared,
      displayName: 'over-http',
      testTimeout: 20000,
      testMatch: CONVERSATIONS,
      // `--testMatch` on the command line (npm run test:browser) replaces the list above; this stays.
      testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.ts$'],
      setupFiles: [...shared.setupFiles, '<rootDir>/test/support/store-over-http.setup.ts'],
    },
    // The conversation tests a third time, over Shopify: the Shopify adapter (Storefront and Customer
    // Account APIs) talking to a local schema-backed Shopify (test/support/shopify-store-server.ts).
    {
      ...shared,
      displayName: 'over-shopify',
      testTimeout: 20000,
      testMatch: SHOPIFY_CONVERSATIONS,
      testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.ts$'],
      setupFiles: [...shared.setupFiles, '<rootDir>/test/support/store-over-shopify.setup.ts'],
    },
  ],
};
