import readline from 'node:readline';
import { createAccessTokenVerifierFromConfig } from '../lambda/auth/verifier-from-config';
import { openAdapters } from '../lambda/commerce/open-adapters';
import { composeShopvoice } from '../lambda/compose';
import { loadConfig } from '../lambda/config';
import type { Platform } from '../lambda/core/turn';
import { createLogger, describeError } from '../lambda/logging';
import type { ConversationSettings, LocalSession } from './local-assistant/conversation-settings';
import type { Exchange, LocalAssistant } from './local-assistant/local-assistant';
import { localAssistantFor } from './local-assistant/local-setup';
import { describeConfiguredStore, linkShopper, storeShoppers } from './local-assistant/store-shoppers';
import { transcriptLines } from './local-assistant/transcript';

/**
 * `npm run chat -- [--platform alexa|google] [--locale en-US] [--shopper <id>] [--token <access token>]`:
 * talk to the assistant in the terminal. Each line is what the shopper says; it is understood with
 * the generated models and sent through the real adapter. Reads a script from standard input too.
 */

const USAGE = `Usage: npm run chat -- [--platform alexa|google] [--locale en-US] [--shopper <id>] [--token <access token>]

--shopper is any shopper the configured store knows (signed in with a development token);
--token is an access token your store's authorization server issued (its shopper is the token's).
Without either you talk as a guest.

Type what the shopper says. Commands:
  /json    the last request and response JSON
  /reset   start a new session
  /help    this text
  /quit    leave (or Ctrl-D)`;

const PLATFORMS: readonly Platform[] = ['alexa', 'google'];

export interface ChatOptions {
  readonly platform: Platform;
  readonly locale: string;
  readonly shopperId?: string;
  /** An access token the store's authorization server issued; the shopper is the one it names. */
  readonly token?: string;
}

type ParsedArgs = { readonly help: true } | { readonly help: false; readonly options: ChatOptions } | { readonly error: string };

export function parseChatArgs(args: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name !== '--platform' && name !== '--locale' && name !== '--shopper' && name !== '--token') return { error: `Unknown option ${arg}` };
    let value = inline;
    if (value === undefined) {
      index += 1;
      value = args[index];
    }
    if (value === undefined || value === '') return { error: `${name} needs a value` };
    values.set(name, value);
  }
  const platform = values.get('--platform') ?? 'alexa';
  if (!PLATFORMS.includes(platform as Platform)) return { error: `--platform is alexa or google, not ${platform}` };
  // Whether the store knows the shopper is asked of the store itself, once it is open (main).
  const shopperId = values.get('--shopper');
  const token = values.get('--token');
  return { help: false, options: { platform: platform as Platform, locale: values.get('--locale') ?? 'en-US', ...(shopperId ? { shopperId } : {}), ...(token ? { token } : {}) } };
}

export interface ChatIo {
  readonly lines: AsyncIterable<string>;
  readonly write: (line: string) => void;
  /** Echo each line read, so a transcript from a pipe shows what was said. */
  readonly echo: boolean;
  /** Called when ready for the next line (the interactive prompt). */
  readonly prompt?: () => void;
}

/** Runs the conversation until the input ends or the shopper quits. */
export async function runChat(assistant: LocalAssistant, options: ChatOptions, io: ChatIo): Promise<void> {
  const settings: ConversationSettings = { ...options, screen: true };
  let session: LocalSession | undefined;
  let last: Exchange | undefined;
  io.prompt?.();
  for await (const raw of io.lines) {
    const line = raw.trim();
    if (line === '') {
      io.prompt?.();
      continue;
    }
    if (io.echo) io.write(`you> ${line}`);
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') io.write(USAGE);
    else if (line === '/reset') {
      session = undefined;
      io.write('(new session)');
    } else if (line === '/json') {
      io.write(last ? `request:\n${JSON.stringify(last.request, null, 2)}\nresponse (${last.response.status}):\n${JSON.stringify(last.response.body, null, 2)}` : '(nothing said yet)');
    } else if (line.startsWith('/')) io.write(`Unknown command ${line}; /help lists them.`);
    else {
      last = await assistant.takeTurn(settings, session, line);
      session = last.session;
      for (const output of transcriptLines(options.platform, last)) io.write(output);
    }
    io.prompt?.();
  }
}

async function main(): Promise<number> {
  const parsed = parseChatArgs(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(`${parsed.error}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const adapters = openAdapters(config);
  const shopvoice = composeShopvoice(config, { logger: createLogger('silent'), adapters });
  try {
    let options = parsed.options;
    let issuedTokens: Map<string, string> | undefined;
    if (options.shopperId !== undefined || options.token !== undefined) {
      const linked = await linkShopper(options, storeShoppers(adapters.store.shoppers, describeConfiguredStore(config)), () => createAccessTokenVerifierFromConfig(config));
      if (!linked.ok) {
        console.error(linked.error);
        return 1;
      }
      options = { platform: options.platform, locale: options.locale, shopperId: linked.shopper.id };
      if (linked.shopper.issuedToken) issuedTokens = new Map([[linked.shopper.id, linked.shopper.issuedToken]]);
    }
    const assistant = localAssistantFor(config, shopvoice.router, shopvoice.stateSeal, {
      onError: (error) => console.error(`(the adapter failed: ${describeError(error).message})`),
      ...(issuedTokens ? { issuedTokens } : {}),
    });
    const locales = assistant.understanding.locales();
    if (!locales.includes(options.locale)) {
      console.error(`No interaction model for ${options.locale}; there are: ${locales.join(', ')}`);
      return 1;
    }
    if (options.shopperId && !issuedTokens && !config.auth.trustDevKey) {
      console.error('This configuration does not trust the development key: the shopper will be asked to link their account.');
    }
    const interactive = process.stdin.isTTY === true;
    const input = readline.createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
    input.setPrompt('you> ');
    if (interactive) console.log(`Talking to ${options.platform} (${options.locale}) as ${options.shopperId ?? 'a guest'}. /help lists commands.`);
    await runChat(assistant, options, {
      lines: input,
      write: (line) => console.log(line),
      echo: !interactive,
      ...(interactive ? { prompt: () => input.prompt() } : {}),
    });
    input.close();
    return 0;
  } finally {
    shopvoice.close();
    adapters.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
