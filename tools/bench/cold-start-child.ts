import { readFileSync } from 'node:fs';

/**
 * Run by a fresh `node` for each cold start: loads one Lambda bundle, hands its handler one event,
 * and prints how long the require and the first answer took, with the answer, as one JSON line.
 * Bundled on its own by the bench so that nothing but the handler's own code is loaded.
 */

/** Starts the line that carries the result; cold-start.ts looks for it. */
const RESULT_MARK = 'bench-result ';

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** A Lambda context with the fields handlers commonly read. */
const LAMBDA_CONTEXT = {
  functionName: 'shopvoice-bench',
  awsRequestId: 'bench-cold-start',
  getRemainingTimeInMillis: () => 8000,
};

async function main(): Promise<void> {
  const [bundlePath, eventPath] = process.argv.slice(2);
  if (!bundlePath || !eventPath) throw new Error('usage: cold-start-child <bundle.js> <event.json>');
  const event: unknown = JSON.parse(readFileSync(eventPath, 'utf8'));
  const loadStart = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(bundlePath) as { handler: LambdaHandler };
  const answerStart = performance.now();
  const answer = await handler(event, LAMBDA_CONTEXT);
  const answered = performance.now();
  // The handler logs to stdout too (one JSON line per turn, as on Lambda); the result line is marked.
  process.stdout.write(`${RESULT_MARK}${JSON.stringify({ loadMs: answerStart - loadStart, answerMs: answered - answerStart, answer })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
