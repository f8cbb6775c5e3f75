import type { ErrorRequestHandler, Response } from 'express';
import { describeError, type Logger } from '../../lambda/logging';

/**
 * Error answers as RFC 9457 problem details. `code` is what a client acts on: `not-found` is "no
 * such resource" (the adapter reads it as absent), anything else a failure. No stack trace, no
 * request data, ever.
 */
export type ProblemCode =
  | 'not-found'
  | 'no-such-operation'
  | 'bad-request'
  | 'unauthorized'
  | 'in-progress'
  | 'body-too-large'
  | 'internal';

const TITLES: Record<ProblemCode, string> = {
  'not-found': 'Not found',
  'no-such-operation': 'No such operation',
  'bad-request': 'Bad request',
  unauthorized: 'Unauthorized',
  'in-progress': 'A request with this Idempotency-Key is still in progress',
  'body-too-large': 'Body too large',
  internal: 'Internal error',
};

export function sendProblem(response: Response, status: number, code: ProblemCode, detail?: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ title: TITLES[code], status, code, ...(detail ? { detail } : {}) }));
}

/** The last handler: body parser failures are the client's, anything else is ours and is logged without its stack. */
export function answerErrors(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') return sendProblem(response, 413, 'body-too-large');
    if (type === 'entity.parse.failed') return sendProblem(response, 400, 'bad-request', 'the body is not valid JSON');
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendProblem(response, status, 'bad-request');
    logger.error({ error: describeError(error), method: request.method, route: request.route?.path }, 'store API request failed');
    if (response.headersSent) return response.end();
    return sendProblem(response, 500, 'internal');
  };
}
