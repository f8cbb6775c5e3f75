/**
 * Jest setup of the 'over-shopify' project: createTestApp serves the demo store as a local Shopify
 * (shopify-store-server.ts) and points the skill at it through the Shopify adapter, tokens included.
 */
process.env.SHOPVOICE_TEST_COMMERCE = 'shopify';
