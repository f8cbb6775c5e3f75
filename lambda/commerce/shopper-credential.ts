import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The access token the shopper of this turn linked with, for stores whose API acts as the shopper
 * rather than for the store (Shopify's Customer Account API answers with the token holder's own
 * orders and nobody else's). Port methods name a shopper by id only, so whoever verified the token
 * (the router for a turn, the MCP endpoint for a request) runs the turn inside `runAsShopper`, and
 * an adapter that needs the token reads it with `currentShopperToken()`. Adapters that serve every
 * shopper with one key of their own never read it. Held in memory for the turn only, never logged.
 */
const current = new AsyncLocalStorage<string>();

/** Runs `turn` with `accessToken` visible to every port call it makes; a turn without a token runs as is. */
export function runAsShopper<T>(accessToken: string | undefined, turn: () => T): T {
  return accessToken ? current.run(accessToken, turn) : turn();
}

/** The linked shopper's access token for the port call this code runs for, when its turn had one. */
export function currentShopperToken(): string | undefined {
  return current.getStore();
}
