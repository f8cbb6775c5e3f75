import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs, one object per line. Personal data never belongs in a log line; the
 * redaction below is the safety net for fields that carry it by name.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info')): Logger {
  return pino({
    level,
    base: { service: 'shopvoice' },
    redact: {
      paths: ['accessToken', 'token', 'email', 'phone', 'address', '*.accessToken', '*.token', '*.email', '*.phone', '*.address'],
      censor: '[redacted]',
    },
  });
}

/** The parts of an error that are safe to log: its kind and message, never the request that caused it. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'NonError', message: String(error) };
}

export type { Logger };
