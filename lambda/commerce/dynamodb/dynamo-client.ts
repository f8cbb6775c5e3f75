import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the skill's tables live: AWS, or a DynamoDB-compatible endpoint such as DynamoDB Local or dynalite. */
export interface DynamoSource {
  readonly tablePrefix: string;
  readonly region?: string;
  readonly endpoint?: string;
}

export interface DynamoClients {
  readonly client: DynamoDBClient;
  /** Plain JavaScript values in and out; attributes left undefined are not written. */
  readonly documents: DynamoDBDocumentClient;
}

/** A local endpoint checks signatures for shape only, so any key will do when none is configured. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'us-east-1';

function hasConfiguredCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
}

/**
 * On AWS the SDK's default chain finds the region and credentials (on Lambda, the function's
 * role). With an endpoint and nothing configured, static local credentials and a region are used.
 */
export function createDynamoClients(source: Pick<DynamoSource, 'region' | 'endpoint'>, env: NodeJS.ProcessEnv = process.env): DynamoClients {
  const local = source.endpoint !== undefined;
  const client = new DynamoDBClient({
    ...(source.region ? { region: source.region } : local && !env.AWS_REGION ? { region: LOCAL_REGION } : {}),
    ...(local ? { endpoint: source.endpoint } : {}),
    ...(local && !hasConfiguredCredentials(env) ? { credentials: LOCAL_CREDENTIALS } : {}),
  });
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, documents };
}

/** Whether a write was refused because its condition did not hold. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
