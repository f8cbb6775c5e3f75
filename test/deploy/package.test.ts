import { LOCALES } from '../../lambda/languages/packs';
import deDE from '../../lambda/languages/de-DE/messages.json';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import { STATE_TABLES, stateTableName, type StateTableDefinition } from '../../lambda/commerce/dynamodb/tables';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { type LoopbackStoreApi, serveStoreApiOnLoopback } from '../../tools/store-server/loopback';
import { intentRequest, launchRequest, TEST_SKILL_ID } from '../support/alexa-envelopes';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { mainInvocation, webhookRequest } from '../support/google-requests';
import { MCP_PATH, PROTECTED_RESOURCE_METADATA_PATHS } from '../../lambda/platforms/mcp/mcp-http';
import { SIGNATURE_HEADER, signatureHeader } from '../../lambda/commerce/handoff-webhook/signature';
import { ORDER_STATUS_WEBHOOK_PATH } from '../../lambda/events/order-status-webhook';
import { type AmazonStandIn, CLIENT_ID, CLIENT_SECRET, startAmazonStandIn } from '../events/amazon-stand-in';
import { mostUrgentItemName } from '../support/most-urgent-order';
import { expectValidSsml } from '../support/ssml-checks';
import { type ManagementStandIn, startManagementStandIn } from '../phone/management-stand-in';
import { AVA } from '../phone/phone-server';
import { incomingCall, twilioSignature } from '../phone/relay-client';
import { readTwiml } from '../../tools/call/relay-caller';
import { adapterFileOf, filesSendingRequests, LOCAL_ONLY_FILES, requestsForTable, SERVER_ONLY_TABLES } from './adapter-requests';
import { type AuthorizationServer, startAuthorizationServer } from './authorization-server';
import { httpApiPostEvent, type Invocation, nodeModulesAbove, runHandler, unpack, type UnpackedFunction } from './bundle-runner';
import {
  actionsOf,
  type CfnResource,
  type CfnTemplate,
  getAttTarget,
  resource,
  resourceRefs,
  resourcesOfType,
  roleStatements,
} from './cloudformation';

/**
 * `npm run package` as a store's developer runs it, offline and without AWS credentials, then
 * the artifacts it leaves: the CloudFormation template, checked against the code it deploys
 * (table definitions, what the DynamoDB adapter sends, the settings config.ts reads), and the
 * function zips, unpacked on their own and invoked like Lambda invokes them.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');
const PACKAGE_TIMEOUT_MS = 180_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-package-'));
const artifacts = path.join(work, 'artifacts');
let template: CfnTemplate;

function npmRunPackage(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['run', 'package', '--', '--package', artifacts],
      { cwd: REPO_ROOT, timeout: PACKAGE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
      (error, stdout, stderr) => (error ? reject(new Error(`npm run package failed: ${error.message}\n${stdout}${stderr}`)) : resolve(`${stdout}${stderr}`)),
    );
  });
}

beforeAll(async () => {
  await npmRunPackage();
  template = JSON.parse(fs.readFileSync(path.join(artifacts, 'cloudformation-template-update-stack.json'), 'utf8')) as CfnTemplate;
}, PACKAGE_TIMEOUT_MS + 10_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type Functions = {
  alexa: [string, CfnResource];
  google: [string, CfnResource];
  relay: [string, CfnResource];
  mcp: [string, CfnResource];
  phone: [string, CfnResource];
  orderEvents: [string, CfnResource];
  notifications: [string, CfnResource];
};

function functions(): Functions {
  const all = resourcesOfType(template, 'AWS::Lambda::Function');
  const byHandler = (handler: string) => {
    const found = all.filter(([, fn]) => fn.Properties.Handler === handler);
    if (found.length !== 1) throw new Error(`expected one function with handler ${handler}, found ${found.length}`);
    return found[0]!;
  };
  expect(all).toHaveLength(7);
  return {
    alexa: byHandler('lambda/alexa-lambda.handler'),
    google: byHandler('lambda/google-lambda.handler'),
    relay: byHandler('lambda/handoff-relay-lambda.handler'),
    mcp: byHandler('lambda/mcp-lambda.handler'),
    phone: byHandler('lambda/phone-lambda.handler'),
    orderEvents: byHandler('lambda/order-events-lambda.handler'),
    notifications: byHandler('lambda/order-notifications-lambda.handler'),
  };
}

/** The WebSocket API's URL for this stage, as CloudFormation resolves the phone function's PHONE_SOCKET_URL. */
const RESOLVED_SOCKET_URL = 'wss://ws456.execute-api.us-east-1.amazonaws.com/ci';

/**
 * A function's environment with what CloudFormation resolves at deploy time filled in: the phone
 * function's socket URL joins the WebSocket API's id, region and stage.
 */
const environmentOf = (fn: CfnResource): Record<string, string> =>
  Object.fromEntries(
    Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>).map(([name, value]) => [name, typeof value === 'string' ? value : name === 'PHONE_SOCKET_URL' ? RESOLVED_SOCKET_URL : JSON.stringify(value)]),
  );

/** `Fn::Join` parts as text, references as {Ref} markers: what an ARN or URL built in the template says. */
const joined = (value: unknown): string => {
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  if (!join) return JSON.stringify(value);
  return join[1].map((part) => (typeof part === 'string' ? part : `{${JSON.stringify(part)}}`)).join(join[0]);
};

