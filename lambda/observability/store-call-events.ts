import type { Logger } from '../logging';
import type { CircuitState } from './metrics';

/**
 * The HTTP store adapter reports retries and its circuit breaker through its `logger` option
 * (http-store-commerce.ts): the same objects StoreCallPolicy's onEvent gives, with `kind`
 * 'retry', 'circuit-opened', 'circuit-half-open' or 'circuit-closed'. This logger passes every line
 * on unchanged and also tells `onEvent`, so metrics see the breaker without the adapter changing.
 */
export interface StoreCallEventSink {
  retry(operation: string): void;
  circuit(state: CircuitState): void;
}

const CIRCUIT_KINDS: Readonly<Record<string, CircuitState>> = {
  'circuit-opened': 'open',
  'circuit-half-open': 'half-open',
  'circuit-closed': 'closed',
};

function tell(sink: StoreCallEventSink, object: unknown): void {
  if (typeof object !== 'object' || object === null) return;
  const { kind, operation } = object as { kind?: unknown; operation?: unknown };
  if (kind === 'retry' && typeof operation === 'string') sink.retry(operation);
  else if (typeof kind === 'string' && CIRCUIT_KINDS[kind]) sink.circuit(CIRCUIT_KINDS[kind]);
}

/** A logger for the HTTP store adapter that also feeds store call events to `sink`. */
export function storeEventsLogger(logger: Logger, sink: StoreCallEventSink): Logger {
  return new Proxy(logger, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if ((property === 'warn' || property === 'info') && typeof value === 'function') {
        return (...args: unknown[]) => {
          try {
            tell(sink, args[0]);
          } catch {
            // Metrics never stop a log line.
          }
          return Reflect.apply(value, target, args) as unknown;
        };
      }
      return value;
    },
  });
}
