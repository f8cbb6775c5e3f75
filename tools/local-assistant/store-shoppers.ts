import type { AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import type { Shoppers } from '../../lambda/commerce/ports';
import type { Config } from '../../lambda/config';
import { describeError } from '../../lambda/logging';

/**
 * Who the local tools (token, chat, dev console) may speak as: any shopper the configured store
 * knows, not only the demo six. Asked of the store through the Shoppers port, so an embedded store
 * with shoppers of its own, the store's API and any other adapter answer alike.
 */

export interface KnownShopper {
  readonly id: string;
  readonly name: string;
}

export interface KnownShoppers {
  /** The shopper when the store knows the id, else undefined; rejects when the store cannot be asked. */
  find(shopperId: string): Promise<KnownShopper | undefined>;
  /** Where shoppers are looked up, for messages: "the embedded store at data/shopvoice.sqlite". */
  readonly where: string;
}

/** "the store API at https://…" or "the embedded store at …": the store the configuration names. */
export function describeConfiguredStore(config: Config): string {
  const { commerce } = config;
  if (commerce.adapter === 'http') return `the store API at ${commerce.baseUrl}`;
  if (commerce.adapter === 'embedded') return `the embedded store at ${config.storePath}`;
  return `the ${commerce.adapter} store`;
}

/** The configured store's shoppers; a lookup that found a shopper is not repeated. */
export function storeShoppers(shoppers: Shoppers, where: string): KnownShoppers {
  const found = new Map<string, KnownShopper>();
  return {
    where,
    async find(shopperId) {
      const known = found.get(shopperId);
      if (known) return known;
      const shopper = await shoppers.findById(shopperId);
      if (!shopper) return undefined;
      const entry = { id: shopper.id, name: `${shopper.givenName} ${shopper.familyName}`.trim() || shopper.id };
      found.set(shopperId, entry);
      return entry;
    },
  };
}

/** A shopper the tools speak as, with the token the store's authorization server issued when one was given. */
export interface LinkedShopper extends KnownShopper {
  readonly issuedToken?: string;
}

export type LinkedShopperResult = { readonly ok: true; readonly shopper: LinkedShopper } | { readonly ok: false; readonly error: string };

export interface LinkRequest {
  readonly shopperId?: string;
  /** An access token the store's authorization server issued: verified, its subject is the shopper. */
  readonly token?: string;
}

/**
 * The shopper named by id or by an issued access token, checked against the store: an unknown id,
 * a token this configuration does not accept, or a token for someone else is a one-line error.
 * `verifier` is the server's (createAccessTokenVerifierFromConfig), so a token passes here exactly
 * when it would pass there.
 */
export async function linkShopper(request: LinkRequest, known: KnownShoppers, verifier: () => AccessTokenVerifier): Promise<LinkedShopperResult> {
  let shopperId = request.shopperId?.trim();
  const token = request.token?.trim();
  if (token !== undefined) {
    // Made only when a token is given: a configured JWKS file that cannot be read throws.
    const verified = await verifier().verify(token);
    if (!verified) {
      return {
        ok: false,
        error: 'The access token is not valid for this configuration: check AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL (or AUTH_JWKS_FILE), and that the token has not expired.',
      };
    }
    if (shopperId !== undefined && shopperId !== verified.shopperId) {
      return { ok: false, error: `The access token is for shopper "${verified.shopperId}", not "${shopperId}".` };
    }
    shopperId = verified.shopperId;
  }
  if (shopperId === undefined || shopperId === '') return { ok: false, error: 'Name a shopper id or give an access token.' };
  let shopper: KnownShopper | undefined;
  try {
    shopper = await known.find(shopperId);
  } catch (error) {
    return { ok: false, error: `Could not ask ${known.where} about shopper "${shopperId}": ${describeError(error).message}` };
  }
  if (!shopper) return { ok: false, error: `Unknown shopper "${shopperId}": ${known.where} has no such shopper.` };
  return { ok: true, shopper: { ...shopper, ...(token !== undefined ? { issuedToken: token } : {}) } };
}
