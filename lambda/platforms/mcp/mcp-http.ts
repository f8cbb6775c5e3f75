import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import { bearerCredential } from '../../auth/bearer-credential';
import type { Commerce, Shopper } from '../../commerce/ports';
import { runAsShopper } from '../../commerce/shopper-credential';
import { commerceWithin } from '../../core/bounded-commerce';
import type { StoreProfile } from '../../core/flow';
import { TurnBudget } from '../../core/turn-budget';
import { describeError, type Logger } from '../../logging';
import { voiceFor } from '../../speech/voice';
import { createConfirmationSigner } from './confirmation-token';
import { createMcpServer, SHOPPER_TOOL_NAMES, type ToolCallRecord } from './mcp-server';
import { refuseUnlistedOrigins } from './origin-check';

export const MCP_PATH = '/mcp';
/** RFC 9728: the metadata of the resource at /mcp lives at the well-known path with /mcp appended; some clients ask the bare one. */
export const PROTECTED_RESOURCE_METADATA_PATHS = ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource'] as const;

export interface McpEndpointOptions {
  readonly commerce: Commerce;
  readonly store: StoreProfile;
  readonly verifier: AccessTokenVerifier;
  /** The store's authorization server (AUTH_ISSUER), published in the protected resource metadata. */
  readonly authorizationServer: string;
  /** HMAC key for confirmation tokens (SESSION_STATE_SECRET; a distinct purpose is signed in). */
  readonly confirmationSecret: string;
  readonly bodyLimit: string;
  /** Browser origins that may call `/mcp` (MCP_ALLOWED_ORIGINS); any other Origin header gets 403. */
  readonly allowedOrigins: readonly string[];
  /** How long one request may wait on the store in all (TURN_BUDGET_MS), as a voice turn may. */
  readonly budgetMs: number;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Told once per tool call, with the shopper it was for. Must not throw. */
  readonly onToolCall?: (record: ToolCallRecord & { readonly shopper: Shopper | undefined; readonly locale: string }) => void;
}

/** The URL this server is reached at, as the client used it; https when a TLS-terminating proxy says so. */
function publicOrigin(request: Request): string {
  const forwarded = request.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const protocol = forwarded === 'https' ? 'https' : request.protocol;
  return `${protocol}://${request.get('host') ?? 'localhost'}`;
}

function metadataUrl(request: Request): string {
  return `${publicOrigin(request)}${PROTECTED_RESOURCE_METADATA_PATHS[0]}`;
}

/**
 * The MCP authorization spec's answer to a call that needs a shopper and has none (or a bad token):
 * 401, and where to find the authorization server (RFC 9728 §5.1).
 */
function unauthorized(request: Request, response: Response, invalidToken: boolean): void {
  const error = invalidToken ? ', error="invalid_token", error_description="The access token is not valid"' : '';
  response
    .status(401)
    .set('WWW-Authenticate', `Bearer resource_metadata="${metadataUrl(request)}"${error}`)
    .json({ jsonrpc: '2.0', error: { code: -32001, message: 'Sign in to the store (account linking) to use this tool.' }, id: null });
}

/** Whether a JSON-RPC message (or batch) calls a tool that acts for a shopper. */
function callsShopperTool(body: unknown): boolean {
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  return messages.some((message) => {
    if (typeof message !== 'object' || message === null) return false;
    const { method, params } = message as { method?: unknown; params?: { name?: unknown } };
    return method === 'tools/call' && typeof params?.name === 'string' && SHOPPER_TOOL_NAMES.has(params.name);
  });
}

type Identity = { readonly kind: 'anonymous' } | { readonly kind: 'shopper'; readonly shopper: Shopper } | { readonly kind: 'invalid' };

