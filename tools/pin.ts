import { isFourDigitPin } from '../lambda/auth/purchase-pin';
import { createDynamoSkillState } from '../lambda/commerce/dynamodb/dynamo-skill-state';
import { migrate } from '../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../lambda/commerce/sqlite/open-database';
import { clearSqlitePurchasePin, setSqlitePinAlwaysRequired, setSqlitePurchasePin } from '../lambda/commerce/sqlite/sqlite-purchase-pins';
import { type Config, loadConfig } from '../lambda/config';

/**
 * `npm run pin -- set <shopperId>`: reads a four-digit purchase PIN from stdin (never from the
 * command line, so it stays out of shell history) and stores its salted hash where the skill keeps
 * its state: the embedded SQLite file, or DynamoDB. `npm run pin -- clear <shopperId>` removes it.
 * `npm run pin -- always <shopperId> on|off`: the shopper's own opt-in, asking for their PIN on every
 * purchase of theirs, whatever the store's policy and however sure Alexa is of their voice.
 */

const USAGE = [
  'Usage: npm run pin -- set <shopperId>   (the PIN is read from stdin)',
  '       npm run pin -- clear <shopperId>',
  '       npm run pin -- always <shopperId> on|off   (ask this shopper for the PIN on every purchase)',
].join('\n');

/** Where PINs are written: the configured state, opened for one command. */
export interface PinStore {
  /** Where it is, for the message: a file path or a table prefix, never a secret. */
  readonly where: string;
  set(shopperId: string, pin: string): Promise<void>;
  clear(shopperId: string): Promise<boolean>;
  /** Resolves false, changing nothing, when the shopper has no PIN. */
  setAlwaysRequired(shopperId: string, always: boolean): Promise<boolean>;
  close(): void;
}

export function openPinStore(config: Config): PinStore {
  if (config.state.adapter === 'dynamodb') {
    const state = createDynamoSkillState(config.state);
    return {
      where: `DynamoDB tables ${config.state.tablePrefix}-*`,
      set: (shopperId, pin) => state.purchasePins.setPin(shopperId, pin),
      clear: (shopperId) => state.purchasePins.clearPin(shopperId),
      setAlwaysRequired: (shopperId, always) => state.purchasePins.setAlwaysRequired(shopperId, always),
      close: () => state.close(),
    };
  }
  // Only the schema is brought up to date; the demo store is written, if ever, by the server.
  const db = openDatabase(config.storePath);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    where: `the embedded store ${config.storePath}`,
    set: (shopperId, pin) => setSqlitePurchasePin(db, shopperId, pin),
    clear: async (shopperId) => clearSqlitePurchasePin(db, shopperId),
    setAlwaysRequired: async (shopperId, always) => setSqlitePinAlwaysRequired(db, shopperId, always),
    close: () => db.close(),
  };
}

export interface PinCommandIo {
  /** The PIN as typed or piped in, read only for `set`. */
  readPin(): Promise<string>;
  openStore(): PinStore;
}

export interface PinCommandResult {
  readonly exitCode: 0 | 1;
  readonly stdout: string;
  readonly stderr: string;
}

const failure = (message: string): PinCommandResult => ({ exitCode: 1, stdout: '', stderr: `${message}\n` });

export async function runPinCommand(args: readonly string[], io: PinCommandIo): Promise<PinCommandResult> {
  const [command, shopperId, ...rest] = args;
  if (command === '--help' || command === '-h') return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (command === 'always') return runAlways(shopperId, rest, io);
  if ((command !== 'set' && command !== 'clear') || !shopperId || shopperId.trim() === '' || rest.length > 0) {
    const hint = rest.some(isFourDigitPin) ? '\nThe PIN is read from stdin, not from the command line.' : '';
    return failure(`${USAGE}${hint}`);
  }

  let pin = '';
  if (command === 'set') {
    pin = (await io.readPin()).trim();
    if (!isFourDigitPin(pin)) return failure('A purchase PIN is exactly four digits; nothing was changed.');
  }
  const store = io.openStore();
  try {
    if (command === 'set') {
      await store.set(shopperId, pin);
      return { exitCode: 0, stdout: `Purchase PIN set for ${shopperId} in ${store.where}.\n`, stderr: '' };
    }
    const removed = await store.clear(shopperId);
    return {
      exitCode: 0,
      stdout: removed ? `Purchase PIN removed for ${shopperId} in ${store.where}.\n` : `${shopperId} had no purchase PIN in ${store.where}.\n`,
      stderr: '',
    };
  } finally {
    store.close();
  }
}

/** Reads one line from a terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done();
        if (character === '\u0003' || character === '\u0004') return done(new Error('Cancelled; nothing was changed.'));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}

/** A piped PIN is the first line of stdin. */
async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPinFromStdin(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await readHidden('New four-digit purchase PIN: ');
  const again = await readHidden('The same PIN again: ');
  if (first.trim() !== again.trim()) throw new Error('The two PINs differ; nothing was changed.');
  return first;
}

async function main(): Promise<void> {
  try {
    const result = await runPinCommand(process.argv.slice(2), { readPin: readPinFromStdin, openStore: () => openPinStore(loadConfig()) });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

/** `always <shopperId> on|off`: the shopper's own opt-in to the PIN on every purchase. */
async function runAlways(shopperId: string | undefined, rest: readonly string[], io: PinCommandIo): Promise<PinCommandResult> {
  const [setting, ...extra] = rest;
  if (!shopperId || shopperId.trim() === '' || (setting !== 'on' && setting !== 'off') || extra.length > 0) return failure(USAGE);
  const store = io.openStore();
  try {
    const always = setting === 'on';
    if (!(await store.setAlwaysRequired(shopperId, always))) {
      return failure(`${shopperId} has no purchase PIN in ${store.where}: set one first (npm run pin -- set ${shopperId}); nothing was changed.`);
    }
    const said = always ? `asked for their PIN on every purchase` : `asked for their PIN only when the store's policy asks for it`;
    return { exitCode: 0, stdout: `${shopperId} is now ${said} (${store.where}).\n`, stderr: '' };
  } finally {
    store.close();
  }
}
