import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import { type OpaqueTokenOptions, opaqueTokenVerifier } from '../../auth/opaque-token-verifier';
import type { MedusaSource } from '../../config';
import { StoreRejectedError, StoreUnavailableError } from '../commerce-errors';

export interface MedusaTokenOptions extends OpaqueTokenOptions {
  /** The longest the check may take before the turn hears an apology. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

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
  const fetchFn = options.fetch ?? fetch;
  const operation = 'retrieveCustomer';
  return opaqueTokenVerifier(async (token) => {
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
    return typeof shopperId === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(shopperId) ? shopperId : undefined;
  }, options);
}
