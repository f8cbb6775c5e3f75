import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import type messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { US_SPANISH } from './words';

export const ES_US: LanguagePack = {
  locale: 'es-US',
  // Read when first spoken (see LanguagePack.messages); Node keeps it, so every call returns the same object.
  messages: () => require('./messages.json') as typeof messages,
  words: US_SPANISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  mixesWith: 'en-US',
};
