import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import type { AccountLinkState } from '../../commerce/ports';
import { StoreUnavailableError } from '../../commerce/commerce-errors';
import type { MedusaLinkSettings } from '../../config';
import { describeError, type Logger } from '../../logging';
import { createLinkCodes, createRefreshTokenSeal, lifetimeSecondsOf } from './link-grants';
import { createLinkRequestSigner, type LinkRequest } from './link-request-token';
import { createSignInAttempts } from './sign-in-attempts';
import type { MedusaCustomerAuth } from './medusa-customer-auth';
import { pageLocale, sendLinkRefusal, sendSignInForm, type SignInNotice } from './sign-in-page';

export const MEDUSA_LINK_AUTHORIZE_PATH = '/link/medusa/authorize';
export const MEDUSA_LINK_TOKEN_PATH = '/link/medusa/token';

export interface MedusaLinkOptions {
  readonly link: MedusaLinkSettings;
  readonly storeName: string;
  /** Signs the form's link request and seals refresh tokens (SESSION_STATE_SECRET). */
  readonly secret: string;
  readonly auth: MedusaCustomerAuth;
  /** Codes and failed sign-ins, where every server instance sees them (the skill's state store). */
  readonly state: AccountLinkState;
  /** Checks a signed-in token names a Medusa customer before a code is issued for it. */
  readonly accessTokens: AccessTokenVerifier;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

const FORM_LIMIT = '16kb';
const MAX_STATE_LENGTH = 2_048;
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1_024;

/** Equal strings, compared in constant time (by their hashes, so lengths leak nothing either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const field = (body: unknown, name: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** RFC 6749 §5.2: the error as JSON, never cached. */
function oauthError(response: Response, status: number, error: string): void {
  if (status === 401) response.set('www-authenticate', 'Basic realm="shopvoice-medusa-link"');
  response.status(status).set({ 'cache-control': 'no-store', pragma: 'no-cache' }).json({ error });
}

/** The client credentials a token request brings, by HTTP Basic or in the body (RFC 6749 §2.3.1); 'conflict' when both. */
function clientCredentials(request: Request): { readonly id: string; readonly secret: string } | 'conflict' | undefined {
  const header = request.get('authorization');
  const inBody = field(request.body, 'client_id') !== undefined || field(request.body, 'client_secret') !== undefined;
  if (header) {
    if (inBody) return 'conflict';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!match) return undefined;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    try {
      // §2.3.1: both parts are form-encoded before they are joined.
      const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
      return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
    } catch {
      return undefined;
    }
  }
  const id = field(request.body, 'client_id');
  const secret = field(request.body, 'client_secret');
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}

/**
 * Alexa's Auth Code Grant over Medusa's customer sign-in: Medusa has no OAuth 2.0 authorization
 * server, so Shopvoice serves the two endpoints Alexa's account linking calls. The access token
 * Alexa ends up holding is the Medusa customer token itself, which the Medusa adapter checks with
 * Medusa on every turn (medusa-customer-tokens.ts).
 */
