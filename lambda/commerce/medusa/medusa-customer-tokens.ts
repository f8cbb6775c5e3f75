import { createHash } from 'node:crypto';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import type { MedusaSource } from '../../config';
import { StoreRejectedError, StoreUnavailableError } from '../commerce-errors';

export interface MedusaTokenOptions {
  /** How long a token, once Medusa named its customer, is taken as theirs without asking again. */
  readonly rememberMs: number;
  /** The longest the check may take before the turn hears an apology. */
  readonly timeoutMs: number;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

const MAX_TOKEN_LENGTH = 4_096;
const TOKEN = /^[\x21-\x7e]+$/;
const MAX_REMEMBERED = 10_000;

/**
 * Who a Medusa customer token speaks for, the way Medusa decides it: `GET /store/customers/me`
 * with the token. Medusa signs its tokens with a secret only it holds, so Shopvoice does not decode
 * them; Medusa refusing the token (expired, signed by someone else, not a customer's) means no
 * shopper ("link your account"), and Medusa not answering is a StoreError, so the shopper hears an
 * apology rather than a request to link again. Plain fetch, not the js-sdk: every entry point
 * verifies tokens, and only a server configured for Medusa loads the client.
 *
 * A token's answer is remembered for `rememberMs` (by its hash, never the token itself).
 */
export function createMedusaTokenVerifier(source: Pick<MedusaSource, 'backendUrl' | 'publishableKey'>, options: MedusaTokenOptions): AccessTokenVerifier {
  const now = options.now ?? Date.now;
  const fetchFn = options.fetch ?? fetch;
  const remembered = new Map<string, { readonly shopperId: string; readonly until: number }>();
  const operation = 'retrieveCustomer';
  return {
    async verify(token) {
      if (!token || token.length > MAX_TOKEN_LENGTH || !TOKEN.test(token)) return undefined;
      const key = createHash('sha256').update(token).digest('base64url');
      const known = remembered.get(key);
      if (known && known.until > now()) return { shopperId: known.shopperId };
      remembered.delete(key);
      const signal = AbortSignal.timeout(options.timeoutMs);
      let response: Response;
      try {
        response = await fetchFn(`${source.backendUrl}/store/customers/me?fields=id`, {
          headers: { accept: 'application/json', authorization: `Bearer ${token}`, 'x-publishable-api-key': source.publishableKey },
          signal,
          redirect: 'manual',
        });
      } catch {
        throw new StoreUnavailableError(operation, signal.aborted ? 'timeout' : 'unreachable');
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        return undefined;
      }
      if (response.status >= 500 || response.status === 429) throw new StoreUnavailableError(operation, response.status === 429 ? 'rate-limited' : 'server-error', response.status);
      if (response.status !== 200) throw new StoreRejectedError(operation, response.status);
      const body = (await response.json().catch(() => undefined)) as { customer?: { id?: unknown } } | undefined;
      const shopperId = body?.customer?.id;
      if (typeof shopperId !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(shopperId)) return undefined;
      remembered.set(key, { shopperId, until: now() + options.rememberMs });
      if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      return { shopperId };
    },
  };
}
