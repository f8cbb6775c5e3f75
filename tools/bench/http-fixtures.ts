import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { loadConfig } from '../../lambda/config';
import { CONVERSATIONS, type Platform } from './conversations';
import type { LoadRequest } from './http-load';
import { ORDER_STATUS_SCENARIO } from './scenarios';
import { childEnvironment, type Workspace } from './workspace';

/** What the HTTP and memory measurements send, and the environments of the servers they start. */
export interface HttpFixtures {
  readonly shopvoiceEnv: NodeJS.ProcessEnv;
  readonly floorEnv: NodeJS.ProcessEnv;
  /** The order-status turn of a linked shopper, per platform endpoint. */
  readonly orderStatus: Readonly<Record<Platform, LoadRequest>>;
}

/**
 * What the bench's Shopvoice servers run with: a developer's `npm start` defaults (the embedded
 * store in the data dir, seeded with the demo store when the dir is empty; the development signing
 * key trusted), Alexa signature checks off so that fixed bodies can be sent, and warnings-only logs.
 */
export function shopvoiceServerSettings(dataDir: string): Record<string, string> {
  return { NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'warn' };
}

export async function prepareHttpFixtures(repoRoot: string, workspace: Workspace): Promise<HttpFixtures> {
  const dataDir = workspace.freshDir('server-data');
  const settings = shopvoiceServerSettings(dataDir);
  const config = loadConfig(settings);
  // Signed into the data dir the server reads its development key from.
  const token = await signDevAccessToken({
    dataDir,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    shopperId: ORDER_STATUS_SCENARIO.shopperId,
    expiresIn: '2h',
  });
  const turn = ORDER_STATUS_SCENARIO.measured;
  return {
    shopvoiceEnv: childEnvironment(repoRoot, settings),
    floorEnv: childEnvironment(repoRoot, { NODE_ENV: 'development' }),
    orderStatus: {
      alexa: { path: '/alexa', body: CONVERSATIONS.alexa(token).requestFor(turn) },
      google: { path: '/google', body: CONVERSATIONS.google(token).requestFor(turn) },
    },
  };
}

async function post(baseUrl: string, request: LoadRequest): Promise<unknown> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request.body),
  });
  if (response.status !== 200) throw new Error(`bench: POST ${request.path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * Sends the request once and checks the answer is speech, left by the expected flow when one is
 * named, so that what autocannon then repeats is the turn the table says it is.
 */
export async function expectSpokenAnswer(baseUrl: string, request: LoadRequest, platform: Platform, flow?: string): Promise<void> {
  const conversation = CONVERSATIONS[platform]();
  conversation.heard(await post(baseUrl, request));
  const active = conversation.active()?.flow;
  if (flow !== undefined && active !== flow) {
    throw new Error(`bench: POST ${request.path} was answered by ${active ?? 'no flow'}, not ${flow}`);
  }
}
