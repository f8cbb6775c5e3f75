import type { MedusaSource } from '../../config';
import { StoreUnavailableError } from '../../commerce/commerce-errors';

/** What Medusa's auth routes answered: a customer token, or a refusal (wrong password, expired token). */
export type MedusaAuthAnswer = { readonly kind: 'token'; readonly token: string } | { readonly kind: 'refused' };

/** Medusa's own customer sign-in and token refresh, the two routes account linking stands on. */
export interface MedusaCustomerAuth {
  /** `POST /auth/customer/emailpass`. */
  signIn(email: string, password: string): Promise<MedusaAuthAnswer>;
  /** `POST /auth/token/refresh` with the token itself as Bearer: Medusa 2 has no refresh token, it re-issues a token that is still valid. */
  refresh(token: string): Promise<MedusaAuthAnswer>;
}

export interface MedusaCustomerAuthOptions {
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

const MAX_TOKEN_LENGTH = 4_096;
const TOKEN = /^[\x21-\x7e]+$/;

/**
 * Plain fetch, as medusa-customer-tokens.ts does: the routes are two, and Medusa's answer decides
 * nothing but "token" or "no". Medusa down, busy or broken is a StoreUnavailableError, so the
 * shopper hears "try again" rather than "wrong password".
 */
export function createMedusaCustomerAuth(source: Pick<MedusaSource, 'backendUrl'>, options: MedusaCustomerAuthOptions): MedusaCustomerAuth {
  const fetchFn = options.fetch ?? fetch;

  async function tokenFrom(operation: string, path: string, init: { readonly body?: unknown; readonly bearer?: string }): Promise<MedusaAuthAnswer> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await fetchFn(`${source.backendUrl}${path}`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
        },
        body: JSON.stringify(init.body ?? {}),
        signal,
        redirect: 'manual',
      });
    } catch {
      throw new StoreUnavailableError(operation, signal.aborted ? 'timeout' : 'unreachable');
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new StoreUnavailableError(operation, response.status === 429 ? 'rate-limited' : 'server-error', response.status);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { kind: 'refused' };
    }
    const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
    // A third-party provider answers `{ location }` instead; emailpass and refresh answer `{ token }`.
    const token = body?.token;
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN.test(token)) return { kind: 'refused' };
    return { kind: 'token', token };
  }

  return {
    signIn: (email, password) => tokenFrom('signInCustomer', '/auth/customer/emailpass', { body: { email, password } }),
    refresh: (token) => tokenFrom('refreshCustomerToken', '/auth/token/refresh', { bearer: token }),
  };
}
