import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import type messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { FRENCH } from './words';

export const FR_FR: LanguagePack = {
  locale: 'fr-FR',
  // Read when first spoken (see LanguagePack.messages); Node keeps it, so every call returns the same object.
  messages: () => require('./messages.json') as typeof messages,
  words: FRENCH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  mixesWith: 'en-US',
};
