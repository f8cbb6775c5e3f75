import type { Commerce, ConversationState, StoreCommerce } from '../commerce/ports';
import type { PortOwner, TurnBudget } from './turn-budget';

/**
 * The ports a flow sees during one turn: the same ports, each method call run under the turn's
 * budget (turn-budget.ts). Every port and method is wrapped as it is, so a port or method added
 * later is bounded without a change here.
 */

/** Whose system answers each port. The compiler insists that every port is named here. */
const PORT_OWNERS: { readonly [P in keyof StoreCommerce]: 'store' } & { readonly [P in keyof ConversationState]: 'state' } = {
  shoppers: 'store',
  orders: 'store',
  catalog: 'store',
  returns: 'store',
  checkout: 'store',
  handoffs: 'state',
  conversations: 'state',
  purchasePins: 'state',
  checkoutClaims: 'state',
};

export type PortName = keyof Commerce;

/** A port method as named in errors and logs: "checkout.place", "orders.listForShopper". */
export type PortOperation = { [P in PortName]: `${P}.${Extract<keyof Commerce[P], string>}` }[PortName];

function ownerOf(port: string): PortOwner {
  // Anything not named (a test double's extra port) is treated as the store's: bounded, and slow calls noticed.
  return (PORT_OWNERS as Readonly<Record<string, PortOwner>>)[port] ?? 'store';
}

/** One port whose every method runs under the budget; everything else about it reads through. */
function portWithin<P extends object>(name: string, port: P, budget: TurnBudget): P {
  const owner = ownerOf(name);
  const methods = new Map<PropertyKey, unknown>();
  // The proxy stands in front of an empty object, so a frozen port's methods can still be swapped for bounded ones.
  const target = port;
  return new Proxy({} as P, {
    get(_standIn, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let bounded = methods.get(property);
      if (!bounded) {
        const operation = `${name}.${String(property)}`;
        // Called on the port itself, never on the proxy, so class ports with private state work as before.
        bounded = (...args: unknown[]) => budget.run(operation, owner, () => Reflect.apply(value, target, args) as unknown);
        methods.set(property, bounded);
      }
      return bounded;
    },
  });
}

/** The ports for one turn, each call bounded by `budget`. */
export function commerceWithin(commerce: Commerce, budget: TurnBudget): Commerce {
  const bounded: Record<string, unknown> = {};
  for (const [name, port] of Object.entries(commerce) as [string, unknown][]) {
    bounded[name] = typeof port === 'object' && port !== null ? portWithin(name, port, budget) : port;
  }
  return bounded as unknown as Commerce;
}
