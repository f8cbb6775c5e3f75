import { ConfigError, loadConfig } from '../../lambda/config';
import { DEMO_SHOPPER_PROFILES } from '../../lambda/commerce/sqlite/demo-shoppers';
import { placeCall } from './relay-caller';

/**
 * `npm run call -- [--from <number>] [--url <server>]`: call the store's phone line from the
 * terminal, as Twilio's ConversationRelay would carry the call, against a running `npm start`.
 */

const DEFAULT_FROM = DEMO_SHOPPER_PROFILES[0]?.phone ?? '+13035550142';

const USAGE = `Usage: npm run call -- [--from <number>] [--to <number>] [--url <server>]

Calls the phone line of a running server (npm start) the way Twilio's ConversationRelay does:
signed requests, the caller's number in the setup, what you type as what you say.

  --from   the caller's number, E.164 (default ${DEFAULT_FROM}, Ava of the demo store);
           "anonymous" calls with a withheld number
  --to     the number called (default: STORE_SUPPORT_PHONE)
  --url    the server (default http://127.0.0.1:<PORT>)

Type what you say. #1234 keys 1 2 3 4 and # on the keypad. Ctrl-D hangs up.
Demo shoppers' numbers: ${DEMO_SHOPPER_PROFILES.map((shopper) => `${shopper.givenName} ${shopper.phone}`).join(', ')}.`;

type Parsed = { readonly help: true } | { readonly error: string } | { readonly values: ReadonlyMap<string, string> };

const OPTIONS = new Set(['--from', '--to', '--url']);

function parseArgs(args: readonly string[]): Parsed {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (!name || !OPTIONS.has(name)) return { error: `Unknown option ${arg}` };
    const value = inline ?? args[(index += 1)];
    if (value === undefined || value === '') return { error: `${name} needs a value` };
    values.set(name, value);
  }
  const url = values.get('--url');
  if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) return { error: `--url must be an http(s) URL, not ${url}` };
  return { values };
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exitCode = 1;
    return;
  }
  const authToken = config.phone.twilioAuthToken;
  if (!authToken) {
    process.stderr.write('PHONE_TWILIO_AUTH_TOKEN is not set, so there is nothing to sign the call with.\n');
    process.exitCode = 1;
    return;
  }
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const baseUrl = parsed.values.get('--url') ?? `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
  try {
    await placeCall({
      baseUrl,
      authToken,
      from: parsed.values.get('--from') ?? DEFAULT_FROM,
      to: parsed.values.get('--to') ?? `+${config.store.supportPhone.replace(/^\+/, '')}`,
      input: process.stdin,
      output: process.stdout,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /ECONNREFUSED|fetch failed/.test(reason) ? ` Is the server running? Start it with npm start.` : '';
    process.stderr.write(`The call could not be made: ${reason}.${hint}\n`);
    process.exitCode = 1;
  }
}

void main();
