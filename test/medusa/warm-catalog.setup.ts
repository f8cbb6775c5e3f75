import { TEST_NOW } from '../support/test-app';
import { medusaStoreUnderTest } from './medusa-store-under-test';

/**
 * Jest setup (after the test framework) of the 'over-medusa' project: the catalog's words, which
 * every test app of a file shares (medusa-store-under-test.ts), are read before the file's first
 * turn, as a running server reads them when it starts (warmVocabularyFor), so that no turn's
 * budget is spent on them.
 */
beforeAll(async () => {
  const { store } = medusaStoreUnderTest(() => TEST_NOW);
  await store.catalog.vocabulary('en-US');
});
