import { EN_US } from '../en-US';
import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import overrides from './messages-overrides.json';
import { overriddenMessages } from './overridden-messages';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { BRITISH_ENGLISH } from './words';

/** British English: American English's sentences, except those a British shopper would hear said otherwise. */
export const EN_GB: LanguagePack = {
  locale: 'en-GB',
  messages: overriddenMessages(EN_US.messages, overrides),
  words: BRITISH_ENGLISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
};
