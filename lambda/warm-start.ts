import type { Config } from './config';
import { redactText } from './privacy/redact';
import { supportedLocale, warmMessages } from './speech/i18n';
import { voiceFor } from './speech/voice';

/**
 * Work every first turn of a container would otherwise do, done while the Lambda function
 * initialises instead: Lambda runs the init phase before the first request arrives (ahead of it,
 * with provisioned concurrency) and gives it the whole CPU, while the first request waits for
 * whatever its turn still has to set up. Each step is what a first turn did lazily:
 * - the messages of the locale the deployment expects, read and compiled into templates: the
 *   catalog's own (STORE_CATALOG_LOCALE, en-US unless the store says otherwise), the language its
 *   shoppers most likely speak. The other locales' are read on their first turn, a few
 *   milliseconds: a container speaks one or two of them, and reading all of them here would make
 *   every cold start pay for all of them;
 * - that locale's Voice for the store's time zone, whose Intl date formatters load the time zone data;
 * - the redaction patterns (turn logs and events are redacted), which V8 compiles on their first use;
 * - Node's fetch (undici, loaded on first use), which the store API and DynamoDB clients speak through.
 */
export function warmForFirstTurn(config: Config): void {
  const expected = supportedLocale(config.store.catalogLocale);
  warmMessages(expected);
  voiceFor(expected, config.store.timeZone).day(new Date(), new Date());
  redactText('warm up: call 555 0100 or mail a@b.example about order 1042, Main Street 1');
  // Touching one of fetch's classes loads undici now rather than on the first store call.
  void new Headers();
}
