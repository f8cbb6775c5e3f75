/**
 * The listen-time budget (issue 17) and how a set of replies measures up to it, per flow, per
 * locale and overall. Shared by the test run's summary and the bench.
 */

export const LISTEN_BUDGET = {
  /** No reply may take longer to say: a conversation test fails on one that does. */
  limitSeconds: 15,
  /** A listener decides within about eight seconds: the goal is that 95% of replies fit. */
  goalSeconds: 8,
  goalShare: 0.95,
  goalMedianWords: 20,
} as const;

/** One reply, as the distribution needs it. */
export interface ListenSample {
  /** The flow that answered ("order-status", "assistance"…). */
  readonly flow: string;
  readonly platform: string;
  readonly locale: string;
  readonly seconds: number;
  readonly words: number;
}

export interface ListenGroup {
  readonly replies: number;
  readonly medianSeconds: number;
  readonly p95Seconds: number;
  readonly maxSeconds: number;
  /** Share of replies at most LISTEN_BUDGET.goalSeconds long, 0–1. */
  readonly withinGoalShare: number;
  readonly medianWords: number;
  readonly overLimit: number;
}

export interface ListenDistribution {
  readonly overall: ListenGroup;
  /** Per flow, in order of the flow's name. */
  readonly flows: readonly (ListenGroup & { readonly flow: string })[];
  /** Per locale, in order of the locale: the budget holds in every language, or it does not hold. */
  readonly locales: readonly (ListenGroup & { readonly locale: string })[];
}

/** Nearest-rank percentile of sorted values (the p95 of 10 replies is the longest). */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function group(samples: readonly ListenSample[]): ListenGroup {
  const seconds = samples.map((sample) => sample.seconds).sort((a, b) => a - b);
  const words = samples.map((sample) => sample.words).sort((a, b) => a - b);
  return {
    replies: samples.length,
    medianSeconds: round(percentile(seconds, 0.5), 1),
    p95Seconds: round(percentile(seconds, 0.95), 1),
    maxSeconds: round(seconds.at(-1) ?? 0, 1),
    withinGoalShare: round(seconds.filter((value) => value <= LISTEN_BUDGET.goalSeconds).length / Math.max(1, seconds.length), 3),
    medianWords: percentile(words, 0.5),
    overLimit: seconds.filter((value) => value > LISTEN_BUDGET.limitSeconds).length,
  };
}

/** The samples by a key, in order of the key. */
function groupedBy(samples: readonly ListenSample[], key: (sample: ListenSample) => string): [string, ListenGroup][] {
  const byKey = new Map<string, ListenSample[]>();
  for (const sample of samples) {
    const name = key(sample);
    const list = byKey.get(name);
    if (list) list.push(sample);
    else byKey.set(name, [sample]);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, keySamples]) => [name, group(keySamples)]);
}

export function listenDistribution(samples: readonly ListenSample[]): ListenDistribution {
  return {
    overall: group(samples),
    flows: groupedBy(samples, (sample) => sample.flow).map(([flow, figures]) => ({ flow, ...figures })),
    locales: groupedBy(samples, (sample) => sample.locale).map(([locale, figures]) => ({ locale, ...figures })),
  };
}

/** Whether the figures meet the goal: 95% within 8 s, none over 15 s, median at most 20 words. */
export function meetsGoal(overall: ListenGroup): boolean {
  return overall.withinGoalShare >= LISTEN_BUDGET.goalShare && overall.overLimit === 0 && overall.medianWords <= LISTEN_BUDGET.goalMedianWords;
}

const HEADER = ['', 'replies', 'median', 'p95', 'max', `≤ ${LISTEN_BUDGET.goalSeconds} s`, 'median words', `> ${LISTEN_BUDGET.limitSeconds} s`];

function cells(label: string, figures: ListenGroup): string[] {
  return [
    label,
    String(figures.replies),
    `${figures.medianSeconds.toFixed(1)} s`,
    `${figures.p95Seconds.toFixed(1)} s`,
    `${figures.maxSeconds.toFixed(1)} s`,
    `${Math.round(figures.withinGoalShare * 100)}%`,
    String(figures.medianWords),
    String(figures.overLimit),
  ];
}

/** Rows of cells (a header first): per flow, then all replies. For a table of the caller's making. */
export function distributionRows(distribution: ListenDistribution): string[][] {
  return [HEADER, ...distribution.flows.map((flow) => cells(flow.flow, flow)), cells('all replies', distribution.overall)];
}

const goalVerdict = (figures: ListenGroup) => (meetsGoal(figures) ? 'met' : 'not met yet');

const LOCALE_HEADER = ['per locale', 'replies', 'median', `≤ ${LISTEN_BUDGET.goalSeconds} s`, 'median words', `> ${LISTEN_BUDGET.limitSeconds} s`, 'goal'];

/** Rows of cells (a header first): one per locale, with whether the goal is met there. */
export function localeRows(distribution: ListenDistribution): string[][] {
  return [
    LOCALE_HEADER,
    ...distribution.locales.map((figures) => [
      figures.locale,
      String(figures.replies),
      `${figures.medianSeconds.toFixed(1)} s`,
      `${Math.round(figures.withinGoalShare * 100)}%`,
      String(figures.medianWords),
      String(figures.overLimit),
      goalVerdict(figures),
    ]),
  ];
}

/** Cells in columns: the first left-aligned, numbers right-aligned, the last (a verdict) left-aligned. */
function aligned(rows: readonly string[][], lastLeft: boolean): string[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const left = column === 0 || (lastLeft && column === columns - 1);
        return left ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0);
      })
      .join('  ')
      .trimEnd(),
  );
}

/** The distribution as small plain-text tables, per flow with the goal underneath, then per locale. */
export function renderDistribution(distribution: ListenDistribution): string {
  const goal = `goal: ${LISTEN_BUDGET.goalShare * 100}% of replies ≤ ${LISTEN_BUDGET.goalSeconds} s, none > ${LISTEN_BUDGET.limitSeconds} s, median ≤ ${LISTEN_BUDGET.goalMedianWords} words — ${goalVerdict(distribution.overall)}`;
  return [...aligned(distributionRows(distribution), false), goal, ...aligned(localeRows(distribution), true)].join('\n');
}
