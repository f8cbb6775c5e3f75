import { decodeJwt } from 'jose';
import { signDevAccessToken } from '../lambda/auth/dev-access-token';
import { DEMO_SHOPPERS } from '../lambda/commerce/sqlite/demo-shoppers';
import { loadConfig } from '../lambda/config';
import type { Config } from '../lambda/config';

/**
 * `npm run token -- <shopperId> [--expires 2h]`: prints a development access token for a demo
 * shopper, signed with the dev key. Without a shopper id it lists the demo shoppers.
 */

export interface DemoShopperSummary {
  readonly id: string;
  readonly name: string;
  readonly story: string;
}

export interface TokenCommandContext {
  readonly config: Config;
  readonly shoppers: readonly DemoShopperSummary[];
}

export interface TokenCommandResult {
  readonly exitCode: 0 | 1;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = 'Usage: npm run token -- <shopperId> [--expires 2h]';
const DEFAULT_LIFETIME = '1h';

export async function runTokenCommand(
  args: readonly string[],
  context: TokenCommandContext = { config: loadConfig(), shoppers: DEMO_SHOPPERS },
): Promise<TokenCommandResult> {
  const parsed = parseArgs(args);
  if ('error' in parsed) return failure(`${parsed.error}\n${USAGE}`);
  if (parsed.help) return { exitCode: 0, stdout: `${USAGE}\n\n${listShoppers(context.shoppers)}`, stderr: '' };
  if (parsed.shopperId === undefined) return { exitCode: 0, stdout: listShoppers(context.shoppers), stderr: '' };

  const shopper = context.shoppers.find((candidate) => candidate.id === parsed.shopperId);
  if (!shopper) {
    const valid = context.shoppers.map((candidate) => candidate.id).join(', ');
    return failure(`Unknown shopper "${parsed.shopperId}". Valid shopper ids: ${valid}`);
  }

  const { config } = context;
  let token: string;
  try {
    token = await signDevAccessToken({
      dataDir: config.dataDir,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      shopperId: shopper.id,
      expiresIn: parsed.expires,
    });
  } catch (error) {
    return failure((error as Error).message.replace(/^auth: /, ''));
  }

  const { exp } = decodeJwt(token);
  const until = exp === undefined ? '' : `, valid until ${new Date(exp * 1000).toISOString()}`;
  const notes = [`Dev access token for ${shopper.name} (${shopper.id})${until}.`];
  if (!config.auth.trustDevKey) {
    notes.push(
      'Warning: this configuration does not trust the dev key (NODE_ENV=production or AUTH_TRUST_DEV_KEY is off), so the server will refuse this token.',
    );
  }
  // Only the token goes to stdout, so `$(npm run -s token -- <id>)` captures it cleanly.
  return { exitCode: 0, stdout: `${token}\n`, stderr: `${notes.join('\n')}\n` };
}

type ParsedArgs =
  | { readonly help: boolean; readonly shopperId?: string; readonly expires: string }
  | { readonly error: string };

function parseArgs(args: readonly string[]): ParsedArgs {
  let shopperId: string | undefined;
  let expires = DEFAULT_LIFETIME;
  let help = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg === '--expires') {
      const value = args[index + 1];
      if (value === undefined || value === '') return { error: '--expires needs a value, e.g. --expires 2h' };
      expires = value;
      index += 1;
    } else if (arg.startsWith('--expires=')) {
      expires = arg.slice('--expires='.length);
      if (expires === '') return { error: '--expires needs a value, e.g. --expires=2h' };
    } else if (arg.startsWith('-')) {
      return { error: `Unknown option ${arg}` };
    } else if (shopperId !== undefined) {
      return { error: `One shopper id at a time (got "${shopperId}" and "${arg}")` };
    } else {
      shopperId = arg;
    }
  }
  return shopperId === undefined ? { help, expires } : { help, shopperId, expires };
}

function listShoppers(shoppers: readonly DemoShopperSummary[]): string {
  const idWidth = Math.max(0, ...shoppers.map((shopper) => shopper.id.length));
  const lines = shoppers.map((shopper) => `  ${shopper.id.padEnd(idWidth)}  ${shopper.name}: ${shopper.story}`);
  return [
    'Demo shoppers (npm run token -- <shopperId> [--expires 2h]):',
    '',
    ...lines,
    '',
  ].join('\n');
}

function failure(message: string): TokenCommandResult {
  return { exitCode: 1, stdout: '', stderr: `${message}\n` };
}

if (require.main === module) {
  runTokenCommand(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
