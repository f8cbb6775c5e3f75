import type { SkillState, StoreCommerce } from './ports';

/**
 * The two halves behind the ports: the store's systems (embedded SQLite or the store's own API
 * over HTTP) and the skill's own state (embedded SQLite or DynamoDB). Whoever opens them closes them.
 */
export interface Adapters {
  readonly store: StoreCommerce;
  readonly state: SkillState;
  close(): void;
}
