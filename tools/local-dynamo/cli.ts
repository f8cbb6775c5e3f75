import { parseArgs } from 'node:util';
import { startLocalDynamo } from './start-local-dynamo';

/**
 * `npm run dynamodb:local -- [--port 4567] [--prefix shopvoice-dev] [--path data/dynamodb]`: runs
 * dynalite, a DynamoDB-compatible server, on 127.0.0.1, creates the skill's state tables in it and
 * prints the settings that point `npm start` at it. In memory unless `--path` names a folder to keep
 * the data in. Stops with Ctrl-C.
 */

const USAGE = `Usage: npm run dynamodb:local -- [--port 4567] [--prefix shopvoice-dev] [--path data/dynamodb]

Runs dynalite (a DynamoDB-compatible server) on 127.0.0.1 with the skill's state tables, and prints
the settings that point npm start at it. Ctrl-C stops it.

  --port    the port to listen on; 4567 by default (0 picks a free one)
  --prefix  the table name prefix; DYNAMODB_TABLE_PREFIX, else shopvoice-dev
  --path    a folder to keep the data in; in memory by default
`;

/** Bad arguments: a one-line reason and the usage, never a stack trace. */
class UsageError extends Error {}

interface Options {
  readonly help: boolean;
  readonly port: number;
  readonly prefix: string;
  readonly path?: string;
}

function parseOptions(args: readonly string[]): Options {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      options: { port: { type: 'string' }, prefix: { type: 'string' }, path: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // node:util adds advice for a script's author after the first sentence.
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
  const portText = values.port ?? '4567';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not "${portText}"`);
  const prefix = values.prefix ?? process.env.DYNAMODB_TABLE_PREFIX ?? 'shopvoice-dev';
  if (!/^[A-Za-z0-9_.-]{3,200}$/.test(prefix)) throw new UsageError('--prefix must be 3–200 letters, digits, "_", "-" or "."');
  return { help: values.help, port, prefix, path: values.path };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const dynamo = await startLocalDynamo({ port: options.port, path: options.path });
  const { endpoint } = dynamo;
  const tables = await dynamo.createTables(options.prefix);

  console.log(`dynalite is listening on ${endpoint} (${options.path ? `data in ${options.path}` : 'in memory'}), with tables ${tables.join(', ')}.`);
  console.log('Start the skill on it with:\n');
  console.log(`  STATE_ADAPTER=dynamodb DYNAMODB_TABLE_PREFIX=${options.prefix} DYNAMODB_ENDPOINT=${endpoint} npm start\n`);
  console.log('Ctrl-C stops it.');
  const stop = () => void dynamo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE.split('\n')[0]}\nRun it with --help for every option.`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
