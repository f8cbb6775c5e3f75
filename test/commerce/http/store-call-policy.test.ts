import { runWithCallDeadline } from '../../../lambda/commerce/call-deadline';
import { StoreUnavailableError } from '../../../lambda/commerce/commerce-errors';
import { createStoreCallPolicy, DEFAULT_STORE_CALL_SETTINGS, type StoreCallEvent, type StoreCallSettings } from '../../../lambda/commerce/http/store-call-policy';

/**
 * The store call policy with a partly down store: attempts that hang are abandoned and tried again
 * while time is left, and the breaker tells a store where some calls hang from one that is down.
 * The attempts stand in for the HTTP client, which fails with a timeout once its signal aborts.
 */

const OPERATION = 'listShopperOrders';

/** An attempt the store never answers: it fails as the client does when its signal aborts. */
function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(new StoreUnavailableError(OPERATION, 'timeout'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Attempts that meet the store's answers in turn: 'hang', or a value it answers with. */
function scripted<T>(answers: readonly ('hang' | T)[]) {
  const signals: AbortSignal[] = [];
  const attempt = async (signal: AbortSignal): Promise<T> => {
    signals.push(signal);
    const answer = answers[signals.length - 1];
    if (answer === undefined) throw new Error('no more answers scripted');
    return answer === 'hang' ? hang(signal) : answer;
  };
  return { attempt, signals, count: () => signals.length };
}

/** Quick waits between attempts; everything else as the adapter has it by default. */
function policy(settings: Partial<StoreCallSettings> = {}, events: StoreCallEvent[] = []) {
  return createStoreCallPolicy({ ...DEFAULT_STORE_CALL_SETTINGS, timeoutMs: 3_000, initialDelayMs: 1, maxDelayMs: 5, ...settings }, (event) => events.push(event));
}

describe('a read whose attempts hang', () => {
  it('is answered when a later attempt is: the hung one is abandoned long before the call runs out of time', async () => {
    const store = scripted(['hang', { orders: ['10605'] }]);
    // Nothing but the call's own time is set: a read's attempt gets a third of it.
    await expect(policy({ timeoutMs: 1_500 }).run(OPERATION, 'read', store.attempt)).resolves.toEqual({ orders: ['10605'] });
    expect(store.count()).toBe(2);
    expect(store.signals[0]!.aborted).toBe(true);
  });

  it('is tried three times in all, then fails with the timeout', async () => {
    const store = scripted(['hang', 'hang', 'hang', 'never asked']);
    await expect(policy({ readAttemptTimeoutMs: 30 }).run(OPERATION, 'read', store.attempt)).rejects.toMatchObject({ reason: 'timeout' });
    expect(store.count()).toBe(1 + DEFAULT_STORE_CALL_SETTINGS.retries);
  });

  it('is not tried again when what is left of the caller\'s time cannot fit a useful attempt', async () => {
    const store = scripted(['hang', 'answered too late', 'answered too late']);
    const events: StoreCallEvent[] = [];
    const caller = new AbortController();
    // The turn waits 120 ms more; the first attempt is abandoned after 100 (by the client, as by the
    // policy), leaving too little for another, though the call itself would have seconds left.
    const deadline = { remainingMs: () => 120, signal: caller.signal };
    const clientAttempt = (signal: AbortSignal) => store.attempt(AbortSignal.any([signal, AbortSignal.timeout(100)]));
    const call = runWithCallDeadline(deadline, () => policy({ readAttemptTimeoutMs: 100 }, events).run(OPERATION, 'read', clientAttempt));
    await expect(call).rejects.toMatchObject({ reason: 'timeout' });
    expect(store.count()).toBe(1);
    expect(events).toEqual([]);
  });

  it('drops the attempt in flight as soon as the caller stops waiting, and sends no other', async () => {
    const store = scripted(['hang', 'answered too late']);
    const caller = new AbortController();
    const call = runWithCallDeadline({ remainingMs: () => 2_000, signal: caller.signal }, () =>
      policy({ readAttemptTimeoutMs: 1_000 }).run(OPERATION, 'read', store.attempt),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.signals[0]!.aborted).toBe(false);
    caller.abort();
    expect(store.signals[0]!.aborted).toBe(true);
    await expect(call).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'timeout' });
    expect(store.count()).toBe(1);
  });
});

describe('a write', () => {
  it('with its key is given the whole call for an attempt: a slow answer is waited for, not sent again', async () => {
    let attempts = 0;
    const slowWrite = async (signal: AbortSignal) => {
      attempts += 1;
      await new Promise((resolve) => setTimeout(resolve, 80));
      if (signal.aborted) throw new StoreUnavailableError('placeOrder', 'timeout');
      return { number: '10800' };
    };
    await expect(policy({ readAttemptTimeoutMs: 20 }).run('placeOrder', 'keyed-write', slowWrite)).resolves.toEqual({ number: '10800' });
    expect(attempts).toBe(1);
  });

  it('without a key gets one attempt', async () => {
    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      throw new StoreUnavailableError('createReturn', 'server-error', 503);
    };
    await expect(policy().run('createReturn', 'write', failing)).rejects.toMatchObject({ reason: 'server-error' });
    expect(attempts).toBe(1);
  });
});

describe('the default circuit breaker', () => {
  /** One call per scripted answer, one after the other, with no retries: each attempt is one call. */
  async function callInTurn(run: ReturnType<typeof policy>, answers: readonly ('hang' | string)[]) {
    const store = scripted(answers);
    const outcomes: string[] = [];
    for (let call = 0; call < answers.length; call++) {
      outcomes.push(
        await run.run(OPERATION, 'read', store.attempt).then(
          (value) => `answered ${String(value)}`,
          (error: StoreUnavailableError) => error.reason,
        ),
      );
    }
    return { outcomes, reached: store.count() };
  }

  const HALF_HANGING = Array.from({ length: 4 }, (_, round) => [...Array<'hang'>(5).fill('hang'), ...Array.from({ length: 5 }, (_, call) => `${round}.${call}`)]).flat();

  it('stays closed while half the attempts hang, even in runs of five: every call that could be answered is', async () => {
    const events: StoreCallEvent[] = [];
    const { outcomes, reached } = await callInTurn(policy({ retries: 0, readAttemptTimeoutMs: 15 }, events), HALF_HANGING);
    expect(reached).toBe(HALF_HANGING.length);
    expect(outcomes.filter((outcome) => outcome === 'timeout')).toHaveLength(20);
    expect(outcomes.filter((outcome) => outcome.startsWith('answered'))).toHaveLength(20);
    expect(events.filter((event) => event.kind === 'circuit-opened')).toEqual([]);
  });

  it('opens when the store is down: every attempt failing, then calls fail at once without reaching it', async () => {
    const events: StoreCallEvent[] = [];
    const run = policy({ retries: 0, readAttemptTimeoutMs: 15 }, events);
    const down = Array<'hang'>(12).fill('hang');
    const { outcomes, reached } = await callInTurn(run, [...down, 'never asked', 'never asked']);
    expect(events.map((event) => event.kind)).toEqual(['circuit-opened']);
    expect(outcomes.slice(-2)).toEqual(['circuit-open', 'circuit-open']);
    expect(reached).toBeLessThanOrEqual(down.length);
  });
});
