import { decodeJwt } from 'jose';
import { signDevAccessToken } from '../lambda/auth/dev-access-token';
import { createAccessTokenVerifierFromConfig } from '../lambda/auth/verifier-from-config';
import { openAdapters } from '../lambda/commerce/open-adapters';
import { DEMO_SHOPPERS } from '../lambda/commerce/sqlite/demo-shoppers';
import { loadConfig } from '../lambda/config';
import type { Config } from '../lambda/config';
import { describeConfiguredStore, type KnownShoppers, linkShopper, storeShoppers } from './local-assistant/store-shoppers';

/**
 * `npm run token -- <shopperId> [--expires 2h]`: prints a development access token for any
 * shopper the configured store knows, signed with the dev key. Without a shopper id it lists the
 * demo shoppers. `npm run token -- --token <access token>` checks a token the store's authorization
 * server issued instead: whom it names, and whether the store knows them.
 */

export interface DemoShopperSummary {
  readonly id: string;
  readonly name: string;
  readonly story: string;
}

export interface TokenCommandContext {
  readonly config: Config;
  /** The demo shoppers to list: those of the embedded demo store, none for a store of your own. */
  readonly shoppers: readonly DemoShopperSummary[];
  /** Where shopper ids are checked: the configured store; by default, only the listed shoppers exist. */
  readonly store?: KnownShoppers;
}

export interface TokenCommandResult {
  readonly exitCode: 0 | 1;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = 'Usage: npm run token -- <shopperId> [--expires 2h] | --token <access token>';
const DEFAULT_LIFETIME = '1h';

export async function runTokenCommand(
  args: readonly string[],
  context: TokenCommandContext = { config: loadConfig(), shoppers: DEMO_SHOPPERS },
): Promise<TokenCommandResult> {
  const parsed = parseArgs(args);
  if ('error' in parsed) return failure(`${parsed.error}\n${USAGE}`);
  if (parsed.help) return { exitCode: 0, stdout: `${USAGE}\n\n${listShoppers(context.shoppers)}`, stderr: '' };
  const { config } = context;
  const store = context.store ?? listedShoppers(context.shoppers);
  if (parsed.token !== undefined) return describeIssuedToken(parsed.token, parsed.shopperId, store, config);
  if (parsed.shopperId === undefined) return { exitCode: 0, stdout: listShoppers(context.shoppers), stderr: '' };

  const linked = await linkShopper({ shopperId: parsed.shopperId }, store, () => createAccessTokenVerifierFromConfig(config));
  if (!linked.ok) {
    const demo = context.shoppers.length > 0 ? ` Demo shoppers: ${context.shoppers.map((candidate) => candidate.id).join(', ')}` : '';
    return failure(`${linked.error}${demo}`);
  }
  const shopper = linked.shopper;

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

/** What an issued access token says, checked as the server checks it: the shopper id on stdout. */
async function describeIssuedToken(token: string, shopperId: string | undefined, store: KnownShoppers, config: Config): Promise<TokenCommandResult> {
  const linked = await linkShopper({ token, ...(shopperId !== undefined ? { shopperId } : {}) }, store, () => createAccessTokenVerifierFromConfig(config));
  if (!linked.ok) return failure(linked.error);
  const { exp } = decodeJwt(token.trim());
  const until = exp === undefined ? '' : `, valid until ${new Date(exp * 1000).toISOString()}`;
  return { exitCode: 0, stdout: `${linked.shopper.id}\n`, stderr: `The token names ${linked.shopper.name} (${linked.shopper.id}), a shopper of ${store.where}${until}.\n` };
}

/** The listed shoppers as the only ones there are. */
function listedShoppers(shoppers: readonly DemoShopperSummary[]): KnownShoppers {
  return {
    where: 'the demo store',
    find: async (shopperId) => shoppers.find((shopper) => shopper.id === shopperId),
  };
}

type ParsedArgs =
  | { readonly help: boolean; readonly shopperId?: string; readonly expires: string; readonly token?: string }
  | { readonly error: string };

function parseArgs(args: readonly string[]): ParsedArgs {
  let shopperId: string | undefined;
  let expires = DEFAULT_LIFETIME;
  let help = false;
  let token: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg === '--expires') {
      const value = args[index + 1];
      if (value === undefined || value === '') return { error: '--expires needs a value, e.g. --expires 2h' };
      expires = value;
      index += 1;
    } else if (arg === '--token' || arg.startsWith('--token=')) {
      token = arg === '--token' ? args[index + 1] : arg.slice('--token='.length);
      if (arg === '--token') index += 1;
      if (token === undefined || token.trim() === '') return { error: '--token needs the access token to check' };
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
  return { help, expires, ...(shopperId !== undefined ? { shopperId } : {}), ...(token !== undefined ? { token } : {}) };
}

function listShoppers(shoppers: readonly DemoShopperSummary[]): string {
  if (shoppers.length === 0) return 'Name a shopper the configured store knows: npm run token -- <shopperId> [--expires 2h]\n';
  const idWidth = Math.max(0, ...shoppers.map((shopper) => shopper.id.length));
  const lines = shoppers.map((shopper) => `  ${shopper.id.padEnd(idWidth)}  ${shopper.name}: ${shopper.story}`);
  return [
    'Demo shoppers (npm run token -- <shopperId> [--expires 2h]):',
    '',
    ...lines,
    '',
    'Any other shopper id the configured store knows works too.',
    '',
  ].join('\n');
}

function failure(message: string): TokenCommandResult {
  return { exitCode: 1, stdout: '', stderr: `${message}\n` };
}

/** The configured store, asked about shopper ids; the demo shoppers are listed only for the embedded store. */
async function runAgainstConfiguredStore(args: readonly string[]): Promise<TokenCommandResult> {
  const config = loadConfig();
  const adapters = openAdapters(config);
  try {
    const shoppers = config.commerce.adapter === 'embedded' ? DEMO_SHOPPERS : [];
    return await runTokenCommand(args, { config, shoppers, store: storeShoppers(adapters.store.shoppers, describeConfiguredStore(config)) });
  } finally {
    adapters.close();
  }
}

if (require.main === module) {
  runAgainstConfiguredStore(process.argv.slice(2)).then(
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
