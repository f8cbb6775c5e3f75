import fs from 'node:fs';
import path from 'node:path';
import type { StateTableSuffix } from '../../lambda/commerce/dynamodb/tables';

/**
 * Which DynamoDB requests the state adapter sends to each table, read from its source: every
 * `new XCommand(` in lambda/commerce/dynamodb/dynamo-<suffix>.ts, as the IAM action it needs.
 */

export const DYNAMODB_SOURCE_DIR = path.resolve(__dirname, '../../lambda/commerce/dynamodb');

/** Creates the tables for local development and tests; on AWS, serverless.yml does. */
export const LOCAL_ONLY_FILES = ['create-tables.ts'];

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

export interface TableRequests {
  /** IAM actions on the table itself. */
  readonly table: string[];
  /** Whether the adapter queries the table's indexes (a Query naming an IndexName). */
  readonly queriesIndexes: boolean;
}

/**
 * The IAM actions one table's adapter needs. A Query whose literal input names an IndexName reads
 * an index; any other Query reads the table. Throws on a command this mapping does not know (a
 * transaction, which spans tables).
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
  return { table: [...new Set(table)].sort(), queriesIndexes: queries.some(onIndex) };
}

/** Source files in lambda/commerce/dynamodb/ that send any request, by file name. */
export function filesSendingRequests(): string[] {
  return fs
    .readdirSync(DYNAMODB_SOURCE_DIR)
    .filter((name) => name.endsWith('.ts'))
    .filter((name) => commandsIn(fs.readFileSync(path.join(DYNAMODB_SOURCE_DIR, name), 'utf8')).length > 0)
    .sort();
}
