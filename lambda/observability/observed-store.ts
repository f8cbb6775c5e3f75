import { performance } from 'node:perf_hooks';
import type { StoreCommerce } from '../commerce/ports';

/** Told about each call to the store's ports once it settled: `orders.listForShopper`, its time, its failure. */
export type StoreCallObserver = (operation: string, seconds: number, error?: unknown) => void;

function observedPort<P extends object>(name: string, port: P, observe: StoreCallObserver): P {
  const methods = new Map<PropertyKey, unknown>();
  // An empty stand-in, so a frozen port's methods can still be handed out wrapped.
  return new Proxy({} as P, {
    get(_standIn, property) {
      const value: unknown = Reflect.get(port, property, port);
      if (typeof value !== 'function') return value;
      let wrapped = methods.get(property);
      if (!wrapped) {
        const operation = `${name}.${String(property)}`;
        const tell = (started: number, error?: unknown) => {
          try {
            observe(operation, (performance.now() - started) / 1_000, error);
          } catch {
            // Observing a call never changes its result.
          }
        };
        wrapped = (...args: unknown[]) => {
          const started = performance.now();
          let result: unknown;
          try {
            // Called on the port itself, so class ports with private state work as before.
            result = Reflect.apply(value, port, args);
          } catch (error) {
            tell(started, error);
            throw error;
          }
          if (result instanceof Promise) {
            result.then(
              () => tell(started),
              (error: unknown) => tell(started, error),
            );
          } else tell(started);
          return result;
        };
        methods.set(property, wrapped);
      }
      return wrapped;
    },
  });
}

/** The same store, every port call timed and its failures told to `observe`; results and errors pass through unchanged. */
export function observedStore(store: StoreCommerce, observe: StoreCallObserver): StoreCommerce {
  const observed: Record<string, unknown> = {};
  for (const [name, port] of Object.entries(store) as [string, unknown][]) {
    observed[name] = typeof port === 'object' && port !== null ? observedPort(name, port, observe) : port;
  }
  return observed as unknown as StoreCommerce;
}
