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
 * The conversation tests a fourth time, over a real Medusa (npm run test:medusa), plus what only
 * Medusa has (test/medusa/*.medusa.ts). Where Medusa's way differs, the tests ask its traits
 * (test/support/store-traits.ts); what they change in the store, they change in Medusa through
 * its Admin API (test/medusa/medusa-store-records.ts), undone after each test.
 */
const MEDUSA_CONVERSATIONS = [...CONVERSATIONS, '<rootDir>/test/medusa/*.medusa.ts'];

/**
 * The conversation tests over Medusa v2 (`npm run test:medusa` sets SHOPVOICE_MEDUSA_TESTS): its
 * global setup brings up PostgreSQL and Medusa from nothing and seeds them, one Medusa server per
 * worker on its own copy of the store (1 to 4 minutes on a 2-core machine, npm ci of Medusa aside),
 * so it is its own step of CI rather than part of every `jest`.
 */
const MEDUSA_PROJECT = {
  ...shared,
  displayName: 'over-medusa',
  // A conversation is a dozen turns, each a few calls to Medusa: on a busy machine, more than 30 s.
  testTimeout: 60000,
  testMatch: MEDUSA_CONVERSATIONS,
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.ts$'],
  setupFiles: [...shared.setupFiles, '<rootDir>/test/medusa/store-over-medusa.setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/medusa/put-back-medusa-changes.setup.ts', '<rootDir>/test/medusa/warm-catalog.setup.ts'],
  globalSetup: '<rootDir>/test/medusa/medusa.global-setup.ts',
  globalTeardown: '<rootDir>/test/medusa/medusa.global-teardown.ts',
};

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
    // Where Shopify's way differs (a cart instead of an order, no saved card, no carrier's words),
    // the tests ask the store's traits (test/support/store-traits.ts) and assert Shopify's version.
    {
      ...shared,
      displayName: 'over-shopify',
      testTimeout: 20000,
      testMatch: CONVERSATIONS,
      testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.ts$'],
      setupFiles: [...shared.setupFiles, '<rootDir>/test/support/store-over-shopify.setup.ts'],
    },
    ...(process.env.SHOPVOICE_MEDUSA_TESTS === '1' ? [MEDUSA_PROJECT] : []),
  ],
};
