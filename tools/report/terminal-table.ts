import type { Money } from '../../lambda/commerce/ports';
import type { ContainmentReport, FlowStats } from './containment';

/** How the report reads in a terminal: plain text, columns padded, numbers right-aligned. */

export const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

export function duration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

const count = (value: number | null): string => (value === null ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(1));

export function money(amounts: readonly Money[]): string {
  if (amounts.length === 0) return '–';
  return amounts.map((amount) => `${(amount.minor / 100).toFixed(2)} ${amount.currency}`).join(', ');
}

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return ['  ' + line(header), ...rows.map((row) => '  ' + line(row))].join('\n');
}

const flowRow = (stats: FlowStats): string[] => [
  stats.flow,
  String(stats.conversations),
  percent(stats.containmentRate),
  percent(stats.escalationRate),
  percent(stats.abandonmentRate),
  percent(stats.fallbackRate),
  count(stats.medianTurns),
  duration(stats.medianTimeToResolutionMs),
];

export function renderReportText(report: ContainmentReport, window: { since: Date; until?: Date }): string {
  const title = `Shopvoice containment report · ${window.since.toISOString()} → ${window.until ? window.until.toISOString() : 'now'}`;
  const summary = `${report.events} turns in ${report.totals.conversations} conversations`;
  if (report.totals.conversations === 0) return [title, `${summary}: nothing to report in this window.`, ''].join('\n');
  const sections = [
    title,
    summary,
    '',
    'Conversations by flow (contained: goal reached, no handoff · escalated: handed off · fallback: at least one turn not understood)',
    table(
      ['flow', 'conversations', 'contained', 'escalated', 'abandoned', 'fallback', 'median turns', 'median time to goal'],
      [...report.flows.map(flowRow), flowRow(report.totals)],
    ),
    '',
    'Voice-attributed conversion (discovery and reorder conversations that placed an order)',
    table(
      ['flow', 'conversations', 'converted', 'rate', 'orders', 'order value'],
      report.conversion.map((row) => [row.flow, String(row.conversations), String(row.converted), percent(row.rate), String(row.orders), money(row.orderValue)]),
    ),
    '',
    'Top fallback utterances',
    report.topFallbackUtterances.length === 0
      ? '  (none recorded: the platform gave no text, or utterances are not kept)'
      : table(['utterance', 'turns'], report.topFallbackUtterances.map((row) => [row.utterance, String(row.count)])),
    '',
    'Slowest intents (turn latency)',
    table(['intent', 'turns', 'p50', 'p95'], report.slowestIntents.map((row) => [row.intent, String(row.turns), duration(row.p50Ms), duration(row.p95Ms)])),
    '',
  ];
  return sections.join('\n');
}
