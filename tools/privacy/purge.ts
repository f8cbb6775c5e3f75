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

const USAGE = 'Usage: npm run purge   (deletes turn events and transcripts older than RETENTION_DAYS)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // It takes no arguments: one given is a mistake, and a purge is not run on a guess.
  if (args.length > 0) {
    process.stderr.write(`Unexpected argument '${args[0]}': the retention comes from RETENTION_DAYS; nothing was deleted.\n${USAGE}\n`);
    process.exitCode = 1;
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
