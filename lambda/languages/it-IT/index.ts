import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import type messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { ITALIAN } from './words';

export const IT_IT: LanguagePack = {
  locale: 'it-IT',
  // Read when first spoken (see LanguagePack.messages); Node keeps it, so every call returns the same object.
  messages: () => require('./messages.json') as typeof messages,
  words: ITALIAN,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  // "Il tracking del mio order", "le sneakers": English shopping words are everyday Italian.
  mixesWith: 'en-US',
};