describe('the CloudFormation template of npm run package', () => {
  it('deploys every entry point on a current Node.js runtime on arm64, each answering inside its platform’s deadline', () => {
    const { alexa, google, relay, mcp, phone, orderEvents, notifications } = functions();
    for (const [, fn] of [alexa, google, relay, mcp, phone, orderEvents, notifications]) {
      expect(fn.Properties.Runtime).toMatch(/^nodejs(20|22|24)\.x$/);
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
    // Alexa waits 8 s for an answer, Google 10 s.
    expect(alexa[1].Properties.Timeout).toBeLessThan(8);
    expect(google[1].Properties.Timeout).toBeLessThan(10);
    // An MCP call may spend the whole store budget and still answer before API Gateway's 30 s cut.
    const mcpBudgetSeconds = loadConfig(environmentOf(mcp[1])).turn.budgetMs / 1000;
    expect(mcp[1].Properties.Timeout).toBeGreaterThan(mcpBudgetSeconds);
    expect(mcp[1].Properties.Timeout).toBeLessThan(30);
    // A relay turn spends the store budget and still answers inside API Gateway's 29 s integration limit.
    expect(phone[1].Properties.Timeout).toBeGreaterThan(loadConfig(environmentOf(phone[1])).turn.budgetMs / 1000);
    expect(phone[1].Properties.Timeout).toBeLessThan(29);
  });

  it('gives each function a configuration config.ts accepts: production, the store API and DynamoDB, nothing it does not read', () => {
    const { alexa, google, relay, mcp, phone, orderEvents, notifications } = functions();
    const known = ['config.ts', 'logging.ts'].map((file) => fs.readFileSync(path.join(REPO_ROOT, 'lambda', file), 'utf8')).join('\n');
    for (const [, fn] of [alexa, google, relay, mcp, phone, orderEvents, notifications]) {
      const env = environmentOf(fn);
      expect(Object.keys(env).filter((name) => !known.includes(`${name}`))).toEqual([]);
      // As Lambda runs it: the runtime adds the function name and region.
      const config = loadConfig({ ...env, AWS_LAMBDA_FUNCTION_NAME: fn.Properties.FunctionName, AWS_REGION: 'us-east-1' });
      expect(config.environment).toBe('production');
      expect(config.commerce.adapter).toBe('http');
      expect(config.state).toMatchObject({ adapter: 'dynamodb', tablePrefix: 'shopvoice-ci' });
      expect(config.auth.jwksUrl).toBeDefined();
    }
    expect(loadConfig(environmentOf(alexa[1])).alexa.skillId).toMatch(/^amzn1\.ask\.skill\./);
    expect(loadConfig(environmentOf(google[1])).google.projectId).toBeDefined();
    // Confirmation tokens are signed with the deployment's own secret, and no browser origin may call.
    const mcpConfig = loadConfig(environmentOf(mcp[1]));
    expect(mcpConfig.sessionStateSecret).toBe(environmentOf(mcp[1]).SESSION_STATE_SECRET);
    expect(mcpConfig.mcp.allowedOrigins).toEqual([]);
    // The phone checks signatures, names the WebSocket API's stage as the relay's socket, and binds sockets with the deployment's secret.
    const phoneConfig = loadConfig(environmentOf(phone[1]));
    expect(phoneConfig.phone).toMatchObject({ provider: 'twilio', verifySignature: true, socketUrl: RESOLVED_SOCKET_URL });
    expect(phoneConfig.phone.connectionsEndpoint).toBeUndefined();
    expect(joined(phone[1].Properties.Environment.Variables.PHONE_SOCKET_URL)).toBe('wss://{{"Ref":"WebsocketsApi"}}.execute-api.{{"Ref":"AWS::Region"}}.{{"Ref":"AWS::URLSuffix"}}/ci');
  });

  it('lets only the configured skill invoke the Alexa function', () => {
    const { alexa } = functions();
    const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').filter(
      ([, permission]) => getAttTarget(permission.Properties.FunctionName, 'Arn') === alexa[0],
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]![1].Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: environmentOf(alexa[1]).ALEXA_SKILL_ID,
    });
  });

  it('routes POST /google to the Google function, /mcp and its protected resource metadata to the MCP function, the phone webhooks to the phone function, and nothing else', () => {
    const { google, mcp, phone, orderEvents } = functions();
    const functionOf = (route: CfnResource): string => {
      const target = JSON.stringify(route.Properties.Target);
      const integrations = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').filter(([id]) => target.includes(`"${id}"`));
      expect(integrations).toHaveLength(1);
      expect(integrations[0]![1].Properties.PayloadFormatVersion).toBe('2.0');
      return getAttTarget(integrations[0]![1].Properties.IntegrationUri, 'Arn')!;
    };
    const httpApiRoutes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').filter(([, route]) => JSON.stringify(route.Properties.ApiId) === '{"Ref":"HttpApi"}');
    const routes = httpApiRoutes.map(([, route]) => [route.Properties.RouteKey, functionOf(route)]);
    // The same paths lambda/platforms/mcp/mcp-http.ts serves: GET and DELETE reach the function, which answers 405.
    const mcpRoutes = [`POST ${MCP_PATH}`, `GET ${MCP_PATH}`, `DELETE ${MCP_PATH}`, ...PROTECTED_RESOURCE_METADATA_PATHS.map((metadata) => `GET ${metadata}`)];
    expect(Object.fromEntries(routes)).toEqual({
      'POST /google': google[0],
      ...Object.fromEntries(mcpRoutes.map((routeKey) => [routeKey, mcp[0]])),
      'POST /phone/twiml': phone[0],
      'POST /phone/texml': phone[0],
      [`POST ${ORDER_STATUS_WEBHOOK_PATH}`]: orderEvents[0],
    });
    expect(routes).toHaveLength(4 + mcpRoutes.length);
  });

  it('carries the relay’s socket on a WebSocket API whose $connect, $default and $disconnect reach the phone function, and nothing else', () => {
    const { phone } = functions();
    const api = resource(template, 'WebsocketsApi', 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.ProtocolType).toBe('WEBSOCKET');
    const socketRoutes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').filter(([, route]) => JSON.stringify(route.Properties.ApiId) === '{"Ref":"WebsocketsApi"}');
    const integrationOf = (route: CfnResource) => {
      const target = JSON.stringify(route.Properties.Target);
      const found = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').filter(([id]) => target.includes(`"${id}"`));
      expect(found).toHaveLength(1);
      return found[0]![1];
    };
    const byRoute: Record<string, CfnResource> = Object.fromEntries(socketRoutes.map(([, route]) => [route.Properties.RouteKey, integrationOf(route)]));
    expect(Object.keys(byRoute).sort()).toEqual(['$connect', '$default', '$disconnect']);
    for (const integration of Object.values(byRoute)) {
      expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(`"${phone[0]}"`);
    }
    // API Gateway may invoke the function for its socket, and only for it.
    const invokers = resourcesOfType(template, 'AWS::Lambda::Permission').filter(([, permission]) => getAttTarget(permission.Properties.FunctionName, 'Arn') === phone[0]);
    const fromSocketApi = invokers.filter(([, permission]) => joined(permission.Properties.SourceArn).includes('{"Ref":"WebsocketsApi"}'));
    expect(fromSocketApi).toHaveLength(1);
    expect(joined(fromSocketApi[0]![1].Properties.SourceArn)).toBe(
      'arn:{{"Ref":"AWS::Partition"}}:execute-api:{{"Ref":"AWS::Region"}}:{{"Ref":"AWS::AccountId"}}:{{"Ref":"WebsocketsApi"}}/*',
    );
    // Every permission to invoke the phone function names the API it comes from.
    for (const [, permission] of invokers) expect(permission.Properties.SourceArn).toBeDefined();
  });

  it('creates every table of tables.ts as defined there: on demand, point-in-time recovery, TTL where items expire, encrypted', () => {
    const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(STATE_TABLES.length);
    const sorted = <T extends { AttributeName?: string }>(list: readonly T[]) => [...list].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
    for (const definition of STATE_TABLES) {
      const found = tables.filter(([, table]) => table.Properties.TableName === stateTableName('shopvoice-ci', definition.suffix));
      expect(found).toHaveLength(1);
      const [, table] = found[0]!;
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.KeySchema).toEqual(definition.keySchema);
      expect(sorted(table.Properties.AttributeDefinitions)).toEqual(sorted(definition.attributeDefinitions));
      expect(table.Properties.GlobalSecondaryIndexes ?? []).toEqual(definition.globalSecondaryIndexes);
      expect(table.Properties.TimeToLiveSpecification).toEqual(
        definition.timeToLiveAttribute ? { AttributeName: definition.timeToLiveAttribute, Enabled: true } : undefined,
      );
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    }
  });

  describe('the functions’ IAM role', () => {
    const tableIdOf = (definition: StateTableDefinition): string =>
      resourcesOfType(template, 'AWS::DynamoDB::Table').find(([, table]) => table.Properties.TableName === stateTableName('shopvoice-ci', definition.suffix))![0];
    const statements = () => {
      const roles = resourcesOfType(template, 'AWS::IAM::Role');
      expect(roles).toHaveLength(1);
      return roleStatements(roles[0]![1]);
    };
    const dynamoStatements = () => statements().filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));

    it('allows nothing on "*", no wildcard DynamoDB action, and nothing but logging, DynamoDB and the relay sockets’ connections', () => {
      for (const statement of statements()) {
        expect(statement.Effect).toBe('Allow');
        expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
        for (const action of actionsOf(statement)) expect(action).toMatch(/^(logs|dynamodb):[A-Za-z]+$|^execute-api:ManageConnections$/);
      }
      // Posting to and closing connections of this WebSocket API only: no other API, no other method.
      const manage = statements().filter((statement) => actionsOf(statement).includes('execute-api:ManageConnections'));
      expect(manage).toHaveLength(1);
      expect(actionsOf(manage[0]!)).toEqual(['execute-api:ManageConnections']);
      expect((manage[0]!.Resource as unknown[]).map(joined).sort()).toEqual(
        ['DELETE', 'POST'].map((method) => `arn:{{"Ref":"AWS::Partition"}}:execute-api:{{"Ref":"AWS::Region"}}:{{"Ref":"AWS::AccountId"}}:{{"Ref":"WebsocketsApi"}}/*/${method}/@connections/*`),
      );
      for (const statement of dynamoStatements()) {
        // Only the skill's tables and their indexes, by reference: no literal ARN, no wildcard.
        expect(resourceRefs(statement.Resource).filter((ref) => 'other' in ref)).toEqual([]);
      }
    });

    it('allows on each table exactly the requests its adapter sends, and Query on the indexes it reads; nothing on the server-only tables', () => {
      // Every file that talks to DynamoDB on Lambda is one table's adapter.
      const adapterFiles = STATE_TABLES.map((definition) => path.basename(adapterFileOf(definition.suffix)));
      expect(filesSendingRequests().filter((file) => !LOCAL_ONLY_FILES.includes(file) && !adapterFiles.includes(file))).toEqual([]);

      const granted = (table: string, index?: string) =>
        dynamoStatements()
          .filter((statement) => resourceRefs(statement.Resource).some((ref) => 'table' in ref && ref.table === table && ref.index === index))
          .flatMap(actionsOf);
      for (const definition of STATE_TABLES) {
        const table = tableIdOf(definition);
        const needed = requestsForTable(definition.suffix);
        const indexesGranted = dynamoStatements()
          .flatMap((statement) => resourceRefs(statement.Resource))
          .flatMap((ref) => ('table' in ref && ref.table === table && ref.index ? [ref.index] : []));
        const indexesQueried = needed.queriesIndexes ? definition.globalSecondaryIndexes.map((index) => index.IndexName!) : [];
        expect({
          table: definition.suffix,
          actions: [...new Set(granted(table))].sort(),
          indexes: Object.fromEntries([...new Set(indexesGranted)].sort().map((index) => [index, [...new Set(granted(table, index))].sort()])),
        }).toEqual({
          table: definition.suffix,
          actions: SERVER_ONLY_TABLES.includes(definition.suffix) ? [] : needed.table,
          indexes: Object.fromEntries([...indexesQueried].sort().map((index) => [index, ['dynamodb:Query']])),
        });
      }
    });
  });

  it('keeps each function’s logs for a limited time', () => {
    const { alexa, google, relay, mcp, phone, orderEvents, notifications } = functions();
    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup').filter(([, group]) => String(group.Properties.LogGroupName).startsWith('/aws/lambda/'));
    expect(groups.map(([, group]) => group.Properties.LogGroupName).sort()).toEqual(
      [alexa, google, relay, mcp, phone, orderEvents, notifications].map(([, fn]) => `/aws/lambda/${fn.Properties.FunctionName}`).sort(),
    );
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('runs the handoff relay and the order notification sender every minute, so what is queued goes out without waiting for traffic', () => {
    const { relay, notifications } = functions();
    const rules = resourcesOfType(template, 'AWS::Events::Rule');
    expect(rules).toHaveLength(2);
    for (const [target] of [relay, notifications]) {
      const found = rules.filter(([, rule]) => JSON.stringify(rule.Properties.Targets).includes(`"${target}"`));
      expect(found).toHaveLength(1);
      expect(found[0]![1].Properties.ScheduleExpression).toBe('rate(1 minute)');
    }
  });

  it('outputs the Alexa function ARN and the Google webhook URL for the deploy scripts, and the MCP server URL for the add-on', () => {
    const { alexa } = functions();
    expect(getAttTarget(template.Outputs?.AlexaFunctionArn?.Value, 'Arn')).toBe(alexa[0]);
    const url = JSON.stringify(template.Outputs?.GoogleWebhookUrl?.Value);
    expect(url).toContain('{"Ref":"HttpApi"}');
    expect(url).toMatch(/"\/google"\]\]\}$/);
    const mcpUrl = JSON.stringify(template.Outputs?.McpServerUrl?.Value);
    expect(mcpUrl).toBe(url.replace(/"\/google"\]\]\}$/, `"${MCP_PATH}"]]}`));
    resource(template, 'HttpApi', 'AWS::ApiGatewayV2::Api');
    expect(joined(template.Outputs?.PhoneWebhookUrl?.Value)).toBe('https://{{"Ref":"HttpApi"}}.execute-api.{{"Ref":"AWS::Region"}}.{{"Ref":"AWS::URLSuffix"}}/phone/twiml');
    expect(joined(template.Outputs?.OrderStatusWebhookUrl?.Value)).toBe(`https://{{"Ref":"HttpApi"}}.execute-api.{{"Ref":"AWS::Region"}}.{{"Ref":"AWS::URLSuffix"}}${ORDER_STATUS_WEBHOOK_PATH}`);
    expect(joined(template.Outputs?.PhoneSocketUrl?.Value)).toBe(joined(functions().phone[1].Properties.Environment.Variables.PHONE_SOCKET_URL));
  });
});

