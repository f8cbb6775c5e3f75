import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { ITALIAN } from './words';

export const IT_IT: LanguagePack = {
  locale: 'it-IT',
  messages,
  words: ITALIAN,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  // "Il tracking del mio order", "le sneakers": English shopping words are everyday Italian.
  mixesWith: 'en-US',
};
