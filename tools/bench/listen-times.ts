import { LOCALES } from '../../lambda/languages/packs';
import { z } from 'zod';
import { LISTEN_BUDGET, listenDistribution, meetsGoal } from '../listen-time/distribution';
import { estimateListenTime, SPEAKING_RATE_WPM } from '../listen-time/estimate';
import { collectReplies, JOURNEYS } from '../listen-time/reply-corpus';
import type { TableLine } from './table';

/**
 * How long Shopvoice's replies take to say: the journeys of tools/listen-time/reply-corpus.ts on
 * both platforms (every locale in a full run, en-US in smoke mode), each reply through the
 * listen-time estimate, summed up per flow against the budget of issue 17.
 */

const GroupSchema = z.object({
  replies: z.number().int().nonnegative(),
  medianSeconds: z.number().nonnegative(),
  p95Seconds: z.number().nonnegative(),
  maxSeconds: z.number().nonnegative(),
  withinGoalShare: z.number().min(0).max(1),
  medianWords: z.number().nonnegative(),
  overLimit: z.number().int().nonnegative(),
});

export const ListenTimesSchema = z.object({
  /** How the figures were made: the estimate, its rates and the corpus. */
  method: z.string().min(1),
  locales: z.array(z.string()).min(1),
  journeys: z.number().int().positive(),
  wordsPerMinute: z.object({ alexa: z.number().positive(), google: z.number().positive() }),
  budget: z.object({ limitSeconds: z.number(), goalSeconds: z.number(), goalShare: z.number(), goalMedianWords: z.number() }),
  overall: GroupSchema,
  flows: z.array(GroupSchema.extend({ flow: z.string().min(1) })),
  goalMet: z.boolean(),
});

export type ListenTimesResult = z.infer<typeof ListenTimesSchema>;

const METHOD =
  'tools/listen-time estimate (words, syllables, pauses, say-as readings at the platform rate; calibrated against espeak-ng) of every reply of the corpus journeys, in process over the embedded demo store';

export async function measureListenTimes(mode: 'full' | 'smoke', dataDir: string, log: (line: string) => void): Promise<ListenTimesResult> {
  const locales = mode === 'smoke' ? ['en-US'] : [...LOCALES];
  log(`listen times: ${JOURNEYS.length} journeys on both platforms in ${locales.join(', ')}`);
  const replies = await collectReplies(dataDir, locales);
  const samples = replies.map((reply) => {
    const { seconds, words } = estimateListenTime(reply.ssml, { platform: reply.platform, locale: reply.locale });
    return { flow: reply.flow, platform: reply.platform, locale: reply.locale, seconds, words };
  });
  const distribution = listenDistribution(samples);
  return {
    method: METHOD,
    locales,
    journeys: JOURNEYS.length,
    wordsPerMinute: { ...SPEAKING_RATE_WPM },
    budget: { ...LISTEN_BUDGET },
    overall: distribution.overall,
    flows: [...distribution.flows],
    goalMet: meetsGoal(distribution.overall),
  };
}

/** The table's listen-time section: per flow and overall, no floor. */
export function listenTimeLines(result: ListenTimesResult): TableLine[] {
  const { budget } = result;
  const figures = (group: z.infer<typeof GroupSchema>, label: string): TableLine => ({
    kind: 'row',
    cells: [
      `${label} (${group.replies} replies)`,
      `${group.medianSeconds.toFixed(1)} / ${group.p95Seconds.toFixed(1)} / ${group.maxSeconds.toFixed(1)} s`,
      `${Math.round(group.withinGoalShare * 100)}% ≤ ${budget.goalSeconds} s`,
      `${group.medianWords} words`,
    ],
  });
  return [
    {
      kind: 'section',
      title:
        `Listen time of replies, estimated (${result.journeys} journeys, Alexa ${result.wordsPerMinute.alexa} wpm + Google ${result.wordsPerMinute.google} wpm, ${result.locales.join(' + ')}): ` +
        `median / p95 / max · share ≤ ${budget.goalSeconds} s · median words (no floor)`,
    },
    ...result.flows.map((flow) => figures(flow, flow.flow)),
    figures(result.overall, 'all replies'),
    {
      kind: 'remark',
      label: 'goal',
      text:
        `${budget.goalShare * 100}% ≤ ${budget.goalSeconds} s, none > ${budget.limitSeconds} s, median ≤ ${budget.goalMedianWords} words: ` +
        `${result.goalMet ? 'met' : `not met yet (${result.overall.overLimit} over ${budget.limitSeconds} s)`}`,
    },
  ];
}
