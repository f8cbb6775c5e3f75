import { format } from 'node:util';
import pino from 'pino';
import { createLogger, type Logger, redactLogObject } from '../../lambda/logging';
import { redactText } from '../../lambda/privacy/redact';

/**
 * Shopvoice writes its log lines itself (lambda/logging.ts) rather than through pino, whose
 * transports and streams the Lambda bundle would carry unused (issue 23). Log queries and
 * shippers read the lines as they were: this checks them, field by field and in order, against
 * pino configured as Shopvoice configured it before.
 */

/** pino as createLogger set it up until issue 23: the reference for every line. */
function pinoAsBefore(level: string, lines: string[]): Logger {
  const logger = pino(
    {
      level,
      base: { service: 'shopvoice' },
      redact: { paths: ['accessToken', 'token', 'email', 'phone', 'address', '*.accessToken', '*.token', '*.email', '*.phone', '*.address'], censor: '[redacted]' },
      formatters: { log: redactLogObject },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (typeof first === 'string') return method.apply(this, [redactText(rest.length > 0 ? format(first, ...rest) : first)] as never);
          if (rest.length === 0) return method.apply(this, (first instanceof Error ? [first, redactText(first.message)] : args) as never);
          const [message, ...values] = rest;
          return method.apply(this, [first, redactText(format(message, ...values))] as never);
        },
      },
    },
    { write: (line: string) => void lines.push(line) },
  );
  // As before: a child's bindings were redacted on the way in, grandchildren included.
  type ChildMethod = (this: unknown, bindings: pino.Bindings, options?: unknown) => unknown;
  const child = logger.child as unknown as ChildMethod;
  logger.child = function (this: unknown, bindings: pino.Bindings, options?: unknown) {
    return child.call(this, redactLogObject(bindings), options);
  } as unknown as typeof logger.child;
  return logger;
}

/**
 * The one change on purpose: pino serialised an error after it had been redacted into a plain
 * object, and so called its type "Object"; the line now says "Error".
 */
function asNowWritten(line: unknown): unknown {
  const err = (line as { err?: { type?: string } }).err;
  return err?.type === 'Object' ? { ...(line as object), err: { ...err, type: 'Error' } } : line;
}

/** A line with its clock reading and an error's stack (which names the calling line) taken out. */
function comparable(line: string): unknown {
  const parsed = JSON.parse(line) as Record<string, unknown>;
  expect(typeof parsed.time).toBe('number');
  const { time: _time, ...rest } = parsed;
  return JSON.parse(JSON.stringify(rest, (key, value: unknown) => (key === 'stack' && typeof value === 'string' ? value.split('\n')[0] : value)));
}

const error = new Error('store refused ava.smith@example.com');

/** Every way the code base logs. */
const CALLS: readonly ((logger: Logger) => void)[] = [
  (logger) => logger.info('plain message'),
  (logger) => logger.info({ port: 3000, ok: true, path: '/alexa' }, 'Shopvoice is listening on http://localhost:3000'),
  (logger) => logger.warn({ platform: 'google', note: 'call me at +1 (800) 555-0199' }, 'heard %s and %d', 'ava.smith@example.com', 42),
  (logger) => logger.info('printf %s', 'PIN 7391'),
  (logger) => logger.error({ error: { name: 'Error', message: 'x' }, attempts: [1, 2, { deep: 'four two four two' }] }, 'request failed'),
  (logger) => logger.error({ err: error }, 'with the error itself'),
  (logger) => logger.error(error),
  (logger) => logger.info({ accessToken: 'short', token: 'x', email: 'e', phone: '1', address: 'home', shopper: { email: 'e', name: 'Ava' } }, 'by name'),
  (logger) => logger.info({ when: new Date('2026-11-26T15:00:00Z'), nothing: null, missing: undefined, list: [] }),
  (logger) => logger.debug({ hidden: true }, 'below info'),
  (logger) => logger.child({ requestId: 'amzn1.echo-api.request.1', caller: 'ava.smith@example.com' }).warn({ step: 2 }, 'from a child'),
  (logger) => logger.child({ a: 1 }).child({ b: { email: 'x' } }).error('from a grandchild'),
];

describe('log lines', () => {
  it.each(CALLS.map((call, index) => [index, call] as const))('call %i is written as pino wrote it', (_index, call) => {
    const ours: string[] = [];
    const theirs: string[] = [];
    call(createLogger('info', { destination: { write: (line) => void ours.push(line) } }));
    call(pinoAsBefore('info', theirs));
    expect(ours.map(comparable)).toEqual(theirs.map(comparable).map(asNowWritten));
    expect(ours.every((line) => line.endsWith('\n'))).toBe(true);
  });

  it('leaves out what is below the level, and everything when silent', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', { destination: { write: (line) => void lines.push(line) } });
    logger.info('no');
    logger.warn('yes');
    createLogger('silent', { destination: { write: (line) => void lines.push(line) } }).fatal('never');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['yes']);
  });

  it('refuses a level that does not exist', () => {
    expect(() => createLogger('loud')).toThrow(/unknown log level/);
  });
});
