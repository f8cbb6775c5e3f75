import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { startLocalDynamo } from '../local-dynamo/start-local-dynamo';
import { serveStoreApiOnLoopback } from '../store-server/loopback';
import { SKILL_ID } from './requests';

/** What a deployed function talks to, on loopback: the store API over the demo store, and DynamoDB. */
export interface LambdaBackends {
  /** The environment the Lambda entry points need to reach them, as serverless.yml sets it on AWS. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

const TABLE_PREFIX = 'shopvoice-bench';

export async function startLambdaBackends(): Promise<LambdaBackends> {
  const store = openEmbeddedStore(':memory:');
  const storeApi = serveStoreApiOnLoopback(store.store);
  const dynamo = await startLocalDynamo();
  try {
    await dynamo.createTables(TABLE_PREFIX);
    return {
      env: {
        NODE_ENV: 'production',
        ALEXA_SKILL_ID: SKILL_ID,
        // Production needs one; an unlinked shopper's launch never fetches it.
        AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
        SHOPPER_HASH_SECRET: 'bench-shopper-hash-secret-0123456789abcdef',
        SESSION_STATE_SECRET: 'bench-session-state-secret-0123456789abcdef',
        STORE_ADAPTER: 'http',
        STORE_API_URL: await storeApi.baseUrl,
        STATE_ADAPTER: 'dynamodb',
        DYNAMODB_TABLE_PREFIX: TABLE_PREFIX,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      async close() {
        storeApi.close();
        store.close();
        await dynamo.close();
      },
    };
  } catch (error) {
    storeApi.close();
    store.close();
    await dynamo.close();
    throw error;
  }
}
