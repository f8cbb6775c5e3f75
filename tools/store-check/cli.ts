import { parseArgs } from 'node:util';
import { createAccessTokenVerifierFromConfig } from '../../lambda/auth/verifier-from-config';
import { type Config, ConfigError, loadConfig } from '../../lambda/config';
import { CheckLog } from './check-log';
import { runStoreCheck } from './conformance';
import { formatCheckTable } from './report-table';

export const USAGE = `Usage: npm run store:check -- --url <base URL> [--key <bearer key>] (--shopper <id> | --token <access token>) [--writes]

Checks a store's own implementation of commerce-api.yaml: calls every operation with right and
wrong inputs (an unknown shopper, another shopper's order, a product or order that does not exist,
limits and pages, a write retried with the same Idempotency-Key), reads every answer with the
schemas Shopvoice reads it with, and prints a table of what passed and what to fix. Exits 1 when a
check fails, 2 on a usage error.

  --url             the API's base URL (default: STORE_API_URL)
  --key             the bearer key the API wants (default: STORE_API_KEY)
  --shopper         a shopper the store knows; use a TEST shopper with a few delivered orders
  --token           an access token your authorization server issued for that shopper: it is
                    verified as Shopvoice verifies it (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL or
                    AUTH_JWKS_FILE) and its subject must be a shopper of the store
  --other-shopper   a second shopper: checks that neither is answered the other's orders
                    (a made-up shopper id otherwise)
  --writes          also check createReturn and placeOrder. This CREATES A RETURN of one unit and
                    PLACES AN ORDER of one unit (charged to the shopper's default payment method) for
                    the shopper, and sends requests a correct store refuses. Use a test shopper.
  --timeout         milliseconds one call may take (10000)
  --help            this text
`;

const USAGE_LINE = USAGE.split('\n')[0]!;

export interface StoreCheckCommandResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

export interface StoreCheckDependencies {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The configuration whose account-linking settings verify --token. */
  readonly config: () => Config;
  readonly now?: () => Date;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function readArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        shopper: { type: 'string' },
        token: { type: 'string' },
        'other-shopper': { type: 'string' },
        writes: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
}

function urlOf(text: string | undefined): string {
  if (text === undefined || text.trim() === '') throw new UsageError('--url is required (or set STORE_API_URL): the base URL of your store API');
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return url.href;
  } catch {
    throw new UsageError(`--url must be an http(s) URL, not "${text}"`);
  }
}

function timeoutOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 1 || ms > 120_000) throw new UsageError(`--timeout is a number of milliseconds from 1 to 120000, not "${text}"`);
  return ms;
}

/** The shopper the token names, recorded as account-linking checks; undefined when it names none usable. */
async function shopperOfToken(token: string, shopperId: string | undefined, config: Config, log: CheckLog): Promise<string | undefined> {
  const verified = await createAccessTokenVerifierFromConfig(config).verify(token.trim());
  const check = 'the access token verifies as Shopvoice verifies it';
  if (!verified) {
    log.fail(
      'account-linking',
      check,
      `it does not, for AUTH_ISSUER=${config.auth.issuer} and AUTH_AUDIENCE=${config.auth.audience} with ${config.auth.jwksUrl ?? config.auth.jwksFile ?? 'no AUTH_JWKS_URL or AUTH_JWKS_FILE'}: check those settings, the token's expiry, and that it is a signed JWT (RS256 or ES256)`,
    );
    return undefined;
  }
  log.pass('account-linking', check);
  if (shopperId !== undefined && shopperId !== verified.shopperId) {
    log.fail('account-linking', 'the token names the shopper given with --shopper', `it names "${verified.shopperId}", --shopper is "${shopperId}": the store's shopper ids must be the tokens' subjects (sub)`);
    return undefined;
  }
  return verified.shopperId;
}

/** Runs the check for these arguments; never throws for bad input or a broken store. */
export async function runStoreCheckCommand(args: readonly string[], dependencies: StoreCheckDependencies): Promise<StoreCheckCommandResult> {
  try {
    const values = readArgs(args);
    if (values.help) return { exitCode: 0, stdout: USAGE, stderr: '' };
    const baseUrl = urlOf(values.url ?? dependencies.env.STORE_API_URL);
    const apiKey = (values.key ?? dependencies.env.STORE_API_KEY)?.trim() || undefined;
    const timeoutMs = timeoutOf(values.timeout);
    if (values.shopper === undefined && values.token === undefined) throw new UsageError('give --shopper <id>, --token <access token>, or both');
    if (values.shopper !== undefined && values.shopper.trim() === '') throw new UsageError('--shopper needs a shopper id');

    const log = new CheckLog();
    const shopperId = values.token === undefined ? values.shopper!.trim() : await shopperOfToken(values.token, values.shopper?.trim(), dependencies.config(), log);
    if (shopperId !== undefined) {
      await runStoreCheck({
        baseUrl,
        shopperId,
        writes: values.writes,
        log,
        ...(apiKey ? { apiKey } : {}),
        ...(values['other-shopper'] ? { otherShopperId: values['other-shopper'] } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(dependencies.now ? { now: dependencies.now } : {}),
      });
    }
    const who = shopperId ?? values.shopper ?? 'the token’s shopper';
    const writes = values.writes ? 'writes on (a return and an order may be made for this shopper)' : 'read-only (add --writes to check returns and orders)';
    const table = formatCheckTable(log, `Store API check of ${baseUrl} as shopper "${who}", ${writes}`);
    return { exitCode: log.count('fail') > 0 ? 1 : 0, stdout: table, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `${error.message}\n${USAGE_LINE}\nRun it with --help for every option.\n` };
    if (error instanceof ConfigError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    return { exitCode: 1, stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n` };
  }
}

if (require.main === module) {
  void runStoreCheckCommand(process.argv.slice(2), { env: process.env, config: () => loadConfig() }).then((result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  });
}
