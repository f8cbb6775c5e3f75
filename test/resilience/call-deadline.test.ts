import { type CallDeadline, currentCallDeadline } from '../../lambda/commerce/call-deadline';
import { TurnBudget } from '../../lambda/core/turn-budget';
import { faults, startFaultyStore } from '../support/faulty-store';

/**
 * The turn budget tells each store call how long the turn still waits for it, and when it stops
 * waiting (lambda/commerce/call-deadline.ts): what the HTTP store's retries are planned by.
 */

const never = <T>() => new Promise<T>(() => {});

describe('the deadline a store call sees', () => {
  it('is what is left of the turn, for the store\'s calls and whatever they start', async () => {
    const budget = new TurnBudget({ budgetMs: 1_000 });
    const seen = await budget.run('orders.listForShopper', 'store', async () => {
      await Promise.resolve();
      return currentCallDeadline();
    });
    expect(seen).toBeDefined();
    expect(seen!.remainingMs()).toBeGreaterThan(0);
    expect(seen!.remainingMs()).toBeLessThanOrEqual(1_000);
    expect(seen!.signal.aborted).toBe(false);
  });

  it('is not set for the skill\'s own state, nor outside a turn', async () => {
    const budget = new TurnBudget({ budgetMs: 1_000 });
    expect(await budget.run('conversations.append', 'state', async () => currentCallDeadline())).toBeUndefined();
    expect(currentCallDeadline()).toBeUndefined();
  });

  it('aborts its signal once the turn stops waiting for the call', async () => {
    const budget = new TurnBudget({ budgetMs: 30 });
    let seen: CallDeadline | undefined;
    const call = budget.run('catalog.search', 'store', () => {
      seen = currentCallDeadline();
      return never();
    });
    await expect(call).rejects.toMatchObject({ reason: 'timeout' });
    expect(seen!.signal.aborted).toBe(true);
    expect(seen!.remainingMs()).toBe(0);
  });

  it('leaves a call that answered in time alone', async () => {
    const budget = new TurnBudget({ budgetMs: 1_000 });
    let seen: CallDeadline | undefined;
    await budget.run('shoppers.findById', 'store', async () => {
      seen = currentCallDeadline();
      return 'Ava';
    });
    expect(seen!.signal.aborted).toBe(false);
  });
});

describe('a store call several turns share', () => {
  it('goes on when the turn that asked first stops waiting: the turns still waiting get its answer', async () => {
    const store = await startFaultyStore();
    try {
      const adapter = store.adapter({ timeoutMs: 2_000 });
      store.fail('catalogVocabulary', faults.slow(300), { times: 1 });
      const hurried = new TurnBudget({ budgetMs: 50 });
      const patient = new TurnBudget({ budgetMs: 3_000 });
      const first = hurried.run('catalog.vocabulary', 'store', () => adapter.catalog.vocabulary('en-US'));
      const second = patient.run('catalog.vocabulary', 'store', () => adapter.catalog.vocabulary('en-US'));
      await expect(first).rejects.toMatchObject({ reason: 'timeout' });
      await expect(second).resolves.toEqual(await store.embedded.store.catalog.vocabulary('en-US'));
      // One request, shared.
      expect(store.count('catalogVocabulary')).toBe(1);
    } finally {
      await store.close();
    }
  });
});
