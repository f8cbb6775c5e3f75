/**
 * Jest setup of the 'over-http' project: createTestApp serves the store's ports over HTTP from an
 * in-memory embedded store and points the skill at them through the HTTP adapter.
 */
process.env.SHOPVOICE_TEST_COMMERCE = 'http';
