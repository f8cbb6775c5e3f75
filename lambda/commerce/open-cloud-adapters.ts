import { type Config, ConfigError } from '../config';
import type { Logger } from '../logging';
import type { Adapters } from './adapters';
import { createDynamoSkillState } from './dynamodb/dynamo-skill-state';
import { createHttpStoreCommerce } from './http/http-store-commerce';
import { createShopifyStoreCommerce } from './shopify/shopify-store-commerce';
import { LOCALES } from '../speech/i18n';

/**
 * The adapters a Lambda function uses: the store's API and DynamoDB, nothing that keeps data in
 * the function itself, so any instance can answer any turn. The embedded store is refused here
 * rather than silently giving every container its own copy of the demo store.
 */
export function openCloudAdapters(config: Config, logger: Logger): Adapters {
  const problems: string[] = [];
  const { commerce } = config;
  if (commerce.adapter === 'embedded') problems.push('STORE_ADAPTER: must be http on Lambda (with STORE_API_URL), or shopify (with SHOPIFY_STORE_DOMAIN)');
  // The Medusa adapter's client (@medusajs/js-sdk) stays out of the Lambda bundles: it runs on the long-running server.
  if (commerce.adapter === 'medusa') problems.push('STORE_ADAPTER: medusa runs on the long-running server (npm start), not on Lambda yet');
  if (config.state.adapter !== 'dynamodb') problems.push('STATE_ADAPTER: must be dynamodb on Lambda (with DYNAMODB_TABLE_PREFIX)');
  if (commerce.adapter === 'embedded' || commerce.adapter === 'medusa' || config.state.adapter !== 'dynamodb') throw new ConfigError(problems);
  const state = createDynamoSkillState(config.state, { turnEventRetentionDays: config.retentionDays });
  return {
    // The vocabulary is read as the container starts, beside the first turn rather than in front of a search.
    store:
      commerce.adapter === 'shopify'
        ? createShopifyStoreCommerce(commerce, { logger, warmVocabularyFor: LOCALES, catalogLocale: config.store.catalogLocale, currency: config.store.currency })
        : createHttpStoreCommerce(commerce, { logger, warmVocabularyFor: LOCALES }),
    state,
    close: () => state.close(),
  };
}
