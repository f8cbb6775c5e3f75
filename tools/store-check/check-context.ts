import type * as z from '../../lambda/zod-mini';
import type { OperationId } from '../../lambda/commerce/http/store-api-operations';
import { NOT_FOUND_CODE } from '../../lambda/commerce/http/store-api-operations';
import { describeIssues, ProblemSchema } from '../../lambda/commerce/http/wire-schemas';
import { type DocumentedStatuses, isDocumentedStatus } from './api-document';
import type { CheckLog } from './check-log';
import type { Answer, StoreApiCaller } from './store-api-caller';

/** Everything a check needs: the store, who to ask about, and where results go. */
export interface CheckContext {
  readonly caller: StoreApiCaller;
  readonly documented: DocumentedStatuses;
  readonly log: CheckLog;
  /** The shopper whose data is read and, with writes on, changed. */
  readonly shopperId: string;
  /** An id no store has: a made-up shopper. */
  readonly unknownShopperId: string;
  /** Someone who is not the shopper: a real second shopper when one was given, else the made-up one. */
  readonly otherShopperId: string;
  readonly otherShopperIsReal: boolean;
  /** Whether the checks that create a return and place an order may run. */
  readonly writes: boolean;
  /** Unique to this run, so its idempotency keys never meet those of an earlier run. */
  readonly runId: string;
  readonly now: () => Date;
  /** The locales whose catalog words are checked. */
  readonly locales: readonly string[];
}

/** The schema a 2xx answer must match, and its name in commerce-api.yaml. */
export interface Expected<Schema extends z.ZodMiniType> {
  readonly status: readonly number[];
  readonly schema: Schema;
  readonly schemaName: string;
}

export type Read<T> = { readonly ok: true; readonly status: number; readonly value: T } | { readonly ok: false; readonly problem: string };

/** "404 (code not-found: no such shopper)": a status with what its problem body says. */
export function describeStatus(answer: Extract<Answer, { kind: 'answered' }>): string {
  const problem = ProblemSchema.safeParse(answer.json);
  const code = problem.success ? problem.data.code : undefined;
  const detail = problem.success ? problem.data.detail : undefined;
  const said = [code ? `code ${code}` : undefined, detail].filter(Boolean).join(': ');
  return said ? `${answer.status} (${said})` : String(answer.status);
}

/**
 * The answer as the operation's schema reads it, or what is wrong with it: no answer, another
 * status than expected (saying when the document does not list that status at all), not JSON, or
 * not the document's shape (read with the very codecs the HTTP adapter uses, wire-schemas.ts).
 */
export function readAnswer<Schema extends z.ZodMiniType>(
  context: CheckContext,
  operation: OperationId,
  answer: Answer,
  expected: Expected<Schema>,
): Read<z.output<Schema>> {
  if (answer.kind === 'no-answer') return { ok: false, problem: `no answer: ${answer.reason}` };
  if (!expected.status.includes(answer.status)) {
    const undocumented = isDocumentedStatus(context.documented[operation], answer.status) ? '' : `; commerce-api.yaml has no ${answer.status} for ${operation}`;
    return { ok: false, problem: `answered ${describeStatus(answer)}, expected ${expected.status.join(' or ')}${undocumented}` };
  }
  if (answer.json === undefined) return { ok: false, problem: `answered ${answer.status} with a body that is not JSON` };
  const parsed = expected.schema.safeParse(answer.json);
  if (!parsed.success) return { ok: false, problem: `the body is not a ${expected.schemaName} of commerce-api.yaml: ${describeIssues(parsed.error)}` };
  return { ok: true, status: answer.status, value: parsed.data };
}

/**
 * Records a check of an answer: it passes when the answer reads as expected and `inspect` finds
 * nothing wrong with the value. Returns the value when it could be read, for the checks after it.
 */
export function checkAnswer<Schema extends z.ZodMiniType>(
  context: CheckContext,
  operation: OperationId,
  check: string,
  answer: Answer,
  expected: Expected<Schema>,
  inspect: (value: z.output<Schema>, status: number) => string | undefined = () => undefined,
): z.output<Schema> | undefined {
  const read = readAnswer(context, operation, answer, expected);
  if (!read.ok) {
    context.log.fail(operation, check, read.problem);
    return undefined;
  }
  context.log.record(operation, check, inspect(read.value, read.status));
  return read.value;
}

/** A 404 whose problem `code` is `not-found`: the only answer Shopvoice reads as "there is no such thing". */
export function notFoundProblem(answer: Answer, instead: string): string | undefined {
  if (answer.kind === 'no-answer') return `no answer: ${answer.reason}`;
  const problem = ProblemSchema.safeParse(answer.json);
  const code = problem.success ? problem.data.code : undefined;
  if (answer.status === 404 && code === NOT_FOUND_CODE) return undefined;
  if (answer.status === 404) {
    return `answered 404 with ${code === undefined ? 'no problem code' : `code ${code}`}: give it {"code": "not-found"} (application/problem+json), or Shopvoice takes it for a wrong base URL`;
  }
  return `answered ${describeStatus(answer)}: ${instead}`;
}

/** Same as `checkAnswer` for an answer that must be the not-found 404. */
export function checkNotFound(context: CheckContext, operation: OperationId, check: string, answer: Answer, instead: string): void {
  context.log.record(operation, check, notFoundProblem(answer, instead));
}
