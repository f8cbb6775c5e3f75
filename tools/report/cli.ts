import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openAdapters } from '../../lambda/commerce/open-adapters';
import type { TurnEvents } from '../../lambda/commerce/ports';
import { ConfigError, loadConfig } from '../../lambda/config';
import { computeContainmentReport } from './containment';
import { renderReportHtml } from './html-page';
import { parseWindow } from './report-window';
import { renderReportText } from './terminal-table';

/**
 * `npm run report -- --since 7d [--until 1d] [--html report.html] [--json]`: the containment report
 * over the turn events the configured skill state keeps (SQLite or DynamoDB, as `npm start` uses).
 */

const USAGE = `usage: npm run report -- [--since 7d] [--until <when>] [--html report.html] [--json]

  --since   start of the window: a duration back from now (30m, 24h, 7d, 2w) or an ISO date; 7d by default
  --until   end of the window, the same way; now by default
  --html    also write the report as one self-contained HTML page with charts
  --json    print the computed report as JSON instead of the table
`;

export interface OpenedTurnEvents {
  readonly turnEvents: TurnEvents;
  close(): void;
}

export interface ReportCliOptions {
  readonly now?: () => Date;
  /** The environment the configuration is read from; process.env by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the events come from; the configured skill state by default. */
  readonly openTurnEvents?: () => OpenedTurnEvents;
  readonly out?: (text: string) => void;
  readonly err?: (text: string) => void;
}

/** The skill state's turn events, when the state adapter keeps them. */
function turnEventsOf(state: object): TurnEvents | undefined {
  const candidate = (state as { turnEvents?: TurnEvents }).turnEvents;
  return candidate && typeof candidate.list === 'function' ? candidate : undefined;
}

function openConfiguredTurnEvents(env: Readonly<Record<string, string | undefined>>, now: Date): OpenedTurnEvents {
  const config = loadConfig(env);
  // The report's "now" also decides which events have expired, so the window and expiry agree.
  const adapters = openAdapters(config, undefined, () => now);
  const turnEvents = turnEventsOf(adapters.state);
  if (!turnEvents) {
    adapters.close();
    throw new Error(`the ${config.state.adapter} skill state does not keep turn events`);
  }
  return { turnEvents, close: () => adapters.close() };
}

/** Runs the report; resolves to the process exit code. */
export async function runReportCli(argv: readonly string[], options: ReportCliOptions = {}): Promise<number> {
  const out = options.out ?? ((text: string) => process.stdout.write(text));
  const err = options.err ?? ((text: string) => process.stderr.write(text));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        html: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  const now = (options.now ?? (() => new Date()))();
  let window;
  try {
    window = parseWindow(parsed.since, parsed.until, now);
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  let opened: OpenedTurnEvents;
  try {
    opened = (options.openTurnEvents ?? (() => openConfiguredTurnEvents(options.env ?? process.env, now)))();
  } catch (error) {
    err(error instanceof ConfigError ? `${error.message}\nSee .env.example for every setting.\n` : `report: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const events = await opened.turnEvents.list(window);
    const report = computeContainmentReport(events);
    out(parsed.json ? `${JSON.stringify({ window, ...report }, null, 2)}\n` : renderReportText(report, window));
    if (parsed.html) {
      const file = path.resolve(parsed.html);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, renderReportHtml(report, window, now));
      err(`report: wrote ${file}\n`);
    }
    return 0;
  } catch (error) {
    err(`report: ${(error as Error).message}\n`);
    return 1;
  } finally {
    opened.close();
  }
}

if (require.main === module) {
  runReportCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
