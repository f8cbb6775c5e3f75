import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { FRENCH } from './words';

export const FR_FR: LanguagePack = {
  locale: 'fr-FR',
  messages,
  words: FRENCH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  mixesWith: 'en-US',
};
