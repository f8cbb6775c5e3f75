import type { Commerce, StoreCommerce } from '../commerce/ports';

/**
 * The store's answers, kept for one turn: a read asked for again in the same turn (the product a
 * size answer looks up and checkout then prices, the order a return step loads and then checks,
 * the shopper's record) goes to the store once, and the second asker shares the first one's
 * answer, even while it is still on its way. Nothing outlives the turn, so each turn reads the
 * store afresh; a failed read is not kept.
 */

/** The reads kept for the turn, per port of the store. */
const KEPT: { readonly [P in keyof StoreCommerce]?: readonly string[] } = {
  shoppers: ['findById', 'findByPhone'],
  orders: ['listForShopper', 'findForShopper'],
  catalog: ['findById', 'search'],
  returns: ['policy', 'returnedUnits'],
  // A quote changes nothing: it is a read, though it is sent as a POST.
  checkout: ['quote'],
};

/** Reads the port already keeps across turns itself: passed on as they are. */
const KEPT_BY_THE_PORT: { readonly [P in keyof StoreCommerce]?: readonly string[] } = {
  catalog: ['vocabulary'],
};

const STORE_PORTS: ReadonlySet<string> = new Set<keyof StoreCommerce>(['shoppers', 'orders', 'catalog', 'returns', 'checkout']);

type Method = (...args: unknown[]) => Promise<unknown>;

export function commerceRememberedForTurn(commerce: Commerce): Commerce {
  const answers = new Map<string, Promise<unknown>>();

  function remembered(operation: string, read: Method): Method {
    return (...args) => {
      // Arguments are ids, query objects and dates: their JSON names the read.
      const key = `${operation}:${JSON.stringify(args)}`;
      const known = answers.get(key);
      if (known) return known;
      const answer = read(...args);
      answers.set(key, answer);
      answer.catch(() => {
        if (answers.get(key) === answer) answers.delete(key);
      });
      return answer;
    };
  }

  /** Anything else a store port does (a return created, an order placed) may change what a read answers: it forgets them all. */
  function forgetting(write: Method): Method {
    return (...args) => {
      answers.clear();
      return write(...args);
    };
  }

  /** One port, its methods wrapped as above; everything else about it (a flag such as `paysAtCheckoutPage`) reads through. */
  function portRemembered<P extends object>(name: keyof StoreCommerce, port: P): P {
    const kept = new Set(KEPT[name] ?? []);
    const passed = new Set(KEPT_BY_THE_PORT[name] ?? []);
    const methods = new Map<PropertyKey, Method>();
    // An empty stand-in, as in bounded-commerce.ts: the port may itself be a proxy with no keys of its own.
    return new Proxy({} as P, {
      get(_standIn, property) {
        const value: unknown = Reflect.get(port, property, port);
        if (typeof value !== 'function') return value;
        let wrapped = methods.get(property);
        if (!wrapped) {
          const method = String(property);
          const call: Method = (...args) => Reflect.apply(value, port, args) as Promise<unknown>;
          wrapped = kept.has(method) ? remembered(`${name}.${method}`, call) : passed.has(method) ? call : forgetting(call);
          methods.set(property, wrapped);
        }
        return wrapped;
      },
    });
  }

  const remembering: Record<string, unknown> = { ...commerce };
  for (const [name, port] of Object.entries(commerce) as [string, unknown][]) {
    if (STORE_PORTS.has(name) && typeof port === 'object' && port !== null) remembering[name] = portRemembered(name as keyof StoreCommerce, port);
  }
  return remembering as unknown as Commerce;
}
