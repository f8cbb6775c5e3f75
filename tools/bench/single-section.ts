import { measureDiscoverySearch } from './discovery-search';
import { discoveryLines } from './report';
import { measureRoundTrips, roundTripLines } from './round-trips';
import type { BenchSettings } from './settings';
import { renderTable, type TableLine } from './table';
import { createWorkspace, type Workspace } from './workspace';

/**
 * The measurements `npm run bench -- --only <section>` runs on their own, to check one part
 * without waiting for the whole bench: the section's table is printed, and its figures written
 * only where `--out` says (bench/results.json holds whole runs only).
 */

interface SectionOptions {
  readonly settings: BenchSettings;
  readonly workspace: Workspace;
  readonly log: (line: string) => void;
}

type SectionRun = (options: SectionOptions) => Promise<{ readonly result: unknown; readonly lines: readonly TableLine[] }>;

const SECTIONS: Readonly<Record<string, SectionRun>> = {
  'round-trips': async ({ settings, workspace, log }) => {
    const result = await measureRoundTrips(settings.roundTrips, workspace, log);
    return { result, lines: roundTripLines(result) };
  },
  search: async ({ settings, workspace, log }) => {
    const result = await measureDiscoverySearch(settings.catalogs, workspace, log);
    return { result, lines: discoveryLines(result) };
  },
};

export const SECTION_NAMES = Object.keys(SECTIONS);

export async function runSection(name: string, settings: BenchSettings, log: (line: string) => void): Promise<{ readonly result: unknown; readonly table: string }> {
  const run = SECTIONS[name];
  if (!run) throw new Error(`bench: no section ${name}`);
  const workspace = createWorkspace();
  try {
    const { result, lines } = await run({ settings, workspace, log });
    return { result, table: renderTable(['', 'Shopvoice', 'floor', 'ratio'], lines) };
  } finally {
    workspace.remove();
  }
}
