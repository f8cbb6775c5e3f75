import { phoneFirstTokenLines } from './phone-first-token';
import { PLATFORM_BUNDLES } from './bundle';
import { listenTimeLines } from './listen-times';
import { roundTripLines } from './round-trips';
import type { BenchResults, Bundle, ColdStartResult, DiscoverySearchResult, HttpLoad, LoadRunResult, MemoryRun, PartialOutageResult, WarmTurnResult } from './results';
import type { Summary } from './stats';
import { renderTable, type TableLine } from './table';
import { understandingLines } from './understanding-speed';

const PLATFORM_NAMES = { alexa: 'Alexa', google: 'Google' } as const;

/** Three significant digits (0.00412, 2.81, 21.2), whole numbers from 100 up. */
function number(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

const ms = (summary: Summary) => `${number(summary.median)} / ${number(summary.p99)} ms`;
const times = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
const megabytes = (value: number) => `${number(value)} MB`;
const latency = (load: HttpLoad) => `${number(load.latencyMs.median)} / ${number(load.latencyMs.p99)} ms`;
const growth = (run: MemoryRun) =>
  `${run.growth.heapAfterGcMbPer1kTurns >= 0 ? '+' : ''}${run.growth.heapAfterGcMbPer1kTurns.toFixed(3)} MB (${run.growth.keepsGrowing ? 'GROWING' : 'flat'})`;

const ratioOf = ({ shopvoice, floor }: { readonly shopvoice: number; readonly floor: number }) => (floor > 0 ? shopvoice / floor : null);
const section = (title: string): TableLine => ({ kind: 'section', title });
const row = (...cells: string[]): TableLine => ({ kind: 'row', cells });

export function bundleLines(bundles: readonly Bundle[]): TableLine[] {
  const byName = new Map(bundles.map((bundle) => [bundle.name, bundle]));
  return Object.values(PLATFORM_BUNDLES).flatMap((pair) => {
    const shopvoice = byName.get(pair.shopvoice);
    const floor = byName.get(pair.floor);
    if (!shopvoice || !floor) return [];
    return [
      row(`${pair.label} bundle`, kilobytes(shopvoice.bytes), kilobytes(floor.bytes), times(shopvoice.bytes / floor.bytes)),
      row(`${pair.label} bundle, gzipped`, kilobytes(shopvoice.gzipBytes), kilobytes(floor.gzipBytes), times(shopvoice.gzipBytes / floor.gzipBytes)),
    ];
  });
}

export function coldStartLines(coldStart: readonly ColdStartResult[], runs: number): TableLine[] {
  return [
    section(`Cold start over the store API and DynamoDB on loopback: spawn of a fresh node → answer on stdout (${runs} run${runs === 1 ? '' : 's'} each)`),
    ...coldStart.map((result) => row(result.label, ms(result.shopvoice.spawnToAnswerMs), ms(result.floor.spawnToAnswerMs), times(result.ratio.spawnToAnswer))),
    section('Cold start: require() of the bundle + first answer, inside that process'),
    ...coldStart.map((result) => row(result.label, ms(result.shopvoice.loadAndAnswerMs), ms(result.floor.loadAndAnswerMs), times(result.ratio.loadAndAnswer))),
  ];
}

export function warmTurnLines(warmTurns: readonly WarmTurnResult[]): TableLine[] {
  const measured = warmTurns.find((turn) => turn.status === 'measured');
  return [
    section(`Warm turn, in process through the platform adapter${measured ? ` (${measured.shopvoiceMs.n.toLocaleString('en-US')} turns each)` : ''}`),
    ...warmTurns.map((turn) => {
      const label = `${turn.label} · ${PLATFORM_NAMES[turn.platform]}`;
      return turn.status === 'measured'
        ? [
            row(label, ms(turn.shopvoiceMs), ms(turn.floorMs), times(turn.ratio)),
            row(`${label}, CPU per turn`, `${number(turn.cpuPerTurnMs.shopvoice)} ms`, `${number(turn.cpuPerTurnMs.floor)} ms`, times(ratioOf(turn.cpuPerTurnMs))),
          ]
        : [{ kind: 'remark' as const, label, text: `${turn.status}: ${turn.reason}` }];
    }).flat(),
  ];
}

/** From this size up, each spoken query gets its own row: where one query alone misses a goal, it shows. */
const QUERIES_SHOWN_FROM = 100_000;

export function discoveryLines(search: DiscoverySearchResult): TableLine[] {
  if (search.status === 'not built') {
    const sizes = search.catalogSizes.map((size) => size.toLocaleString('en-US')).join(', ');
    return [section(`Discovery search (${sizes} products)`), { kind: 'remark', label: 'index build and query', text: `not built: ${search.reason}` }];
  }
  return [
    section(`Discovery search, generated catalogs (count and first page of ${search.queries.length} spoken queries; floor: plain SQLite table)`),
    ...search.catalogs.flatMap((catalog) => {
      const products = `${catalog.products.toLocaleString('en-US')} products`;
      return [
        row(`${products}: index build`, ms(catalog.buildMs.shopvoice), ms(catalog.buildMs.floor), times(catalog.buildMs.ratio)),
        row(`${products}: query`, ms(catalog.queryMs.shopvoice), ms(catalog.queryMs.floor), times(catalog.queryMs.ratio)),
        row(`${products}: query p95`, `${number(catalog.queryP95Ms)} ms`, '', ''),
        ...(catalog.products < QUERIES_SHOWN_FROM
          ? []
          : catalog.byQuery.map((entry) => row(`  "${entry.query}" (${entry.matches} found), median / p95`, `${number(entry.medianMs)} / ${number(entry.p95Ms)} ms`, '', ''))),
      ];
    }),
  ];
}

function httpLines(results: BenchResults): TableLine[] {
  const first = results.http[0]?.shopvoice;
  const load = first ? `, ${first.connections} connections × ${number(first.durationSeconds)} s` : '';
  return [
    section(`HTTP on 127.0.0.1 (autocannon${load}; floor: bare express, fixed JSON body)`),
    ...results.http.flatMap((result) => [
      row(
        `${result.endpoint} ${result.turn}: req/s`,
        number(result.shopvoice.requestsPerSecond.mean),
        number(result.floor.requestsPerSecond.mean),
        times(result.ratio.requestsPerSecond),
      ),
      row(`${result.endpoint} ${result.turn}: latency`, latency(result.shopvoice), latency(result.floor), times(result.ratio.latencyP99)),
    ]),
  ];
}

function memoryLines(results: BenchResults): TableLine[] {
  const { memory } = results;
  return [
    section(`Memory: server after ${memory.turns.toLocaleString('en-US')} turns (floor: floor skill + conversation app behind express)`),
    row('peak RSS', megabytes(memory.shopvoice.peakRssMb), megabytes(memory.floor.peakRssMb), times(memory.ratio.peakRss)),
    row('heap after full GC, growth per 1k turns', growth(memory.shopvoice), growth(memory.floor), ''),
  ];
}

const count = (value: number) => value.toLocaleString('en-US');

/** Shopvoice alone under load: no floor, so the figures stand in the Shopvoice column. */
function loadLines(load: LoadRunResult): TableLine[] {
  const { errors, memory } = load;
  const shoppers = new Set(load.mix.map((entry) => entry.shopperId)).size;
  const flows = [...new Set(load.mix.map((entry) => entry.flow.replace('-', ' ')))].join(' + ');
  const byFlow = (flow: string) => count(load.mix.filter((entry) => entry.flow === flow).reduce((sum, entry) => sum + entry.answered, 0));
  const lines: TableLine[] = [
    section(
      `Load on 127.0.0.1: a fresh server, ${load.connections} connections × ${number(load.durationSeconds)} s, ` +
        `${load.mix.length} bodies (${flows}, ${shoppers} shoppers, Alexa + Google), load average ${load.loadAverageAtStart} (no floor)`,
    ),
    row('answered (order status + discovery)', `${count(load.requests.answered)} (${byFlow('order-status')} + ${byFlow('discovery')})`, '', ''),
    row(
      'errors: non-2xx · socket · timeout · apology · other',
      [errors.non2xx, errors.socketErrors, errors.timeouts, errors.apologies, errors.linkAccount + errors.unexpected].map(count).join(' · '),
      '',
      '',
    ),
    row('throughput', `${number(load.requestsPerSecond.mean)} req/s`, '', ''),
    row('latency median / p99 / max', `${number(load.latencyMs.median)} / ${number(load.latencyMs.p99)} / ${number(load.latencyMs.max)} ms`, '', ''),
    row('server RSS after full GC, before → after', `${number(memory.before.rssMb)} → ${megabytes(memory.after.rssMb)}`, '', ''),
    row('server heap after full GC, before → after', `${number(memory.before.heapAfterGcMb)} → ${megabytes(memory.after.heapAfterGcMb)}`, '', ''),
    row('server peak RSS', megabytes(memory.peakRssMb), '', ''),
  ];
  if (load.endedBy === 'request limit') {
    lines.push({ kind: 'remark', label: 'note', text: `stopped at the ceiling of ${count(load.maxRequests)} requests, before ${load.plannedSeconds} s` });
  }
  if (errors.total > 0) {
    lines.push({ kind: 'remark', label: 'LOAD RUN FAILED', text: `${count(errors.total)} errors; first: ${errors.examples[0] ?? 'socket errors or timeouts'}` });
  }
  return lines;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Shopvoice over a store API that leaves a share of its calls unanswered: how much still gets answered. */
function partialOutageLines(outage: PartialOutageResult): TableLine[] {
  const { errors, requests } = outage;
  const lines: TableLine[] = [
    section(
      `Partial outage on 127.0.0.1: ${Math.round(outage.hangShare * 100)}% of store API calls hang, ${outage.connections} connections × ${number(outage.durationSeconds)} s, ` +
        `same mix over STORE_ADAPTER=http, turn budget ${count(outage.turnBudgetMs)} ms, load average ${outage.loadAverageAtStart} (no floor)`,
    ),
    row('real answers / all answers', `${percent(outage.answeredShare)} (${count(requests.answered)} of ${count(requests.completed)})`, '', ''),
    row('apologies (store unreachable in time)', count(requests.apologies), '', ''),
    row('errors: non-2xx · socket · timeout · wrong answer', [errors.non2xx, errors.socketErrors, errors.timeouts, errors.wrongAnswers].map(count).join(' · '), '', ''),
    row('latency median / p99 / max', `${number(outage.latencyMs.median)} / ${number(outage.latencyMs.p99)} / ${number(outage.latencyMs.max)} ms`, '', ''),
    row('store requests: received · hung', `${count(outage.storeRequests.received)} · ${count(outage.storeRequests.hung)}`, '', ''),
  ];
  if (outage.endedBy === 'request limit') {
    lines.push({ kind: 'remark', label: 'note', text: `stopped at the ceiling of ${count(outage.maxRequests)} requests, before ${outage.plannedSeconds} s` });
  }
  if (errors.total > 0) {
    lines.push({ kind: 'remark', label: 'PARTIAL-OUTAGE RUN FAILED', text: `${count(errors.total)} errors; first: ${errors.examples[0] ?? 'socket errors or timeouts'}` });
  }
  return lines;
}

/** The table `npm run bench` prints. */
export function renderReport(results: BenchResults): string {
  const { machine } = results;
  const runs = results.coldStart[0]?.shopvoice.spawnToAnswerMs.n ?? 0;
  const title =
    `Shopvoice bench (${results.mode}) · ${machine.cpus} cores, ${machine.cpuModel}, load average ${machine.loadAverageAtStart} at start · ` +
    `Node ${machine.node} · ${results.startedAt} · took ${results.durationSeconds.toFixed(0)} s`;
  const lines: TableLine[] = [
    section('Lambda bundles (esbuild, minified, self-contained)'),
    ...bundleLines(results.bundles),
    ...coldStartLines(results.coldStart, runs),
    ...warmTurnLines(results.warmTurns),
    ...roundTripLines(results.roundTrips),
    ...discoveryLines(results.discoverySearch),
    ...httpLines(results),
    ...memoryLines(results),
    ...loadLines(results.load),
    ...partialOutageLines(results.partialOutage),
    ...listenTimeLines(results.listenTimes),
    ...understandingLines(results.understanding),
    ...(results.phone ? phoneFirstTokenLines(results.phone) : []),
  ];
  const table = renderTable(['', 'Shopvoice', 'floor', 'ratio'], lines);
  return `${title}\nfigures are median / p99; ratio = Shopvoice ÷ floor (medians; p99 for HTTP latency)\n\n${table}\n`;
}
