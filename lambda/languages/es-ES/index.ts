import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import type messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { SPANISH } from './words';

export const ES_ES: LanguagePack = {
  locale: 'es-ES',
  // Read when first spoken (see LanguagePack.messages); Node keeps it, so every call returns the same object.
  messages: () => require('./messages.json') as typeof messages,
  words: SPANISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
};