describe('the function zips of npm run package', () => {
  const zips = {
    alexa: 'alexa.zip',
    google: 'google.zip',
    relay: 'handoffRelay.zip',
    mcp: 'mcp.zip',
    phone: 'phone.zip',
    orderEvents: 'orderEvents.zip',
    notifications: 'orderNotifications.zip',
  } as const;
  const unpacked: Partial<Record<keyof typeof zips, UnpackedFunction>> = {};
  const unpackedOf = (name: keyof typeof zips): UnpackedFunction =>
    (unpacked[name] ??= unpack(path.join(artifacts, zips[name]), fs.mkdtempSync(path.join(os.tmpdir(), `shopvoice-${name}-`))));
  afterAll(() => {
    for (const fn of Object.values(unpacked)) fs.rmSync(fn.dir, { recursive: true, force: true });
  });

  /** Each pack's sentences, at their path under the repository: lambda/languages/<locale>/messages.json, en-GB's overrides. */
  const packSentenceFiles = () =>
    LOCALES.flatMap((locale) =>
      fs
        .readdirSync(path.join(REPO_ROOT, 'lambda', 'languages', locale))
        .filter((file) => /^messages(-overrides)?\.json$/.test(file))
        .map((file) => `lambda/languages/${locale}/${file}`),
    ).sort();

  it('each hold one self-contained bundle at the handler’s path and the packs’ sentences it reads beside it: no node_modules, no native addon', () => {
    const all = functions();
    const besideBundle: Record<string, string[]> = {};
    for (const name of Object.keys(zips) as (keyof typeof zips)[]) {
      const bundle = `${all[name][1].Properties.Handler.replace(/\.handler$/, '')}.js`;
      const { runtimeImports } = JSON.parse(fs.readFileSync(path.join(artifacts, 'bundles', `${path.basename(bundle, '.js')}.json`), 'utf8')) as { runtimeImports: string[] };
      // What the bundle requires by a relative path, where it requires it: the zip must hold exactly that.
      besideBundle[name] = runtimeImports.filter((imported) => imported.startsWith('./')).map((imported) => path.posix.join(path.posix.dirname(bundle), imported));
      expect(unpackedOf(name).files).toEqual([bundle, ...besideBundle[name]!].sort());
      for (const file of besideBundle[name]!) expect(fs.readFileSync(path.join(unpackedOf(name).dir, file), 'utf8')).toBe(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    }
    // The functions that speak read every pack's sentences from the zip, none from the bundle.
    for (const name of ['alexa', 'google', 'phone'] as const) expect(besideBundle[name]).toEqual(packSentenceFiles());
    expect(fs.readFileSync(path.join(unpackedOf('relay').dir, 'lambda', 'handoff-relay-lambda.js'), 'utf8')).not.toMatch(/better[-_]sqlite3/);
  });

  it.each([
    ['alexa-lambda', 'alexa'],
    ['google-lambda', 'google'],
    ['mcp-lambda', 'mcp'],
    ['phone-lambda', 'phone'],
    ['order-events-lambda', 'orderEvents'],
    ['order-notifications-lambda', 'notifications'],
  ] as const)('%s bundles deployed code only: nothing from tools/ or test/, no dev-only package, no better-sqlite3', (name, zip) => {
    const bundle = fs.readFileSync(path.join(unpackedOf(zip).dir, 'lambda', `${name}.js`), 'utf8');
    expect(bundle).not.toMatch(/better[-_]sqlite3/);
    const report = JSON.parse(fs.readFileSync(path.join(artifacts, 'bundles', `${name}.json`), 'utf8')) as {
      firstParty: Record<string, number>;
      packages: Record<string, number>;
      runtimeImports: string[];
      problems: string[];
    };
    expect(report.problems).toEqual([]);
    // Beside lambda/, only the generated interaction models, and only where words are understood (Google).
    const models = [...LOCALES].sort().map((locale) => `skill-package/interactionModels/custom/${locale}.json`);
    expect(Object.keys(report.firstParty).filter((file) => !file.startsWith('lambda/')).sort()).toEqual(zip === 'google' || zip === 'phone' ? models : []);
    const devDependencies = Object.keys((JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: object }).devDependencies);
    expect(Object.keys(report.packages).filter((pkg) => devDependencies.includes(pkg) || pkg === 'better-sqlite3')).toEqual([]);
    expect(report.runtimeImports).not.toContain('better-sqlite3');
  });

  describe('run as Lambda runs them, over a store API, DynamoDB and an authorization server on loopback', () => {
    const storeApiKey = 'store-api-key-for-the-bundle-test';
    let store: EmbeddedStore;
    let storeApi: LoopbackStoreApi;
    let dynamo: LocalDynamo;
    let auth: AuthorizationServer;
    let env: Record<string, string>;

    beforeAll(async () => {
      // The function reads the real clock, so the demo history is laid out for the real today too.
      store = openEmbeddedStore(':memory:', { now: new Date() });
      storeApi = serveStoreApiOnLoopback(store.store, { apiKey: storeApiKey });
      [dynamo, auth] = await Promise.all([startDynalite(), startAuthorizationServer()]);
      env = {
        NODE_ENV: 'production',
        AWS_REGION: 'us-east-1',
        STORE_ADAPTER: 'http',
        STORE_API_URL: await storeApi.baseUrl,
        STORE_API_KEY: storeApiKey,
        STATE_ADAPTER: 'dynamodb',
        DYNAMODB_TABLE_PREFIX: await dynamo.tables(),
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AUTH_ISSUER: auth.issuer,
        AUTH_AUDIENCE: auth.audience,
        AUTH_JWKS_URL: auth.jwksUrl,
        SHOPPER_HASH_SECRET: 'test-shopper-hash-secret-0123456789abcdef',
        SESSION_STATE_SECRET: 'test-session-state-secret-0123456789abcdef',
      };
    });

    afterAll(async () => {
      storeApi?.close();
      store?.close();
      await Promise.all([dynamo?.close(), auth?.close()]);
    });

    const answerOf = (invocation: Invocation | undefined): any => {
      if (!invocation || 'error' in invocation) throw new Error(`the handler failed: ${invocation ? invocation.error : 'no answer'}`);
      return invocation.answer;
    };
    const leadingItem = () => mostUrgentItemName(store.store, 'shopper-ava', new Date());
    const turnsHeard = async (conversationId: string) => {
      const state = createDynamoSkillState({ tablePrefix: env.DYNAMODB_TABLE_PREFIX!, endpoint: dynamo.endpoint });
      try {
        return (await state.conversations.turns(conversationId)).map((turn) => turn.heard);
      } finally {
        state.close();
      }
    };

    it('loads with no node_modules anywhere above it', () => {
      expect(nodeModulesAbove(unpackedOf('alexa').dir)).toEqual([]);
      expect(nodeModulesAbove(unpackedOf('google').dir)).toEqual([]);
      expect(nodeModulesAbove(unpackedOf('mcp').dir)).toEqual([]);
      expect(nodeModulesAbove(unpackedOf('phone').dir)).toEqual([]);
    });

    it('the phone bundle answers the signed webhook, admits the signed $connect and answers the relay’s frames through the management API', async () => {
      const { phone } = functions();
      const management: ManagementStandIn = await startManagementStandIn('ci');
      try {
        const authToken = 'bundle-test-twilio-auth-token-0123456789';
        const params = incomingCall('CA20000000000000000000000000000001', AVA.phone);
        const webhookUrl = 'https://abc123.execute-api.us-east-1.amazonaws.com/phone/twiml';
        const form = new URLSearchParams(params).toString();
        const webhook = {
          ...httpApiPostEvent('/phone/twiml', null),
          headers: { ...httpApiPostEvent('/phone/twiml', null).headers, 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(authToken, webhookUrl, params) },
          body: form,
        };
        // The template's phone settings (the socket URL as deployed), over the loopback store and tables.
        const functionEnv = {
          ...environmentOf(phone[1]),
          ...env,
          AWS_LAMBDA_FUNCTION_NAME: phone[1].Properties.FunctionName,
          AWS_ACCESS_KEY_ID: 'AKIDBUNDLETEST',
          AWS_SECRET_ACCESS_KEY: 'bundle-test-secret',
          PHONE_TWILIO_AUTH_TOKEN: authToken,
          PHONE_CONNECTIONS_ENDPOINT: management.url,
        };
        const first = await runHandler(unpackedOf('phone'), phone[1].Properties.Handler, [webhook], functionEnv);
        const twiml = answerOf(first.invocations[0]);
        expect(twiml.statusCode).toBe(200);
        const { socketUrl, parameters } = readTwiml(twiml.body as string);
        expect(socketUrl.startsWith(`${RESOLVED_SOCKET_URL}?call=`)).toBe(true);

        const connectionId = 'bundle-connection=';
        const socketEvent = (eventType: 'CONNECT' | 'MESSAGE', extra: object) => ({
          requestContext: { routeKey: eventType === 'CONNECT' ? '$connect' : '$default', eventType, connectionId, domainName: 'ws456.execute-api.us-east-1.amazonaws.com', stage: 'ci' },
          isBase64Encoded: false,
          ...extra,
        });
        const run = await runHandler(
          unpackedOf('phone'),
          phone[1].Properties.Handler,
          [
            socketEvent('CONNECT', { headers: { 'X-Twilio-Signature': twilioSignature(authToken, socketUrl) }, queryStringParameters: Object.fromEntries(new URL(socketUrl).searchParams) }),
            socketEvent('CONNECT', { headers: { 'X-Twilio-Signature': twilioSignature('forged', socketUrl) }, queryStringParameters: Object.fromEntries(new URL(socketUrl).searchParams) }),
            socketEvent('MESSAGE', { body: JSON.stringify({ type: 'setup', callSid: params.CallSid, from: AVA.phone, customParameters: parameters }) }),
            socketEvent('MESSAGE', { body: JSON.stringify({ type: 'prompt', voicePrompt: 'where is my order', last: true }) }),
          ],
          functionEnv,
        );
        const [connected, forged] = run.invocations.map(answerOf);
        expect(connected.statusCode).toBe(200);
        expect(forged.statusCode).toBe(403);
        const posted = management.posted.get(connectionId) ?? [];
        expect(posted.at(-1)).toMatchObject({ type: 'text', last: true });
        expect(posted.map((message) => (message.type === 'text' ? String((message as { token: unknown }).token) : '')).join('')).toMatch(/last four digits of the card/);
        expect(management.unsigned).toEqual([]);
        expect(run.output).not.toContain(AVA.phone);
      } finally {
        await management.close();
      }
    }, 90_000);

    it('the Alexa bundle welcomes a LaunchRequest, reads a linked shopper’s orders, keeps the turn in DynamoDB and refuses another skill', async () => {
      const { alexa } = functions();
      const token = await auth.accessToken('shopper-ava');
      const sessionId = 'amzn1.echo-api.session.bundle-test-alexa';
      const run = await runHandler(
        unpackedOf('alexa'),
        alexa[1].Properties.Handler,
        [
          launchRequest({ applicationId: TEST_SKILL_ID }),
          intentRequest('OrderStatusIntent', {}, { accessToken: token, sessionId, applicationId: TEST_SKILL_ID }),
          launchRequest({ applicationId: 'amzn1.ask.skill.00000000-0000-4000-8000-0000000000ff' }),
        ],
        { ...env, AWS_LAMBDA_FUNCTION_NAME: alexa[1].Properties.FunctionName, ALEXA_SKILL_ID: TEST_SKILL_ID },
      );
      const [launch, orderStatus, otherSkill] = run.invocations;

      const welcome = answerOf(launch).response.outputSpeech;
      expect(welcome.type).toBe('SSML');
      expectValidSsml(welcome.ssml, 'alexa');
      expect(welcome.ssml).toContain('Welcome to');

      const orders = answerOf(orderStatus).response.outputSpeech.ssml as string;
      expectValidSsml(orders, 'alexa');
      expect(orders).toContain(await leadingItem());
      expect(await turnsHeard(`alexa:${sessionId}`)).toEqual(['OrderStatusIntent']);

      expect(otherSkill).toHaveProperty('error');
      // The access token never reaches the logs.
      expect(run.output).not.toContain(token);
    }, 90_000);

    it('the Alexa bundle answers a German shopper in German, reading only the sentences of the locales it speaks from beside it', async () => {
      const { alexa } = functions();
      // The zip without the packs a German turn does not read: the catalog's locale (en-US, read during init) and German stay.
      const germanOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-alexa-de-'));
      try {
        fs.cpSync(unpackedOf('alexa').dir, germanOnly, { recursive: true });
        const kept = ['lambda/languages/en-US/messages.json', 'lambda/languages/de-DE/messages.json'];
        for (const file of packSentenceFiles().filter((file) => !kept.includes(file))) fs.rmSync(path.join(germanOnly, file));
        const run = await runHandler({ dir: germanOnly, files: [] }, alexa[1].Properties.Handler, [launchRequest({ applicationId: TEST_SKILL_ID, locale: 'de-DE' })], {
          ...env,
          AWS_LAMBDA_FUNCTION_NAME: alexa[1].Properties.FunctionName,
          ALEXA_SKILL_ID: TEST_SKILL_ID,
        });
        const welcome = answerOf(run.invocations[0]).response.outputSpeech.ssml as string;
        expectValidSsml(welcome, 'alexa');
        const germanWelcome = deDE.assistance.welcomeGuest.split('{{')[0]!;
        expect(germanWelcome).toBe('Willkommen bei ');
        expect(welcome).toContain(germanWelcome);
        // Read from the file beside the bundle: the bundle itself holds no German sentence.
        expect(fs.readFileSync(path.join(germanOnly, 'lambda', 'alexa-lambda.js'), 'utf8')).not.toContain(deDE.assistance.welcomeGuest);
      } finally {
        fs.rmSync(germanOnly, { recursive: true, force: true });
      }
    }, 90_000);

    it('the Google bundle answers an API Gateway request with a prompt, and a linked shopper’s order status', async () => {
      const { google } = functions();
      const token = await auth.accessToken('shopper-ava');
      const sessionId = 'ABwppHFbundletestgoogle';
      // GOOGLE_PROJECT_ID stays unset: checking Google's signature needs Google's certificates, from the internet.
      const run = await runHandler(
        unpackedOf('google'),
        google[1].Properties.Handler,
        [httpApiPostEvent('/google', mainInvocation()), httpApiPostEvent('/google', webhookRequest('OrderStatusIntent', {}, { bearerToken: token, sessionId }))],
        { ...env, AWS_LAMBDA_FUNCTION_NAME: google[1].Properties.FunctionName },
      );
      const [main, orderStatus] = run.invocations.map(answerOf);

      expect(main.statusCode).toBe(200);
      const welcome = JSON.parse(main.body).prompt.firstSimple.speech as string;
      expectValidSsml(welcome, 'google');
      expect(welcome).toContain('Welcome to');

      expect(orderStatus.statusCode).toBe(200);
      const orders = JSON.parse(orderStatus.body).prompt.firstSimple.speech as string;
      expectValidSsml(orders, 'google');
      expect(orders).toContain(await leadingItem());
      expect(await turnsHeard(`google:${sessionId}`)).toEqual(['OrderStatusIntent']);
      expect(run.output).not.toContain(token);
    }, 90_000);

    it('the MCP bundle publishes its metadata, asks a guest to sign in, reads a linked shopper’s orders and refuses a foreign Origin', async () => {
      const { mcp } = functions();
      const token = await auth.accessToken('shopper-ava');
      /** An API Gateway HTTP API event as an MCP host's call arrives: JSON-RPC over POST, or a bare GET/DELETE. */
      const mcpEvent = (method: 'POST' | 'GET' | 'DELETE', routePath: string, body?: unknown, headers: Record<string, string> = {}) => {
        const post = httpApiPostEvent(routePath, body ?? null);
        return {
          ...post,
          routeKey: `${method} ${routePath}`,
          headers: { ...post.headers, accept: 'application/json, text/event-stream', 'user-agent': 'mcp-host/1.0', ...headers },
          requestContext: { ...post.requestContext, routeKey: `${method} ${routePath}`, http: { ...post.requestContext.http, method } },
          ...(method === 'POST' ? {} : { body: undefined }),
        };
      };
      const listOrders = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_orders', arguments: { limit: 1 } } };
      const run = await runHandler(
        unpackedOf('mcp'),
        mcp[1].Properties.Handler,
        [
          mcpEvent('GET', PROTECTED_RESOURCE_METADATA_PATHS[0]),
          mcpEvent('POST', MCP_PATH, listOrders),
          mcpEvent('POST', MCP_PATH, listOrders, { authorization: `Bearer ${token}` }),
          mcpEvent('GET', MCP_PATH),
          mcpEvent('POST', MCP_PATH, listOrders, { authorization: `Bearer ${token}`, origin: 'https://evil.example.com' }),
        ],
        { ...env, AWS_LAMBDA_FUNCTION_NAME: mcp[1].Properties.FunctionName },
      );
      const [metadata, guest, linked, stream, foreign] = run.invocations.map(answerOf);

      expect(metadata.statusCode).toBe(200);
      expect(JSON.parse(metadata.body)).toMatchObject({
        resource: `https://abc123.execute-api.us-east-1.amazonaws.com${MCP_PATH}`,
        authorization_servers: [auth.issuer],
      });

      expect(guest.statusCode).toBe(401);
      const challenge = Object.entries(guest.headers as Record<string, string>).find(([name]) => name.toLowerCase() === 'www-authenticate')?.[1];
      expect(challenge).toContain(`resource_metadata="https://abc123.execute-api.us-east-1.amazonaws.com${PROTECTED_RESOURCE_METADATA_PATHS[0]}"`);

      expect(linked.statusCode).toBe(200);
      const { result } = JSON.parse(linked.body) as { result: { structuredContent: { orders: unknown[]; total: number } } };
      expect(result.structuredContent.orders).toHaveLength(1);
      expect(result.structuredContent.total).toBeGreaterThan(1);

      expect(stream.statusCode).toBe(405);
      expect(foreign.statusCode).toBe(403);
      expect(run.output).not.toContain(token);
    }, 90_000);

    it('the order events bundle queues a signed status change in DynamoDB once, and the scheduled sender sends it to Alexa once', async () => {
      const { orderEvents, notifications } = functions();
      const secret = 'order-events-secret-for-the-bundle-test';
      const kitchen = 'amzn1.ask.account.BUNDLE-KITCHEN';
      const amazon: AmazonStandIn = await startAmazonStandIn();
      const state = createDynamoSkillState({ tablePrefix: env.DYNAMODB_TABLE_PREFIX!, endpoint: dynamo.endpoint });
      try {
        // Ava allowed notifications from the kitchen Echo, as the Alexa function keeps it.
        await state.notificationSubscriptions!.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: kitchen, locale: 'en-US', subscribed: true, at: new Date(Date.now() - 3_600_000) });
        const change = { orderNumber: '10741', shopperId: 'shopper-ava', status: 'shipped', occurredAt: new Date(Date.now() - 60_000).toISOString() };
        const signed = (secretUsed: string) => {
          const event = httpApiPostEvent(ORDER_STATUS_WEBHOOK_PATH, change);
          return { ...event, headers: { ...event.headers, [SIGNATURE_HEADER]: signatureHeader(event.body, secretUsed, new Date()) } };
        };
        const webhook = await runHandler(unpackedOf('orderEvents'), orderEvents[1].Properties.Handler, [signed(secret), signed(secret), signed('not-the-store-secret-at-all')], {
          ...env,
          AWS_LAMBDA_FUNCTION_NAME: orderEvents[1].Properties.FunctionName,
          ORDER_EVENTS_SECRET: secret,
          ALEXA_CLIENT_ID: CLIENT_ID,
          ALEXA_CLIENT_SECRET: CLIENT_SECRET,
        });
        const [queued, again, forged] = webhook.invocations.map(answerOf);
        expect([queued.statusCode, JSON.parse(queued.body)]).toEqual([202, { queued: 1 }]);
        expect([again.statusCode, JSON.parse(again.body)]).toEqual([200, { queued: 0, reason: 'already-queued' }]);
        expect(forged.statusCode).toBe(401);
        expect(amazon.accepted).toEqual([]);

        const sender = await runHandler(unpackedOf('notifications'), notifications[1].Properties.Handler, [{ source: 'aws.events' }, { source: 'aws.events' }], {
          ...env,
          // Production insists on https for Amazon's endpoints; the stand-in is plain http on loopback.
          NODE_ENV: 'development',
          AWS_LAMBDA_FUNCTION_NAME: notifications[1].Properties.FunctionName,
          ORDER_EVENTS_SECRET: secret,
          ALEXA_CLIENT_ID: CLIENT_ID,
          ALEXA_CLIENT_SECRET: CLIENT_SECRET,
          ALEXA_API_URL: amazon.url,
          ALEXA_LWA_URL: amazon.url,
        });
        expect(sender.invocations.map(answerOf)).toEqual([
          { sent: 1, failed: 0, dropped: 0 },
          { sent: 0, failed: 0, dropped: 0 },
        ]);
        expect(amazon.accepted).toHaveLength(1);
        expect(amazon.accepted[0]).toMatchObject({ event: { name: 'AMAZON.OrderStatus.Updated' }, relevantAudience: { type: 'Unicast', payload: { user: kitchen } } });
        expect(sender.output).not.toContain(kitchen);
        expect(sender.output).not.toContain(CLIENT_SECRET);
      } finally {
        state.close();
        await amazon.close();
      }
    }, 90_000);
  });
});
