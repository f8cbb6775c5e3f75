import { NOT_FOUND_CODE } from '../../lambda/commerce/http/store-api-operations';
import { ProblemSchema } from '../../lambda/commerce/http/wire-schemas';
import { type CheckContext, describeStatus } from './check-context';
import type { Answer } from './store-api-caller';

/** What holds for the API as a whole: its 404s for wrong paths, and its bearer key. */

function unknownPathProblem(answer: Answer): string | undefined {
  if (answer.kind === 'no-answer') return `no answer: ${answer.reason}`;
  const problem = ProblemSchema.safeParse(answer.json);
  if (answer.status === 404 && problem.success && problem.data.code === NOT_FOUND_CODE) {
    return 'answered 404 with code not-found for a path the API does not have: give such 404s another code (e.g. no-such-operation), or a wrong STORE_API_URL reads as "you have no orders"';
  }
  return answer.status >= 200 && answer.status < 300 ? `answered ${answer.status}: a path the API does not have must be a 404` : undefined;
}

function unauthorizedProblem(answer: Answer, sent: string): string | undefined {
  if (answer.kind === 'no-answer') return `no answer: ${answer.reason}`;
  if (answer.status !== 401) return `answered ${describeStatus(answer)} ${sent}: answer 401, so that a wrong STORE_API_KEY is reported as such`;
  return /^bearer\b/i.test(answer.wwwAuthenticate ?? '') ? undefined : 'answered 401 without `WWW-Authenticate: Bearer`';
}

export async function checkApi(context: CheckContext, apiKey: string | undefined): Promise<void> {
  const { caller, log } = context;
  log.record('api', 'a path the API does not have is a 404 other than not-found', unknownPathProblem(await caller.get(`store-check-${context.runId}/no-such-operation`)));
  if (apiKey === undefined) {
    log.skip('api', 'a call without the bearer key is 401', 'no --key given: the API was called without one');
    return;
  }
  const path = { shopperId: context.shopperId };
  log.record('api', 'a call without the bearer key is 401', unauthorizedProblem(await caller.call('findShopper', { path, bearer: null }), 'without a key'));
  log.record('api', 'a call with a wrong bearer key is 401', unauthorizedProblem(await caller.call('findShopper', { path, bearer: `${apiKey}-wrong` }), 'with a wrong key'));
}
