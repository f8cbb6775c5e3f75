import fs from 'node:fs';
import path from 'node:path';
import type { StateTableSuffix } from '../../lambda/commerce/dynamodb/tables';

/**
 * Which DynamoDB requests the state adapter sends to each table, read from its source: every
 * `new XCommand(` in lambda/commerce/dynamodb/dynamo-<suffix>.ts, as the IAM action it needs.
 * A file that spans tables (dynamo-erasure.ts) says which commands it sends to which table in an
 * exported `TABLE_REQUESTS`; those count on each table it names, and the commands it declares must
 * be exactly the ones its source constructs.
 */

export const DYNAMODB_SOURCE_DIR = path.resolve(__dirname, '../../lambda/commerce/dynamodb');

/** Creates the tables for local development and tests; on AWS, serverless.yml does. */
export const LOCAL_ONLY_FILES = ['create-tables.ts'];

/**
 * Tables only the long-running server uses (the account linking it serves for a Medusa store, which
 * no Lambda function runs): the functions' role is granted nothing on them.
 */
export const SERVER_ONLY_TABLES: readonly StateTableSuffix[] = ['account-links'];

const ACTION_OF_COMMAND: Readonly<Record<string, string>> = {
  GetCommand: 'dynamodb:GetItem',
  GetItemCommand: 'dynamodb:GetItem',
  PutCommand: 'dynamodb:PutItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
  ScanCommand: 'dynamodb:Scan',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  BatchGetItemCommand: 'dynamodb:BatchGetItem',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  BatchWriteItemCommand: 'dynamodb:BatchWriteItem',
};

/** The command classes constructed in a source file. */
export function commandsIn(source: string): string[] {
  return [...new Set([...source.matchAll(/\bnew\s+([A-Z]\w*Command)\s*\(/g)].map((match) => match[1]!))].sort();
}

export function adapterFileOf(suffix: StateTableSuffix): string {
  return path.join(DYNAMODB_SOURCE_DIR, `dynamo-${suffix}.ts`);
}

/** The argument text of each `new <command>(…)` call, parentheses balanced. */
export function callArguments(source: string, command: string): string[] {
  const calls: string[] = [];
  for (const match of source.matchAll(new RegExp(`\\bnew\\s+${command}\\s*\\(`, 'g'))) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < source.length && depth > 0) {
      if (source[end] === '(') depth += 1;
      else if (source[end] === ')') depth -= 1;
      end += 1;
    }
    calls.push(source.slice(start, end - 1));
  }
  return calls;
}

/** What a file that spans tables declares: the command classes it sends to each table. */
export type DeclaredTableRequests = Partial<Record<StateTableSuffix, readonly string[]>>;

const DECLARATION = /\bexport\s+const\s+TABLE_REQUESTS\b/;

/**
 * The `TABLE_REQUESTS` a source file in lambda/commerce/dynamodb/ exports, or `undefined` when it
 * declares none. Throws when the declaration and the commands the source constructs differ, or
 * when it declares a Query on an index (only one-table adapters may, so that the index is known).
 */
export function declaredTableRequests(name: string): DeclaredTableRequests | undefined {
  const file = path.join(DYNAMODB_SOURCE_DIR, name);
  const source = fs.readFileSync(file, 'utf8');
  if (!DECLARATION.test(source)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const declared = (require(file) as { TABLE_REQUESTS?: DeclaredTableRequests }).TABLE_REQUESTS;
  if (declared === undefined) throw new Error(`${name} declares TABLE_REQUESTS but does not export it`);
  const declaredCommands = [...new Set(Object.values(declared).flatMap((commands) => [...(commands ?? [])]))].sort();
  const sent = commandsIn(source);
  if (JSON.stringify(declaredCommands) !== JSON.stringify(sent)) {
    throw new Error(`${name} sends ${sent.join(', ') || 'nothing'} but its TABLE_REQUESTS names ${declaredCommands.join(', ') || 'nothing'}`);
  }
  if (callArguments(source, 'QueryCommand').some((input) => /\bIndexName\s*:/.test(input))) {
    throw new Error(`${name} queries an index: only a table's own adapter (dynamo-<suffix>.ts) may`);
  }
  return declared;
}

function actionOf(file: string, command: string): string {
  const action = ACTION_OF_COMMAND[command];
  if (action === undefined) throw new Error(`${path.basename(file)} sends ${command}: give its IAM action and tables here and in serverless.yml`);
  return action;
}

export interface TableRequests {
  /** IAM actions on the table itself. */
  readonly table: string[];
  /** Whether the adapter queries the table's indexes (a Query naming an IndexName). */
  readonly queriesIndexes: boolean;
}

/**
 * The IAM actions one table's adapter needs, together with those the files that span tables
 * declare for it. A Query whose literal input names an IndexName reads an index; any other Query
 * reads the table. Throws on a command this mapping does not know (a transaction, which spans tables).
 */
export function requestsForTable(suffix: StateTableSuffix): TableRequests {
  const file = adapterFileOf(suffix);
  if (!fs.existsSync(file)) throw new Error(`no adapter file for the ${suffix} table: expected ${path.relative(process.cwd(), file)}`);
  const source = fs.readFileSync(file, 'utf8');
  const commands = commandsIn(source);
  const unknown = commands.filter((command) => !(command in ACTION_OF_COMMAND));
  if (unknown.length > 0) throw new Error(`${path.basename(file)} sends ${unknown.join(', ')}: give its IAM action and tables here and in serverless.yml`);
  const queries = callArguments(source, 'QueryCommand');
  const onIndex = (input: string) => /\bIndexName\s*:/.test(input);
  const table = commands
    .filter((command) => ACTION_OF_COMMAND[command] !== 'dynamodb:Query')
    .map((command) => ACTION_OF_COMMAND[command]!)
    .concat(queries.some((input) => !onIndex(input)) ? ['dynamodb:Query'] : []);
  const declared = spanningFiles().flatMap((name) => (declaredTableRequests(name)![suffix] ?? []).map((command) => actionOf(name, command)));
  return { table: [...new Set([...table, ...declared])].sort(), queriesIndexes: queries.some(onIndex) };
}

/** Files in lambda/commerce/dynamodb/ that declare the tables they send requests to. */
function spanningFiles(): string[] {
  return fs
    .readdirSync(DYNAMODB_SOURCE_DIR)
    .filter((name) => name.endsWith('.ts') && DECLARATION.test(fs.readFileSync(path.join(DYNAMODB_SOURCE_DIR, name), 'utf8')))
    .sort();
}

/**
 * Source files in lambda/commerce/dynamodb/ that send any request, by file name, except those that
 * declare their tables in TABLE_REQUESTS (their requests are counted on those tables by
 * requestsForTable; a declaration that does not match the source throws here).
 */
export function filesSendingRequests(): string[] {
  return fs
    .readdirSync(DYNAMODB_SOURCE_DIR)
    .filter((name) => name.endsWith('.ts'))
    .filter((name) => declaredTableRequests(name) === undefined)
    .filter((name) => commandsIn(fs.readFileSync(path.join(DYNAMODB_SOURCE_DIR, name), 'utf8')).length > 0)
    .sort();
}
