import { type Config, loadConfig } from '../../lambda/config';
import { purgeExpired } from '../../lambda/privacy/forget-shopper';
import { openPrivacyStores, type PrivacyStores } from './privacy-stores';

/**
 * `npm run purge`: deletes turn events (with the utterances they kept) and conversation transcripts
 * older than RETENTION_DAYS (90 by default) from the configured state, and prints how many. Run it
 * once a day. Handoff tickets, orders and returns are not touched.
 */

export interface PurgeOptions {
  readonly now?: Date;
  readonly openStores?: (config: Config) => PrivacyStores;
}

export async function runPurge(config: Config, options: PurgeOptions = {}): Promise<string> {
  const stores = (options.openStores ?? openPrivacyStores)(config);
  try {
    const result = await purgeExpired(stores, config.retentionDays, options.now);
    return [
      `Purged from ${stores.where}: everything before ${result.before.toISOString()} (RETENTION_DAYS=${config.retentionDays}).`,
      `  turn events deleted:        ${result.turnEvents}`,
      `  conversation turns deleted: ${result.conversationTurns}`,
      '',
    ].join('\n');
  } finally {
    stores.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: npm run purge   (deletes turn events and transcripts older than RETENTION_DAYS)\n');
    return;
  }
  try {
    process.stdout.write(await runPurge(loadConfig()));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
