import { createDocumentClient, type DocumentClient } from './document-commands';
import { type AwsCredentials, createSignedDynamoClient, type DynamoClient, regionalDynamoEndpoint } from './signed-dynamo-client';

/** Where the skill's tables live: AWS, or a DynamoDB-compatible endpoint such as DynamoDB Local or dynalite. */
export interface DynamoSource {
  readonly tablePrefix: string;
  readonly region?: string;
  readonly endpoint?: string;
}

export interface DynamoClients {
  readonly client: DynamoClient;
  /** Plain JavaScript values in and out; attributes left undefined are not written. */
  readonly documents: DocumentClient;
}

/** A local endpoint checks signatures for shape only, so any key will do when none is configured. */
const LOCAL_CREDENTIALS: AwsCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'us-east-1';

/** No credentials where this client looks for them; said when the first request is made. */
export class MissingAwsCredentialsError extends Error {
  constructor() {
    super(
      'DynamoDB: no AWS credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Lambda sets them from the function’s role). ' +
        'To use a profile or SSO from a shell, export them first: eval "$(aws configure export-credentials --format env)"',
    );
    this.name = 'MissingAwsCredentialsError';
  }
}

export interface DynamoConnection {
  readonly region: string;
  readonly endpoint: string;
  /** The credentials requests are signed with; throws MissingAwsCredentialsError when there are none. */
  credentials(): AwsCredentials;
}

/**
 * Region, endpoint and credentials as Lambda provides them: AWS_REGION, and the function role's
 * keys in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. With a local endpoint
 * and nothing configured, static local credentials and a region are used.
 */
export function dynamoConnection(source: Pick<DynamoSource, 'region' | 'endpoint'>, env: NodeJS.ProcessEnv = process.env): DynamoConnection {
  const local = source.endpoint !== undefined;
  const region = source.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || (local ? LOCAL_REGION : undefined);
  if (!region) throw new Error('DynamoDB: no region; set AWS_REGION (Lambda sets it)');
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  const configured: AwsCredentials | undefined =
    accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
  const credentials = configured ?? (local ? LOCAL_CREDENTIALS : undefined);
  return {
    region,
    endpoint: source.endpoint ?? regionalDynamoEndpoint(region),
    credentials() {
      if (!credentials) throw new MissingAwsCredentialsError();
      return credentials;
    },
  };
}

export function createDynamoClients(source: Pick<DynamoSource, 'region' | 'endpoint'>, env: NodeJS.ProcessEnv = process.env): DynamoClients {
  const connection = dynamoConnection(source, env);
  const client = createSignedDynamoClient({ region: connection.region, endpoint: connection.endpoint, credentials: connection.credentials });
  return { client, documents: createDocumentClient(client) };
}

/** Whether a write was refused because its condition did not hold. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
