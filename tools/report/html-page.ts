import fs from 'node:fs';
import path from 'node:path';
import type { ContainmentReport, FlowStats } from './containment';
import { duration, money, percent } from './terminal-table';

/**
 * The report as one self-contained HTML file: Chart.js's UMD build and the figures are inlined, so
 * the page opens offline, from disk or as a mail attachment, with nothing fetched.
 */

let chartJsSource: string | undefined;

/** Chart.js's browser build, read once from the installed package. */
export function chartJsBundle(): string {
  if (chartJsSource === undefined) {
    const dist = path.dirname(require.resolve('chart.js'));
    chartJsSource = fs.readFileSync(path.join(dist, 'chart.umd.min.js'), 'utf8');
  }
  return chartJsSource;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** JSON that can sit inside a <script> element: nothing in it can close the element or start a comment. */
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A script's source inside <script>: a literal "</script" would end the element early. */
const scriptSafeSource = (source: string): string => source.replace(/<\/(script)/gi, '<\\/$1');

function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], id: string): string {
  const head = header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`);
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

const flowCells = (stats: FlowStats) => [
  stats.flow,
  String(stats.conversations),
  percent(stats.containmentRate),
  percent(stats.escalationRate),
  percent(stats.abandonmentRate),
  percent(stats.fallbackRate),
  stats.medianTurns === null ? '–' : String(stats.medianTurns),
  duration(stats.medianTimeToResolutionMs),
];

/** What the page's script draws; only figures and labels, no event is carried into the page. */
function chartData(report: ContainmentReport) {
  return {
    flows: report.flows.map((flow) => ({
      flow: flow.flow,
      contained: flow.contained,
      escalated: flow.escalated,
      abandoned: flow.abandoned,
      fallbackRate: flow.fallbackRate === null ? 0 : Math.round(flow.fallbackRate * 1000) / 10,
    })),
    intents: report.slowestIntents,
    utterances: report.topFallbackUtterances,
  };
}

/** Draws the charts once Chart.js has loaded; marks the body ready for whoever waits on it. */
const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var colors = { contained: '#2e7d32', escalated: '#ef6c00', abandoned: '#9e9e9e', fallback: '#c62828', p50: '#1565c0', p95: '#6a1b9a' };
  var common = { animation: false, responsive: true, maintainAspectRatio: false };
  var charts = [];
  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) charts.push(new Chart(canvas, config));
  }
  var flowNames = data.flows.map(function (row) { return row.flow; });
  draw('containment-chart', {
    type: 'bar',
    data: { labels: flowNames, datasets: ['contained', 'escalated', 'abandoned'].map(function (key) {
      return { label: key, backgroundColor: colors[key], data: data.flows.map(function (row) { return row[key]; }) };
    }) },
    options: Object.assign({}, common, { indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: 'conversations' } }, y: { stacked: true } } }),
  });
  draw('fallback-chart', {
    type: 'bar',
    data: { labels: flowNames, datasets: [{ label: 'conversations with a fallback (%)', backgroundColor: colors.fallback, data: data.flows.map(function (row) { return row.fallbackRate; }) }] },
    options: Object.assign({}, common, { scales: { y: { beginAtZero: true, max: 100 } } }),
  });
  draw('latency-chart', {
    type: 'bar',
    data: { labels: data.intents.map(function (row) { return row.intent; }), datasets: [
      { label: 'p50 (ms)', backgroundColor: colors.p50, data: data.intents.map(function (row) { return row.p50Ms; }) },
      { label: 'p95 (ms)', backgroundColor: colors.p95, data: data.intents.map(function (row) { return row.p95Ms; }) },
    ] },
    options: Object.assign({}, common, { indexAxis: 'y' }),
  });
  draw('utterances-chart', {
    type: 'bar',
    data: { labels: data.utterances.map(function (row) { return row.utterance; }), datasets: [{ label: 'turns not understood', backgroundColor: colors.fallback, data: data.utterances.map(function (row) { return row.count; }) }] },
    options: Object.assign({}, common, { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }),
  });
  window.reportCharts = charts;
  document.body.setAttribute('data-ready', 'true');
})();
`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.window { color: #555; margin-top: 0; }
.chart { position: relative; height: 320px; }
table { border-collapse: collapse; margin-top: 0.75rem; }
th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #ddd; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; }
tr:last-child th, tr:last-child td { border-bottom: none; }
.note { color: #555; font-size: 0.9rem; }
`;

export function renderReportHtml(report: ContainmentReport, window: { since: Date; until?: Date }, generatedAt: Date): string {
  const until = window.until ? window.until.toISOString() : generatedAt.toISOString();
  const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
  const chart = (id: string, label: string, height?: number) =>
    `<div class="chart"${height ? ` style="height:${height}px"` : ''}><canvas id="${id}" role="img" aria-label="${escapeHtml(label)}"></canvas></div>`;
  const perRow = (rows: number) => Math.max(200, 60 + rows * 36);
  const empty = report.totals.conversations === 0;
  const body = empty
    ? `<p id="empty">No turn was recorded in this window.</p>`
    : [
        section(
          'Containment by flow',
          chart('containment-chart', 'Conversations per flow: contained, escalated, abandoned', perRow(report.flows.length)) +
            htmlTable(
              ['flow', 'conversations', 'contained', 'escalated', 'abandoned', 'fallback', 'median turns', 'median time to goal'],
              [...report.flows.map(flowCells), flowCells(report.totals)],
              'flows-table',
            ) +
            `<p class="note">Contained: a goal reached with no handoff. Escalated: a handoff was filed. Abandoned: neither. Fallback: conversations with at least one turn not understood.</p>`,
        ),
        section('Fallback rate by flow', chart('fallback-chart', 'Share of conversations with a fallback, per flow')),
        section(
          'Voice-attributed conversion',
          htmlTable(
            ['flow', 'conversations', 'converted', 'rate', 'orders', 'order value'],
            report.conversion.map((row) => [row.flow, String(row.conversations), String(row.converted), percent(row.rate), String(row.orders), money(row.orderValue)]),
            'conversion-table',
          ),
        ),
        section(
          'Top fallback utterances',
          report.topFallbackUtterances.length === 0
            ? '<p class="note">None recorded: the platform gave no text, or utterances are not kept.</p>'
            : chart('utterances-chart', 'What shoppers said that was not understood', perRow(report.topFallbackUtterances.length)),
        ),
        section(
          'Slowest intents',
          chart('latency-chart', 'Turn latency per intent, p50 and p95', perRow(report.slowestIntents.length)) +
            htmlTable(
              ['intent', 'turns', 'p50', 'p95'],
              report.slowestIntents.map((row) => [row.intent, String(row.turns), duration(row.p50Ms), duration(row.p95Ms)]),
              'intents-table',
            ),
        ),
      ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shopvoice containment report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Shopvoice containment report</h1>
<p class="window">${escapeHtml(window.since.toISOString())} → ${escapeHtml(until)} · ${report.events} turns in ${report.totals.conversations} conversations</p>
${body}
<script type="application/json" id="report-data">${scriptSafeJson(chartData(report))}</script>
<script>${scriptSafeSource(chartJsBundle())}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
