import { openAdapters } from '../../lambda/commerce/open-adapters';
import type { ShopperErasure } from '../../lambda/commerce/erasure';
import type { TurnEvents } from '../../lambda/commerce/ports';
import type { Config } from '../../lambda/config';

/** What the privacy commands work on: the configured state's turn events and its erasure port. */
export interface PrivacyStores {
  /** Where it is, for the message: a file path or a table prefix, never a secret. */
  readonly where: string;
  readonly turnEvents: TurnEvents;
  readonly erasure: ShopperErasure;
  close(): void;
}

/** Opens the skill's configured state (embedded SQLite file or DynamoDB) for one command. */
export function openPrivacyStores(config: Config): PrivacyStores {
  const adapters = openAdapters(config);
  const { state } = adapters;
  return {
    where: config.state.adapter === 'dynamodb' ? `DynamoDB tables ${config.state.tablePrefix}-*` : config.storePath,
    turnEvents: state.turnEvents,
    erasure: state.erasure,
    close() {
      adapters.close();
    },
  };
}
