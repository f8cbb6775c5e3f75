import { EN_US } from '../en-US';
import type { LanguagePack, Messages } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import type overrides from './messages-overrides.json';
import { overriddenMessages } from './overridden-messages';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { BRITISH_ENGLISH } from './words';

let merged: Messages | undefined;

/** British English: American English's sentences, except those a British shopper would hear said otherwise. */
export const EN_GB: LanguagePack = {
  locale: 'en-GB',
  // Read and merged when first spoken (see LanguagePack.messages), then kept.
  messages: () => (merged ??= overriddenMessages(EN_US.messages(), require('./messages-overrides.json') as typeof overrides)),
  words: BRITISH_ENGLISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
};
