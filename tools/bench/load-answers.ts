import enUS from '../../lambda/languages/en-US/messages.json';
import { type ActiveStep, type Platform, readAnswer } from './conversations';

/**
 * How the load run judges one HTTP 200 answer: a real answer, or a reply that only sounds like one
 * (an apology, a request to link an account the shopper has linked, a reply of another flow).
 */
export type Verdict = 'answered' | 'apology' | 'link-account' | 'unexpected';

export interface Judgement {
  readonly verdict: Verdict;
  /** The flow step the answer leaves in progress, "flow/step", or "none". */
  readonly step: string;
  /** The speech as plain text, for describing a failure. */
  readonly said: string;
}

/** The part of a message before its first placeholder: what every rendering of it starts with. */
const fixedStart = (message: string) => message.split('{{')[0] ?? message;

/** Whitespace is left out of the comparison: SSML rendering may break lines or space out tags. */
const compact = (text: string) => text.replace(/\s+/g, '');

/** Replies that stand in for an answer, by their fixed wording (en-US, the locale of the bench's requests). */
const STAND_INS: readonly { readonly verdict: Exclude<Verdict, 'answered' | 'unexpected'>; readonly words: string }[] = [
  { verdict: 'apology', words: compact(fixedStart(enUS.assistance.apology)) },
  { verdict: 'apology', words: compact(fixedStart(enUS.assistance.storeUnavailable)) },
  { verdict: 'link-account', words: compact(fixedStart(enUS.auth.linkAccountAlexa)) },
  { verdict: 'link-account', words: compact(fixedStart(enUS.auth.linkAccountGoogle)) },
];

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** SSML as the words it says. */
export function spokenText(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

export const describeStep = (active: ActiveStep | undefined) => (active ? `${active.flow}/${active.step}` : 'none');

/**
 * Judges an answer's body. With an expected step, an answer that leaves another step in progress is
 * unexpected: an apology keeps the conversation where it was, so this catches apologies worded in
 * ways the sentences above do not cover.
 */
export function judgeAnswer(platform: Platform, body: string, expectedStep?: string): Judgement {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { verdict: 'unexpected', step: 'none', said: `not JSON: ${body.slice(0, 80)}` };
  }
  const { speech, active } = readAnswer(platform, parsed);
  const step = describeStep(active);
  if (speech === undefined) return { verdict: 'unexpected', step, said: '(no speech)' };
  const said = spokenText(speech);
  const compacted = compact(said);
  const standIn = STAND_INS.find((candidate) => compacted.includes(candidate.words));
  if (standIn) return { verdict: standIn.verdict, step, said };
  if (expectedStep !== undefined && step !== expectedStep) return { verdict: 'unexpected', step, said };
  return { verdict: 'answered', step, said };
}