export function mountMedusaLink(app: Express, options: MedusaLinkOptions): void {
  const { link, storeName, auth, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const requests = createLinkRequestSigner(options.secret);
  const codes = createLinkCodes(options.state, options.secret);
  const refreshTokens = createRefreshTokenSeal(options.secret);
  const attempts = createSignInAttempts(options.state, options.secret);
  const form = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 20 });
  const knownClient = (clientId: unknown) => typeof clientId === 'string' && sameSecret(clientId, link.clientId);
  const knownRedirect = (redirectUri: unknown) => typeof redirectUri === 'string' && link.redirectUris.includes(redirectUri);

  app.get(MEDUSA_LINK_AUTHORIZE_PATH, (request, response) => {
    const locale = pageLocale(request.get('accept-language'));
    const { client_id: clientId, redirect_uri: redirectUri, state, response_type: responseType } = request.query;
    // An unknown client or redirect URL is never redirected to (RFC 6749 §4.1.2.1): it could be anyone's.
    if (!knownClient(clientId) || !knownRedirect(redirectUri)) return sendLinkRefusal(response, 400, locale, storeName, 'linkRequestInvalid');
    const back = new URL(redirectUri as string);
    if (typeof state === 'string') back.searchParams.set('state', state);
    if (responseType !== 'code') {
      back.searchParams.set('error', 'unsupported_response_type');
      return response.redirect(302, back.toString());
    }
    if (typeof state !== 'string' || state.length === 0 || state.length > MAX_STATE_LENGTH) {
      back.searchParams.set('error', 'invalid_request');
      return response.redirect(302, back.toString());
    }
    const linkRequest: LinkRequest = { clientId: clientId as string, redirectUri: redirectUri as string, state };
    sendSignInForm(response, 200, { locale, storeName, requestToken: requests.sign(linkRequest, clock()) });
  });

  app.post(MEDUSA_LINK_AUTHORIZE_PATH, form, async (request, response) => {
    const locale = pageLocale(request.get('accept-language'));
    const requestToken = field(request.body, 'request');
    const opened = requests.open(requestToken, clock());
    if (opened.kind !== 'valid') return sendLinkRefusal(response, 400, locale, storeName, opened.kind === 'expired' ? 'linkRequestExpired' : 'linkRequestInvalid');
    const email = (field(request.body, 'email') ?? '').trim();
    const password = field(request.body, 'password') ?? '';
    const again = (status: number, notice: SignInNotice) =>
      sendSignInForm(response, status, { locale, storeName, requestToken: requests.sign(opened.request, clock()), notice, email: email.slice(0, MAX_EMAIL_LENGTH) });
    if (!email || !password || email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) return again(200, 'linkSignInFailed');
    try {
      if (await attempts.blocked(email, clock())) return again(429, 'linkTooManyTries');
      const signedIn = await auth.signIn(email, password);
      // A token that names no customer (an admin user's, or an identity without a customer) links nobody.
      const shopper = signedIn.kind === 'token' ? await options.accessTokens.verify(signedIn.token) : undefined;
      if (signedIn.kind !== 'token' || !shopper) {
        await attempts.failed(email, clock());
        return again(200, 'linkSignInFailed');
      }
      await attempts.succeeded(email);
      const code = await codes.issue({ medusaToken: signedIn.token, clientId: opened.request.clientId, redirectUri: opened.request.redirectUri }, clock());
      const back = new URL(opened.request.redirectUri);
      back.searchParams.set('state', opened.request.state);
      back.searchParams.set('code', code);
      response.set('cache-control', 'no-store').redirect(302, back.toString());
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) logger.error({ error: describeError(error) }, 'medusa account linking failed');
      again(503, 'linkStoreUnavailable');
    }
  });

  app.post(MEDUSA_LINK_TOKEN_PATH, form, async (request, response) => {
    const client = clientCredentials(request);
    if (client === 'conflict') return oauthError(response, 400, 'invalid_request');
    if (!client || !sameSecret(client.id, link.clientId) || !sameSecret(client.secret, link.clientSecret)) return oauthError(response, 401, 'invalid_client');
    const grantType = field(request.body, 'grant_type');
    let medusaToken: string;
    try {
      if (grantType === 'authorization_code') {
        const grant = await codes.redeem(field(request.body, 'code'), clock());
        const redirectUri = field(request.body, 'redirect_uri');
        // §4.1.3: the code was issued to this client, and for the redirect URL it names again.
        if (!grant || grant.clientId !== link.clientId || (redirectUri !== undefined && redirectUri !== grant.redirectUri)) return oauthError(response, 400, 'invalid_grant');
        medusaToken = grant.medusaToken;
      } else if (grantType === 'refresh_token') {
        const grant = refreshTokens.open(field(request.body, 'refresh_token'));
        if (!grant || grant.clientId !== link.clientId) return oauthError(response, 400, 'invalid_grant');
        const refreshed = await auth.refresh(grant.medusaToken);
        // Medusa refreshes only a token it still accepts: once it lapsed, the shopper links again.
        if (refreshed.kind !== 'token') return oauthError(response, 400, 'invalid_grant');
        medusaToken = refreshed.token;
      } else {
        return oauthError(response, 400, grantType === undefined ? 'invalid_request' : 'unsupported_grant_type');
      }
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) logger.error({ error: describeError(error) }, 'medusa token refresh failed');
      return oauthError(response, 503, 'temporarily_unavailable');
    }
    const expiresIn = lifetimeSecondsOf(medusaToken);
    response
      .set({ 'cache-control': 'no-store', pragma: 'no-cache' })
      .json({
        access_token: medusaToken,
        token_type: 'Bearer',
        ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}),
        refresh_token: refreshTokens.seal({ medusaToken, clientId: link.clientId }),
      });
  });
}
