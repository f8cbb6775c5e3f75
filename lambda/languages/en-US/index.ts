import type { LanguagePack } from '../pack';
import { DEMO_CATALOG } from './demo-catalog';
import messages from './messages.json';
import { QUERY } from './query';
import { REDACTION } from './redaction';
import { ENGLISH } from './words';

export const EN_US: LanguagePack = {
  locale: 'en-US',
  messages,
  words: ENGLISH,
  query: QUERY,
  redaction: REDACTION,
  demoCatalog: DEMO_CATALOG,
};
