import { type Config, loadConfig } from '../../lambda/config';
import { forgetShopper } from '../../lambda/privacy/forget-shopper';
import { openPrivacyStores, type PrivacyStores } from './privacy-stores';

/**
 * `npm run forget -- <shopperId>`: erases what the skill kept from one shopper's voice: their turn
 * events and utterances, the stored turns of their conversations, and the transcripts in their
 * handoff tickets. Orders, returns and the tickets themselves stay. Prints what was erased.
 */

const USAGE = 'Usage: npm run forget -- <shopperId>';

export interface ForgetOptions {
  readonly openStores?: (config: Config) => PrivacyStores;
}

export async function runForget(config: Config, shopperId: string, options: ForgetOptions = {}): Promise<string> {
  const stores = (options.openStores ?? openPrivacyStores)(config);
  try {
    const result = await forgetShopper({ turnEvents: stores.turnEvents, erasure: stores.erasure, hashSecret: config.analytics.shopperHashSecret }, shopperId);
    return [
      `Forgot shopper ${shopperId} in ${stores.where}:`,
      `  turn events deleted:              ${result.turnEvents}`,
      `  conversation turns deleted:       ${result.conversationTurns}`,
      `  handoff tickets without transcript: ${result.handoffTranscripts}`,
      'Orders, returns and handoff tickets (reference, reason, order, item) are kept.',
      '',
    ].join('\n');
  } finally {
    stores.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [shopperId] = args;
  if (args.length !== 1 || shopperId === undefined || shopperId.startsWith('-') || shopperId.trim() === '') {
    const help = args.includes('--help') || args.includes('-h');
    (help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    process.exitCode = help ? 0 : 1;
    return;
  }
  try {
    process.stdout.write(await runForget(loadConfig(), shopperId));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