async function identify(request: Request, options: McpEndpointOptions, commerce: Commerce): Promise<Identity> {
  const authorization = request.get('authorization');
  if (authorization === undefined) return { kind: 'anonymous' };
  const verified = await options.verifier.verify(bearerCredential(authorization));
  if (!verified) return { kind: 'invalid' };
  const shopper = await commerce.shoppers.findById(verified.shopperId);
  // A valid token that names no shopper is a service-level one (Alexa+ may use client credentials for
  // tools/list and catalog tools): it may do what a guest may, and no more.
  return shopper ? { kind: 'shopper', shopper } : { kind: 'anonymous' };
}

/**
 * On Lambda, serverless-http builds a request with `headers` but no `rawHeaders`, and the SDK's
 * transport reads headers from `rawHeaders` (Content-Type and Accept included): fill them in.
 */
function withRawHeaders(request: Request): void {
  if (request.rawHeaders.length > 0) return;
  request.rawHeaders = Object.entries(request.headers).flatMap(([name, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((one) => [name, one]),
  );
}

function handleMcp(options: McpEndpointOptions): RequestHandler {
  const confirmations = createConfirmationSigner(options.confirmationSecret);
  const clock = options.clock ?? (() => new Date());
  // Stores whose API acts as the shopper (Shopify's Customer Account API) are called with the shopper's own token.
  return (request, response) => runAsShopper(bearerCredential(request.get('authorization')), () => answer(request, response));
  async function answer(request: Request, response: Response): Promise<void> {
    // Every store call of this request runs under one budget, so a hanging store gets an answer in time.
    const commerce = commerceWithin(options.commerce, new TurnBudget({ budgetMs: options.budgetMs }));
    let identity: Identity;
    try {
      identity = await identify(request, options, commerce);
    } catch (error) {
      // The store could not say who the token names: not the host's fault, and not a reason to sign in again.
      options.logger.warn({ error: describeError(error) }, 'MCP request: the shopper could not be looked up');
      response.status(503).set('Retry-After', '5').json({ jsonrpc: '2.0', error: { code: -32603, message: "The store's systems are not answering right now." }, id: null });
      return;
    }
    // A token that was sent but does not hold is refused whatever the call, so the host refreshes it.
    if (identity.kind === 'invalid') return unauthorized(request, response, true);
    if (identity.kind === 'anonymous' && callsShopperTool(request.body)) return unauthorized(request, response, false);
    const shopper = identity.kind === 'shopper' ? identity.shopper : undefined;
    const locale = shopper?.locale ?? 'en-US';
    const server = createMcpServer({
      context: { commerce, store: options.store, voice: voiceFor(locale, options.store.timeZone), now: clock(), shopper, confirmations },
      logger: options.logger,
      onToolCall: options.onToolCall && ((record) => options.onToolCall?.({ ...record, shopper, locale })),
    });
    // Stateless: no session id, one server and transport per request, so any instance (or Lambda) answers any call.
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      withRawHeaders(request);
      await server.connect(transport);
      await transport.handleRequest(request, response, request.body);
    } catch (error) {
      options.logger.error({ error: describeError(error) }, 'MCP request failed');
      if (!response.headersSent) response.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null });
    }
  }
}

/** Stateless: there is no stream to open (GET) and no session to end (DELETE). */
const onlyPost: RequestHandler = (_request, response) => {
  response.status(405).set('Allow', 'POST').json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null });
};

/** `POST /mcp` and the protected resource metadata, on an express app. */
export function mountMcp(app: Express, options: McpEndpointOptions): void {
  const originCheck = refuseUnlistedOrigins(options.allowedOrigins);
  app.post(MCP_PATH, originCheck, express.json({ limit: options.bodyLimit }), handleMcp(options));
  app.get(MCP_PATH, originCheck, onlyPost);
  app.delete(MCP_PATH, originCheck, onlyPost);
  for (const path of PROTECTED_RESOURCE_METADATA_PATHS) {
    app.get(path, (request, response) => {
      response.json({
        resource: `${publicOrigin(request)}${MCP_PATH}`,
        authorization_servers: [options.authorizationServer],
        bearer_methods_supported: ['header'],
        resource_name: options.store.name,
      });
    });
  }
}
