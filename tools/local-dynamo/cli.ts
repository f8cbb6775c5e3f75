import { startLocalDynamo } from './start-local-dynamo';

/**
 * `npm run dynamodb:local -- [--port 4567] [--prefix shopvoice-dev] [--path data/dynamodb]`: runs
 * dynalite, a DynamoDB-compatible server, on 127.0.0.1, creates the skill's state tables in it and
 * prints the settings that point `npm start` at it. In memory unless `--path` names a folder to keep
 * the data in. Stops with Ctrl-C.
 */

interface Options {
  readonly port: number;
  readonly prefix: string;
  readonly path?: string;
}

function parseArgs(args: readonly string[]): Options {
  const value = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const port = Number(value('--port') ?? 4567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number');
  const prefix = value('--prefix') ?? process.env.DYNAMODB_TABLE_PREFIX ?? 'shopvoice-dev';
  if (!/^[A-Za-z0-9_.-]{3,200}$/.test(prefix)) throw new Error('--prefix must be 3–200 letters, digits, "_", "-" or "."');
  return { port, prefix, path: value('--path') };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
