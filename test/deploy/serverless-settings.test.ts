import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { STATE_TABLES } from '../../lambda/commerce/dynamodb/tables';

/**
 * What a new store developer reads before the first deploy must agree with serverless.yml: the
 * README's parameter table names every parameter the template uses, and giving exactly the ones it
 * calls required is enough for the Serverless Framework to resolve the configuration.
 */

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface ServerlessFile {
  readonly params: { readonly default: Record<string, unknown> };
  readonly provider: { readonly runtime: string };
  readonly custom: { readonly esbuild: { readonly target: string } };
}

// CloudFormation's short tags (!GetAtt, !Join, !Ref) are not the point here: read past them.
const serverless = YAML.parse(read('serverless.yml'), { logLevel: 'error' }) as ServerlessFile;
const templateParameters = [...new Set([...read('serverless.yml').matchAll(/\$\{param:(\w+)\}/g)].map((match) => match[1]!))].sort();
const withDefault = new Set(Object.keys(serverless.params.default));

interface ReadmeParameter {
  readonly name: string;
  readonly required: boolean;
}

/** The rows of the table under "Before the first deploy": every `name` in the first column, required or optional per the last. */
function readmeParameters(): ReadmeParameter[] {
  const readme = read('README.md');
  const start = readme.indexOf('| parameter | sets |');
  expect(start).toBeGreaterThan(0);
  const table = readme.slice(start).split('\n\n')[0]!.split('\n').slice(2);
  return table.flatMap((row) => {
    const cells = row.split('|').map((cell) => cell.trim());
    const last = cells.at(-2)!;
    expect({ row, last }).toEqual({ row, last: expect.stringMatching(/^(required|optional)$/) });
    return [...cells[1]!.matchAll(/`(\w+)`/g)].map((match) => ({ name: match[1]!, required: last === 'required' }));
  });
}

describe("the README's deploy parameters", () => {
  it('name every parameter serverless.yml uses, and only those', () => {
    expect(templateParameters.length).toBeGreaterThan(15);
    expect(readmeParameters().map((parameter) => parameter.name).sort()).toEqual(templateParameters);
  });

  it('call required exactly the parameters serverless.yml has no default for', () => {
    const required = readmeParameters().filter((parameter) => parameter.required).map((parameter) => parameter.name).sort();
    expect(required).toEqual(templateParameters.filter((name) => !withDefault.has(name)));
  });

  it('are enough: with the required ones given, serverless resolves the configuration of a new stage', async () => {
    const given = readmeParameters()
      .filter((parameter) => parameter.required)
      // Placeholders of 40 characters or more that fit every pattern serverless checks (the skill id's included).
      .map((parameter) => `--param=${parameter.name}=placeholder-${parameter.name}-0123456789abcdef0123456789`);
    const run = promisify(execFile);
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/serverless'), ['print', '--stage', 'readme', ...given], {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
      timeout: 120_000,
    });
    expect(stdout).toContain('SHOPPER_HASH_SECRET: placeholder-shopperHashSecret-');
    expect(stdout).not.toMatch(/Value not found/);
  }, 120_000);
});

describe('serverless.yml', () => {
  it('bundles for the Node.js the functions run on', () => {
    const major = /^nodejs(\d+)\.x$/.exec(serverless.provider.runtime)?.[1];
    expect(major).toBeDefined();
    expect(serverless.custom.esbuild.target).toBe(`node${major}`);
  });
});

describe('.env.example', () => {
  it('names every DynamoDB table the state keeps', () => {
    const prefixSetting = read('.env.example').split('\n\n').find((block) => block.includes('DYNAMODB_TABLE_PREFIX='));
    expect(prefixSetting).toBeDefined();
    for (const table of STATE_TABLES) expect(prefixSetting).toContain(`<prefix>-${table.suffix}`);
  });
});
