import type { ExpectedAnswer } from '../understanding/expected-answers';
import type { ActiveFlow } from '../core/session-state';
import { FLOWS } from './all-flows';

/** What the question in progress accepts as its answer, as its flow declares; nothing when no question is open. */
export function expectedAnswersFor(active: ActiveFlow | undefined): readonly ExpectedAnswer[] {
  if (!active) return [];
  return FLOWS.find((flow) => flow.name === active.flow)?.answers?.[active.step] ?? [];
}
