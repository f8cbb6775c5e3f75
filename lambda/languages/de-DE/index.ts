import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { GERMAN } from './words';

export const DE_DE: LanguagePack = {
  locale: 'de-DE',
  messages,
  words: GERMAN,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
  mixesWith: 'en-US',
};
