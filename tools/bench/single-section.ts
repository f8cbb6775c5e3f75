import { measureDiscoverySearch } from './discovery-search';
import { phoneSection } from './phone-first-token';
import { discoveryLines } from './report';
import path from 'node:path';
import { buildBundles } from './bundle';
import { measureColdStarts } from './cold-start';
import { bundleLines, coldStartLines, warmTurnLines } from './report';
import { measureRoundTrips, roundTripLines } from './round-trips';
import type { BenchSettings } from './settings';
import { renderTable, type TableLine } from './table';
import { measureWarmTurns } from './warm-turns';
import { createWorkspace, type Workspace } from './workspace';

/**
 * The measurements `npm run bench -- --only <section>` runs on their own, to check one part
 * without waiting for the whole bench: the section's table is printed, and its figures written
 * only where `--out` says (bench/results.json holds whole runs only).
 */

interface SectionOptions {
  readonly settings: BenchSettings;
  readonly repoRoot: string;
  readonly workspace: Workspace;
  readonly log: (line: string) => void;
}

type SectionRun = (options: SectionOptions) => Promise<{ readonly result: unknown; readonly lines: readonly TableLine[] }>;

const SECTIONS: Readonly<Record<string, SectionRun>> = {
  'cold-start': async ({ settings, repoRoot, workspace, log }) => {
    log('bundling the Lambda entry points and the floors');
    const bundles = await buildBundles(repoRoot, path.join(workspace.root, 'bundles'));
    const coldStart = await measureColdStarts(bundles, workspace, repoRoot, settings.coldStartRuns, log);
    return {
      result: { bundles: bundles.sizes, coldStart },
      lines: [
        { kind: 'section', title: 'Lambda bundles (esbuild, minified, self-contained)' },
        ...bundleLines(bundles.sizes),
        ...coldStartLines(coldStart, settings.coldStartRuns),
      ],
    };
  },
  'warm-turns': async ({ settings, workspace, log }) => {
    const result = await measureWarmTurns(settings, workspace.freshDir('warm-data'), log);
    return { result, lines: warmTurnLines(result) };
  },
  'round-trips': async ({ settings, workspace, log }) => {
    const result = await measureRoundTrips(settings.roundTrips, workspace, log);
    return { result, lines: roundTripLines(result) };
  },
  phone: phoneSection,
  search: async ({ settings, workspace, log }) => {
    const result = await measureDiscoverySearch(settings.catalogs, workspace, log);
    return { result, lines: discoveryLines(result) };
  },
};

export const SECTION_NAMES = Object.keys(SECTIONS);

export async function runSection(
  name: string,
  settings: BenchSettings,
  repoRoot: string,
  log: (line: string) => void,
): Promise<{ readonly result: unknown; readonly table: string }> {
  const run = SECTIONS[name];
  if (!run) throw new Error(`bench: no section ${name}`);
  const workspace = createWorkspace();
  try {
    const { result, lines } = await run({ settings, repoRoot, workspace, log });
    return { result, table: renderTable(['', 'Shopvoice', 'floor', 'ratio'], lines) };
  } finally {
    workspace.remove();
  }
}
