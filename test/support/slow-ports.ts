/**
 * Ports that answer late, or not at all, on demand: the real ports behind them do the work, but a
 * call to a slowed method waits before it reaches them (a store that is busy), or waits until the
 * test lets it through (a store that hangs). Each method is named "port.method", e.g. "checkout.place".
 */

export interface PortControl {
  /** Every call made, as "port.method", in order. */
  readonly calls: readonly string[];
  /** Calls to `operation` wait `delayMs` before they reach the store; only the next `times` of them, when given. */
  delay(operation: string, delayMs: number, options?: { readonly times?: number }): void;
  /** Calls to `operation` wait until `recover()`: the store hangs. */
  hang(operation: string): void;
  /** Every call answers at once from now on, and calls left hanging go through to the store now. */
  recover(): void;
  /** Settles once every call made so far has been answered by the store, however late. */
  drained(): Promise<void>;
}

interface Rule {
  readonly kind: 'delay' | 'hang';
  readonly delayMs: number;
  /** Calls still to slow; Infinity for all. */
  left: number;
}

/** `ports` with every method of every port under `control`. */
export function slowPorts<P extends object>(ports: P): { readonly ports: P; readonly control: PortControl } {
  const calls: string[] = [];
  const rules = new Map<string, Rule>();
  const hanging: (() => void)[] = [];
  const inFlight = new Set<Promise<unknown>>();

  function gate(operation: string): Promise<void> {
    const rule = rules.get(operation);
    if (!rule || rule.left <= 0) return Promise.resolve();
    rule.left -= 1;
    if (rule.kind === 'hang') return new Promise<void>((release) => hanging.push(release));
    return new Promise<void>((release) => setTimeout(release, rule.delayMs));
  }

  function wrapPort(name: string, port: object): object {
    return new Proxy(
      {},
      {
        get(_standIn, property) {
          const value: unknown = Reflect.get(port, property, port);
          if (typeof value !== 'function') return value;
          const operation = `${name}.${String(property)}`;
          return (...args: unknown[]) => {
            calls.push(operation);
            const answer = gate(operation).then(() => Reflect.apply(value, port, args) as unknown);
            const tracked = answer.then(
              () => undefined,
              () => undefined,
            );
            inFlight.add(tracked);
            void tracked.then(() => inFlight.delete(tracked));
            return answer;
          };
        },
      },
    );
  }

  const wrapped: Record<string, unknown> = {};
  for (const [name, port] of Object.entries(ports) as [string, unknown][]) {
    wrapped[name] = typeof port === 'object' && port !== null ? wrapPort(name, port) : port;
  }

  const control: PortControl = {
    calls,
    delay(operation, delayMs, options = {}) {
      rules.set(operation, { kind: 'delay', delayMs, left: options.times ?? Number.POSITIVE_INFINITY });
    },
    hang(operation) {
      rules.set(operation, { kind: 'hang', delayMs: 0, left: Number.POSITIVE_INFINITY });
    },
    recover() {
      rules.clear();
      hanging.splice(0).forEach((release) => release());
    },
    async drained() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
  return { ports: wrapped as P, control };
}
