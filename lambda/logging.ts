import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { redactText } from './privacy/redact';

/**
 * Structured JSON logs, one object per line. Personal data never belongs in a log line; two safety
 * nets catch it when it slips in anyway:
 * - by name: fields called `accessToken`, `token`, `email`, `phone` or `address` (top level or one
 *   level down) are censored whatever they hold;
 * - by value: every string in a logged object (nested, in arrays, in errors) and the message
 *   itself go through `redactText`, so an email, phone number, address, card number, PIN or token
 *   inside an error message or a free-text field leaves as a placeholder.
 */

/** Deeper than any object worth logging; what lies below is dropped rather than walked. */
const MAX_DEPTH = 8;
/** Longer arrays are cut: a log line is not a data dump. */
const MAX_ARRAY_ITEMS = 100;

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      ...(value.stack !== undefined ? { stack: redactText(value.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, MAX_ARRAY_ITEMS).map((item) => redactValue(item, depth + 1, seen));
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, depth + 1, seen);
  return out;
}

/** A copy of a log object with every string in it redacted by value. */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return redactValue(object, 0, new WeakSet()) as Record<string, unknown>;
}

export interface LoggerOptions {
  /** Where lines go; standard output by default. Tests pass a stream to read what was written. */
  readonly destination?: DestinationStream;
}

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  options: LoggerOptions = {},
): Logger {
  const pinoOptions: pino.LoggerOptions = {
    level,
    base: { service: 'shopvoice' },
    redact: {
      paths: ['accessToken', 'token', 'email', 'phone', 'address', '*.accessToken', '*.token', '*.email', '*.phone', '*.address'],
      censor: '[redacted]',
    },
    formatters: { log: redactLogObject },
    hooks: {
      // The message and any printf-style arguments, formatted first so nothing is split across them.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        if (typeof first === 'string') {
          method.apply(this, [redactText(rest.length > 0 ? format(first, ...rest) : first)] as never);
          return;
        }
        if (rest.length === 0) {
          // An error logged alone takes its message as the line's message: that one is redacted here.
          method.apply(this, (first instanceof Error ? [first, redactText(first.message)] : args) as never);
          return;
        }
        const [message, ...values] = rest;
        method.apply(this, [first, redactText(format(message, ...values))] as never);
      },
    },
  };
  const logger = options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
  // pino formats a child's bindings without the parent's `bindings` formatter, so they are redacted
  // on the way in; children inherit this method, so grandchildren are covered too.
  type ChildMethod = (this: unknown, bindings: pino.Bindings, childOptions?: unknown) => unknown;
  const child = logger.child as unknown as ChildMethod;
  const redactedChild: ChildMethod = function (this: unknown, bindings, childOptions) {
    return child.call(this, redactLogObject(bindings), childOptions);
  };
  logger.child = redactedChild as unknown as Logger['child'];
  return logger;
}

/** The parts of an error that are safe to log: its kind and message (redacted), never the request that caused it. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: redactText(error.message) };
  return { name: 'NonError', message: redactText(String(error)) };
}

export type { Logger };
