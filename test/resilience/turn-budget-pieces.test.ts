import { StoreUnavailableError } from '../../lambda/commerce/commerce-errors';
import type { Commerce } from '../../lambda/commerce/ports';
import { commerceWithin } from '../../lambda/core/bounded-commerce';
import type { Assistance, Flow, FlowContext } from '../../lambda/core/flow';
import type { Reply } from '../../lambda/core/reply';
import { end, listen } from '../../lambda/core/replies';
import { createRouter, PROGRESS_WAIT_MS } from '../../lambda/core/router';
import { freshSessionState } from '../../lambda/core/session-state';
import type { Turn, TurnProgress } from '../../lambda/core/turn';
import { TurnBudget, TurnOverrunError } from '../../lambda/core/turn-budget';
import { unconfirmedWrite } from '../../lambda/core/unconfirmed-writes';
import { plainText, text } from '../../lambda/speech/speech';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const never = <T>() => new Promise<T>(() => {});

describe('the turn budget', () => {
  it('fails a call still unanswered at the deadline with a store timeout naming the operation', async () => {
    const budget = new TurnBudget({ budgetMs: 30 });
    await expect(budget.run('orders.listForShopper', 'store', () => never())).rejects.toEqual(new StoreUnavailableError('orders.listForShopper', 'timeout'));
  });

  it('does not start a call asked for after the deadline', async () => {
    const budget = new TurnBudget({ budgetMs: 10 });
    await sleep(20);
    const call = jest.fn(async () => 'placed');
    await expect(budget.run('checkout.place', 'store', call)).rejects.toMatchObject({ operation: 'checkout.place', reason: 'timeout' });
    expect(call).not.toHaveBeenCalled();
  });

  it('passes answers and failures in time straight through', async () => {
    const budget = new TurnBudget({ budgetMs: 1_000 });
    await expect(budget.run('catalog.findById', 'store', async () => 'product')).resolves.toBe('product');
    const failure = new Error('refused');
    await expect(budget.run('catalog.findById', 'store', async () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it('drops what a late call settles with, a failure included, without an unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const budget = new TurnBudget({ budgetMs: 20 });
      const late = budget.run('returns.create', 'store', () => sleep(60).then(() => Promise.reject(new Error('late failure'))));
      await expect(late).rejects.toMatchObject({ reason: 'timeout' });
      await sleep(80);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('notices a slow store call once a turn, and never a slow state call or a quick store call', async () => {
    const slow = jest.fn();
    const budget = new TurnBudget({ budgetMs: 1_000, slowStoreCallMs: 20, onSlowStoreCall: slow });
    await budget.run('orders.listForShopper', 'store', async () => 'quick');
    await budget.run('handoffs.file', 'state', () => sleep(50));
    expect(slow).not.toHaveBeenCalled();
    await Promise.all([budget.run('orders.listForShopper', 'store', () => sleep(50)), budget.run('catalog.search', 'store', () => sleep(50))]);
    await budget.run('checkout.place', 'store', () => sleep(50));
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('bounds work outside the ports at the deadline plus a grace period', async () => {
    const budget = new TurnBudget({ budgetMs: 20 });
    await expect(budget.bound(never(), 10, () => new TurnOverrunError())).rejects.toBeInstanceOf(TurnOverrunError);
    await expect(new TurnBudget({ budgetMs: 1_000 }).bound(Promise.resolve(7), 10, () => new TurnOverrunError())).resolves.toBe(7);
  });
});

describe('ports within a turn', () => {
  class Orders {
    readonly #placed: string[] = [];
    readonly kind = 'orders';
    async place(number: string): Promise<number> {
      this.#placed.push(number);
      return this.#placed.length;
    }
    listForShopper(): Promise<never> {
      return never();
    }
  }

  it('wraps every method of every port, class instances and frozen objects alike, and reads other properties through', async () => {
    const orders = new Orders();
    const shoppers = Object.freeze({ findById: async (id: string) => ({ id }) });
    const ports = commerceWithin({ orders, shoppers } as unknown as Commerce, new TurnBudget({ budgetMs: 50 }));
    const bounded = ports as unknown as { orders: Orders; shoppers: typeof shoppers };

    await expect(bounded.orders.place('1')).resolves.toBe(1);
    await expect(bounded.orders.place('2')).resolves.toBe(2);
    expect(bounded.orders.kind).toBe('orders');
    await expect(bounded.shoppers.findById('ava')).resolves.toEqual({ id: 'ava' });
    await expect(bounded.orders.listForShopper()).rejects.toEqual(new StoreUnavailableError('orders.listForShopper', 'timeout'));
  });
});

describe('writes whose outcome a timeout leaves unknown', () => {
  it.each([
    ['checkout.place', 'confirmation'],
    ['returns.create', 'confirmation'],
    ['handoffs.file', 'handoff'],
  ])('%s timing out asks the shopper to repeat the %s', (operation, kind) => {
    expect(unconfirmedWrite(new StoreUnavailableError(operation, 'timeout'))).toBe(kind);
  });

  it('are only writes, and only timeouts: anything else is the store being down', () => {
    expect(unconfirmedWrite(new StoreUnavailableError('orders.listForShopper', 'timeout'))).toBeUndefined();
    expect(unconfirmedWrite(new StoreUnavailableError('checkout.place', 'server-error', 503))).toBeUndefined();
    expect(unconfirmedWrite(new Error('checkout.place'))).toBeUndefined();
  });
});

describe('the router keeps every turn inside its budget', () => {
  const assistance = {
    apologize: (context: FlowContext, cause: unknown) => ({
      ...end(context.turn, [text(`apology: ${cause instanceof Error ? cause.name : 'unknown'}`)]),
      state: context.turn.state,
    }),
    notUnderstood: (context: FlowContext) => end(context.turn, [text('not understood')]),
  } as unknown as Assistance;

  function turnWith(progress?: TurnProgress): Turn {
    return {
      platform: 'alexa',
      locale: 'en-US',
      event: { kind: 'intent', intent: 'OrderStatusIntent', slots: {} },
      state: freshSessionState(),
      device: { screen: false },
      requestId: 'amzn1.echo-api.request.1',
      sessionId: 'amzn1.echo-api.session.1',
      accessToken: 'token',
      ...(progress ? { progress } : {}),
    };
  }

  function routerWith(options: { orders: () => Promise<string>; verify?: () => Promise<{ shopperId: string } | undefined> }) {
    const errors: unknown[] = [];
    const progressFailures: unknown[] = [];
    const commerce = {
      shoppers: { findById: async (id: string) => ({ id, givenName: 'Ava', familyName: 'Stone', email: 'ava@example.com', locale: 'en-US' }) },
      orders: { listForShopper: options.orders },
      conversations: { append: async () => {}, turns: async () => [] },
    } as unknown as Commerce;
    const flow: Flow = {
      name: 'order-status',
      needsShopper: true,
      startsOn: ['OrderStatusIntent'],
      start: async (context) => {
        const said = await (context.commerce.orders.listForShopper as unknown as () => Promise<string>)();
        return listen(context.turn, [text(said)], [text('more?')]);
      },
    };
    const route = createRouter({
      flows: [flow],
      assistance,
      commerce,
      store: { name: 'Test Store', supportPhone: '18005550199', timeZone: 'UTC', followUpBusinessDays: 1 },
      verifyAccessToken: options.verify ?? (async () => ({ shopperId: 'shopper-ava' })),
      turnBudgetMs: 200,
      progressAfterMs: 20,
      onError: (error) => errors.push(error),
      onProgressFailed: (error) => progressFailures.push(error),
    });
    return { route, errors, progressFailures };
  }

  const said = (reply: Reply) => plainText(reply.speech);

  it('answers with an apology when something outside the ports (the token check) hangs', async () => {
    const { route, errors } = routerWith({ orders: async () => 'orders', verify: never });
    expect(said(await route(turnWith()))).toBe('apology: TurnOverrunError');
    expect(errors).toEqual([expect.any(TurnOverrunError)]);
  });

  it('says "let me check" once while the store is slow, with the platform-neutral speech of the locale', async () => {
    const spoken: string[] = [];
    const { route } = routerWith({ orders: () => sleep(60).then(() => 'your orders') });
    const reply = await route(turnWith({ say: async (speech) => void spoken.push(plainText(speech)) }));
    expect(said(reply)).toBe('your orders');
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatch(/^(Let me check on that\.|One moment, I'm checking\.|Just a second, I'm looking that up\.)$/);
  });

  it('a progressive response that throws, fails or hangs never changes the reply, and holds it only briefly', async () => {
    const failing: TurnProgress[] = [
      {
        say: () => {
          throw new Error('thrown');
        },
      },
      { say: async () => Promise.reject(new Error('rejected')) },
      { say: never },
    ];
    for (const progress of failing) {
      const { route, progressFailures, errors } = routerWith({ orders: () => sleep(60).then(() => 'your orders') });
      const started = performance.now();
      const reply = await route(turnWith(progress));
      expect(said(reply)).toBe('your orders');
      expect(performance.now() - started).toBeLessThan(60 + PROGRESS_WAIT_MS + 500);
      expect(errors).toEqual([]);
      if (progress !== failing[2]) expect(progressFailures).toHaveLength(1);
    }
  });
});
