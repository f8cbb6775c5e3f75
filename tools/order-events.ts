import { signatureHeader, SIGNATURE_HEADER } from '../lambda/commerce/handoff-webhook/signature';
import { ORDER_STATUS_CHANGES } from '../lambda/commerce/ports';
import { migrate } from '../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../lambda/commerce/sqlite/open-database';
import { createSqliteNotificationSubscriptions, createSqliteOrderNotifications } from '../lambda/commerce/sqlite/sqlite-order-notifications';
import { type Config, ConfigError, loadConfig } from '../lambda/config';
import { createNotificationRelay, type NotificationPass } from '../lambda/events/notification-relay';
import { ORDER_STATUS_WEBHOOK_PATH } from '../lambda/events/order-status-webhook';
import { configuredAlexaOrderNotifications } from '../lambda/platforms/alexa-proactive/alexa-order-notifications';

/**
 * Order notifications from the command line, for a store developer trying them locally:
 *
 * - `npm run events:order-status -- <order> <status> --shopper <id> [--arrives <YYYY-MM-DD>] [--url <server>]`
 *   POSTs a status change to the running server's `/events/order-status`, signed with
 *   ORDER_EVENTS_SECRET, exactly as the store would;
 * - `npm run events:send` makes one delivery pass over the notifications queued in the embedded
 *   store, as the scheduled function would: what is due is sent to Alexa, retried or dropped.
 */

const USAGE = [
  'Usage: npm run events:order-status -- <orderNumber> <status> --shopper <shopperId> [--arrives <YYYY-MM-DD>] [--url <server>]',
  `       (status: ${ORDER_STATUS_CHANGES.join(', ')}; --arrives is required for delayed)`,
  '       npm run events:send',
].join('\n');

export interface OrderEventsResult {
  readonly exitCode: 0 | 1;
  readonly stdout: string;
  readonly stderr: string;
}

export interface OrderEventsIo {
  readonly config: Config;
  readonly now: () => Date;
}

const failure = (message: string): OrderEventsResult => ({ exitCode: 1, stdout: '', stderr: `${message}\n` });

function optionsOf(args: readonly string[]): { positional: string[]; flags: Map<string, string> } | undefined {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--')) return undefined;
    flags.set(arg.slice(2), value);
    index += 1;
  }
  return { positional, flags };
}

async function postStatusChange(args: readonly string[], io: OrderEventsIo): Promise<OrderEventsResult> {
  const parsed = optionsOf(args);
  const [orderNumber, status, ...rest] = parsed?.positional ?? [];
  const shopperId = parsed?.flags.get('shopper');
  const unknownFlag = [...(parsed?.flags.keys() ?? [])].find((flag) => !['shopper', 'arrives', 'url'].includes(flag));
  if (!parsed || !orderNumber || !status || !shopperId || rest.length > 0 || unknownFlag) return failure(USAGE);
  const secret = io.config.orderEvents?.secret;
  if (!secret) return failure('ORDER_EVENTS_SECRET is not set: the server has no /events/order-status to post to (see .env.example).');
  const url = new URL(ORDER_STATUS_WEBHOOK_PATH, parsed.flags.get('url') ?? `http://127.0.0.1:${io.config.port}`);
  const arrives = parsed.flags.get('arrives');
  const body = JSON.stringify({ orderNumber, shopperId, status, occurredAt: io.now().toISOString(), ...(arrives ? { expectedArrival: arrives } : {}) });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(body, secret, io.now()) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return failure(`Nothing answered at ${url.origin}: start the server with \`npm start\` (and the same ORDER_EVENTS_SECRET).`);
  }
  const answer = await response.text();
  const line = `${response.status} ${answer}\n`;
  return response.ok ? { exitCode: 0, stdout: line, stderr: '' } : { exitCode: 1, stdout: '', stderr: line };
}

async function sendDue(io: OrderEventsIo): Promise<OrderEventsResult> {
  const { config } = io;
  const sender = configuredAlexaOrderNotifications(config, io.now);
  if (!sender) return failure('ORDER_EVENTS_SECRET is not set: order notifications are off (see .env.example).');
  if (config.state.adapter !== 'embedded') return failure('STATE_ADAPTER=dynamodb keeps no order notifications yet; this command reads the embedded store.');
  const db = openDatabase(config.storePath);
  try {
    migrate(db);
    const relay = createNotificationRelay({
      outbox: createSqliteOrderNotifications(db),
      subscriptions: createSqliteNotificationSubscriptions(db),
      sender,
      clock: io.now,
      baseDelayMs: config.orderEvents!.retryBaseMs,
    });
    const pass: NotificationPass = await relay.drain();
    relay.close();
    return { exitCode: 0, stdout: `sent ${pass.sent}, failed ${pass.failed} (queued for a retry), dropped ${pass.dropped}\n`, stderr: '' };
  } finally {
    db.close();
  }
}

export async function runOrderEventsCommand(args: readonly string[], io: OrderEventsIo): Promise<OrderEventsResult> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (command === 'order-status') return postStatusChange(rest, io);
  if (command === 'send' && rest.length === 0) return sendDue(io);
  return failure(USAGE);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const result = await runOrderEventsCommand(process.argv.slice(2), { config, now: () => new Date() });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

if (require.main === module) void main();
