import type { Config } from '../config';
import type { Logger } from '../logging';
import type { Adapters } from './adapters';
import { createDynamoSkillState } from './dynamodb/dynamo-skill-state';
import { createHttpStoreCommerce } from './http/http-store-commerce';
import { createShopifyStoreCommerce } from './shopify/shopify-store-commerce';
import { createMedusaStoreCommerce } from './medusa/medusa-store-commerce';
import type { StoreCommerce } from './ports';
import { LOCALES } from '../speech/i18n';
import { type EmbeddedStore, openEmbeddedStore } from './sqlite/embedded-store';

/**
 * The adapters a long-running server uses, as configured: any mix of the embedded store, the
 * store's API and DynamoDB. The embedded SQLite file is opened once even when it serves both halves.
 * `clock` is "now" for what the adapters judge by time (the demo history, expiry); the real time by default.
 */
export function openAdapters(config: Config, logger?: Logger, clock?: () => Date): Adapters {
  let embedded: EmbeddedStore | undefined;
  const openEmbedded = () =>
    (embedded ??= openEmbeddedStore(config.storePath, {
      now: clock?.(),
      clock,
      timeZone: config.store.timeZone,
      retentionDays: config.retentionDays,
      currency: config.store.currency,
    }));
  const dynamo =
    config.state.adapter === 'dynamodb' ? createDynamoSkillState(config.state, { turnEventRetentionDays: config.retentionDays, clock }) : undefined;
  try {
    const { commerce } = config;
    const store: StoreCommerce =
      commerce.adapter === 'http'
        ? createHttpStoreCommerce(commerce, { logger, warmVocabularyFor: LOCALES })
        : commerce.adapter === 'shopify'
          ? createShopifyStoreCommerce(commerce, { logger, warmVocabularyFor: LOCALES, catalogLocale: config.store.catalogLocale, currency: config.store.currency })
          : commerce.adapter === 'medusa'
            ? createMedusaStoreCommerce(commerce, {
                logger,
                warmVocabularyFor: LOCALES,
                catalogLocale: config.store.catalogLocale,
                currency: config.store.currency,
                timeZone: config.store.timeZone,
                ...(clock ? { clock } : {}),
              })
            : openEmbedded().store;
    const state = dynamo ?? openEmbedded().state;
    return {
      store,
      state,
      close() {
        dynamo?.close();
        embedded?.close();
      },
    };
  } catch (error) {
    dynamo?.close();
    (embedded as EmbeddedStore | undefined)?.close();
    throw error;
  }
}
