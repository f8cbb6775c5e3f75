import type { Commerce } from '../commerce/ports';

/**
 * The store's answers, kept for one turn: a read asked for again in the same turn (the product a
 * size answer looks up and checkout then prices, the order a return step loads and then checks,
 * the shopper's record) goes to the store once, and the second asker shares the first one's
 * answer, even while it is still on its way. Nothing outlives the turn, so each turn reads the
 * store afresh; a write forgets everything read before it, and a failed read is not kept.
 */
export function commerceRememberedForTurn(commerce: Commerce): Commerce {
  const answers = new Map<string, Promise<unknown>>();

  function remembered<Args extends unknown[], Answer>(operation: string, read: (...args: Args) => Promise<Answer>): (...args: Args) => Promise<Answer> {
    return (...args) => {
      // Arguments are ids, query objects and dates: their JSON names the read.
      const key = `${operation}:${JSON.stringify(args)}`;
      const known = answers.get(key) as Promise<Answer> | undefined;
      if (known) return known;
      const answer = read(...args);
      answers.set(key, answer);
      answer.catch(() => {
        if (answers.get(key) === answer) answers.delete(key);
      });
      return answer;
    };
  }

  function forgetting<Args extends unknown[], Answer>(write: (...args: Args) => Promise<Answer>): (...args: Args) => Promise<Answer> {
    return (...args) => {
      answers.clear();
      return write(...args);
    };
  }

  const { shoppers, orders, catalog, returns, checkout } = commerce;
  return {
    ...commerce,
    shoppers: { findById: remembered('shoppers.findById', (id) => shoppers.findById(id)) },
    orders: {
      listForShopper: remembered('orders.listForShopper', (shopperId, query) => orders.listForShopper(shopperId, query)),
      findForShopper: remembered('orders.findForShopper', (shopperId, orderNumber) => orders.findForShopper(shopperId, orderNumber)),
    },
    catalog: {
      findById: remembered('catalog.findById', (productId) => catalog.findById(productId)),
      search: remembered('catalog.search', (query, page) => catalog.search(query, page)),
      // Kept by the catalog itself, across turns.
      vocabulary: (locale) => catalog.vocabulary(locale),
    },
    returns: {
      policy: remembered('returns.policy', () => returns.policy()),
      returnedUnits: remembered('returns.returnedUnits', (orderNumber) => returns.returnedUnits(orderNumber)),
      create: forgetting((request) => returns.create(request)),
    },
    checkout: { ...checkout, place: forgetting((request) => checkout.place(request)) },
  };
}
