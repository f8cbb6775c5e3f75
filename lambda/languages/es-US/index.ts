import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { US_SPANISH } from './words';

export const ES_US: LanguagePack = {
  locale: 'es-US',
  messages,
  words: US_SPANISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  mixesWith: 'en-US',
};
