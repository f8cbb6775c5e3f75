import { format } from 'node:util';
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

/** Where log lines go: anything with `write`, as pino and Node's streams take them. */
export interface DestinationStream {
  write(line: string): void;
}

export interface LoggerOptions {
  /** Where lines go; standard output by default. Tests pass a stream to read what was written. */
  readonly destination?: DestinationStream;
}

/** pino's calling conventions: an object and a message, or a message alone; printf-style values after either. */
export interface LogFn {
  (object: unknown, message?: string, ...values: unknown[]): void;
  (message: string, ...values: unknown[]): void;
}

/** The logger every module takes: pino's methods, so pino's own loggers (in tests and tools) fit it too. */
export interface Logger {
  readonly level: string;
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/** pino's level numbers, which the lines carry ("level":30) and log queries filter on. */
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Number.POSITIVE_INFINITY } as const;
type LevelName = keyof typeof LEVELS;
const METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** Fields censored by name, top level or one level down, whatever they hold. */
const CENSORED_FIELDS = new Set(['accessToken', 'token', 'email', 'phone', 'address']);
const CENSOR = '[redacted]';

function isLevel(level: string): level is LevelName {
  return Object.hasOwn(LEVELS, level);
}

/** An object literal's kind of object: not an array, an error, a date or a buffer, whose fields are not its data. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The object with every field named in CENSORED_FIELDS, at its top level or one level down, censored. */
function censorByName(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (CENSORED_FIELDS.has(key)) out[key] = CENSOR;
    else if (isPlainRecord(value)) out[key] = Object.fromEntries(Object.entries(value).map(([inner, item]) => [inner, CENSORED_FIELDS.has(inner) ? CENSOR : item]));
    else out[key] = value;
  }
  return out;
}

/** A log line's fields: censored by name, then redacted by value. */
const safeFields = (object: Record<string, unknown>) => redactLogObject(censorByName(object));

/** JSON of a line that has passed redactLogObject (no cycles left); a bigint is written as its digits. */
function serialize(line: Record<string, unknown>): string {
  try {
    return JSON.stringify(line);
  } catch {
    return JSON.stringify(line, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  }
}

/** The line's own fields and message, from pino's calling conventions, redacted. */
function fieldsOf(args: readonly unknown[]): { fields: Record<string, unknown>; message?: string } {
  const [first, ...rest] = args;
  if (typeof first === 'string') return { fields: {}, message: redactText(rest.length > 0 ? format(first, ...rest) : first) };
  const [message, ...values] = rest;
  const text = message === undefined ? undefined : redactText(values.length > 0 ? format(message, ...values) : String(message));
  // An error logged alone goes under `err` and gives the line its message, as pino does.
  if (first instanceof Error) return { fields: safeFields({ err: first }), message: text ?? redactText(first.message) };
  const fields = first !== null && typeof first === 'object' && !Array.isArray(first) ? safeFields({ ...first }) : {};
  return { fields, ...(text === undefined ? {} : { message: text }) };
}

/**
 * A logger that writes pino's line format (level number, epoch milliseconds, the service, the
 * child's bindings, the object's fields, `msg`) with the redaction described above, without
 * pino's worker-thread transports and stream machinery, which a Lambda bundle would carry unused.
 */
function lineLogger(threshold: number, level: string, destination: DestinationStream, bindings: Record<string, unknown>): Logger {
  const write = (levelNumber: number) => (...args: unknown[]) => {
    if (levelNumber < threshold) return;
    const { fields, message } = fieldsOf(args);
    destination.write(`${serialize({ level: levelNumber, time: Date.now(), ...bindings, ...fields, ...(message === undefined ? {} : { msg: message }) })}\n`);
  };
  const methods = Object.fromEntries(METHODS.map((name) => [name, write(LEVELS[name])])) as Record<(typeof METHODS)[number], LogFn>;
  return {
    level,
    ...methods,
    child: (more) => lineLogger(threshold, level, destination, { ...bindings, ...safeFields(more) }),
  };
}

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  options: LoggerOptions = {},
): Logger {
  if (!isLevel(level)) throw new Error(`unknown log level "${level}": one of ${Object.keys(LEVELS).join(', ')}`);
  const destination = options.destination ?? { write: (line: string) => void process.stdout.write(line) };
  return lineLogger(LEVELS[level], level, destination, { service: 'shopvoice' });
}

/** The parts of an error that are safe to log: its kind and message (redacted), never the request that caused it. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: redactText(error.message) };
  return { name: 'NonError', message: redactText(String(error)) };
}

