import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type LocalDynamo, startLocalDynamo } from '../local-dynamo/start-local-dynamo';
import { serveStoreApiOnLoopback } from '../store-server/loopback';
import { type BenchAuthorization, startBenchAuthorization } from './bench-authorization';
import { SKILL_ID } from './requests';

/** What a deployed function talks to, on loopback: the store API over the demo store, DynamoDB and the authorization server. */
export interface LambdaBackends {
  /** The environment the Lambda entry points need to reach them, as serverless.yml (and Lambda itself) sets it on AWS. */
  readonly env: Readonly<Record<string, string>>;
  /** An access token the functions accept, for a linked shopper's turn. */
  accessToken(shopperId: string): Promise<string>;
  close(): Promise<void>;
}

const TABLE_PREFIX = 'shopvoice-bench';

export async function startLambdaBackends(): Promise<LambdaBackends> {
  const store = openEmbeddedStore(':memory:');
  const storeApi = serveStoreApiOnLoopback(store.store);
  const closeAll = async (...others: ({ close(): Promise<void> } | undefined)[]) => {
    storeApi.close();
    store.close();
    await Promise.all(others.map((other) => other?.close()));
  };
  let dynamo: LocalDynamo | undefined;
  let auth: BenchAuthorization | undefined;
  try {
    dynamo = await startLocalDynamo();
    auth = await startBenchAuthorization();
    await dynamo.createTables(TABLE_PREFIX);
    const { issuer, audience, jwksUrl, accessToken } = auth;
    return {
      env: {
        NODE_ENV: 'production',
        ALEXA_SKILL_ID: SKILL_ID,
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: audience,
        AUTH_JWKS_URL: jwksUrl,
        SHOPPER_HASH_SECRET: 'bench-shopper-hash-secret-0123456789abcdef',
        SESSION_STATE_SECRET: 'bench-session-state-secret-0123456789abcdef',
        STORE_ADAPTER: 'http',
        STORE_API_URL: await storeApi.baseUrl,
        STATE_ADAPTER: 'dynamodb',
        DYNAMODB_TABLE_PREFIX: TABLE_PREFIX,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        // What Lambda gives every function: its region and the role's credentials (any will do on loopback).
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_SESSION_TOKEN: 'bench',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      accessToken,
      close: () => closeAll(dynamo, auth),
    };
  } catch (error) {
    await closeAll(dynamo, auth);
    throw error;
  }
}
