import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { SPANISH } from './words';

export const ES_ES: LanguagePack = {
  locale: 'es-ES',
  messages,
  words: SPANISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
};
