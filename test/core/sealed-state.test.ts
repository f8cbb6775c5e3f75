import { createSessionStateSeal, MIN_SESSION_STATE_SECRET_LENGTH, type StateBinding, type StateRejection } from '../../lambda/core/sealed-state';
import { readSessionState, type SessionState } from '../../lambda/core/session-state';

const SECRET = 'unit-test-session-state-secret-0123456789';
const CONVERSATION: StateBinding = { platform: 'alexa', sessionId: 'amzn1.echo-api.session.one' };
const STATE: SessionState = {
  v: 1,
  misunderstood: 1,
  active: { flow: 'returns', step: 'confirm-return', data: { chosen: { order: '10581', line: '10581-2', name: 'Trailblazer', sku: 'TB-1', bought: 1 }, quantity: 1, note: 'ünïcödé "quoted"' } },
};

function sealWithLog() {
  const rejected: [StateRejection, StateBinding][] = [];
  const seal = createSessionStateSeal({ secret: SECRET, onRejected: (rejection, binding) => rejected.push([rejection, binding]) });
  return { seal, rejected };
}

/** What the platform sends back: JSON, as it travelled. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('sealed session state', () => {
  it('opens what it sealed for the same conversation, after the trip through the platform', () => {
    const { seal, rejected } = sealWithLog();
    const carried = overTheWire(seal.seal(STATE, CONVERSATION));
    expect(carried.mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readSessionState(seal.open(carried, CONVERSATION))).toEqual(STATE);
    expect(rejected).toEqual([]);
  });

  it('does not mind the platform giving the keys back in another order', () => {
    const { seal, rejected } = sealWithLog();
    const { state, mac } = overTheWire(seal.seal(STATE, CONVERSATION));
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)]))
          : value;
    expect(JSON.stringify(reversed(state))).not.toBe(JSON.stringify(state));
    expect(seal.open({ mac, state: reversed(state) }, CONVERSATION)).toEqual(state);
    expect(rejected).toEqual([]);
  });

  it('treats nothing carried as a fresh start, without a warning', () => {
    const { seal, rejected } = sealWithLog();
    expect(seal.open(undefined, CONVERSATION)).toBeUndefined();
    expect(seal.open(null, CONVERSATION)).toBeUndefined();
    expect(rejected).toEqual([]);
  });

  it('drops a state with any byte changed, and says why once', () => {
    const { seal, rejected } = sealWithLog();
    const carried = overTheWire(seal.seal(STATE, CONVERSATION));
    const changed = JSON.parse(JSON.stringify(carried).replace('"quantity":1', '"quantity":9')) as unknown;
    expect(seal.open(changed, CONVERSATION)).toBeUndefined();
    const flipped = { ...carried, mac: `${carried.mac.slice(0, -1)}${carried.mac.endsWith('A') ? 'B' : 'A'}` };
    expect(seal.open(flipped, CONVERSATION)).toBeUndefined();
    expect(rejected).toEqual([
      ['bad-seal', CONVERSATION],
      ['bad-seal', CONVERSATION],
    ]);
  });

  it('drops a state replayed into another conversation, or onto the other platform', () => {
    const { seal, rejected } = sealWithLog();
    const carried = overTheWire(seal.seal(STATE, CONVERSATION));
    expect(seal.open(carried, { platform: 'alexa', sessionId: 'amzn1.echo-api.session.two' })).toBeUndefined();
    expect(seal.open(carried, { platform: 'google', sessionId: CONVERSATION.sessionId })).toBeUndefined();
    expect(rejected.map(([rejection]) => rejection)).toEqual(['bad-seal', 'bad-seal']);
  });

  it('drops a state sealed under another secret', () => {
    const { seal, rejected } = sealWithLog();
    const other = createSessionStateSeal({ secret: 'another-deployments-secret-0123456789abcdef' });
    expect(seal.open(overTheWire(other.seal(STATE, CONVERSATION)), CONVERSATION)).toBeUndefined();
    expect(rejected.map(([rejection]) => rejection)).toEqual(['bad-seal']);
  });

  it('drops unsealed state in any shape: bare, without a MAC, with a MAC that is no MAC', () => {
    const { seal, rejected } = sealWithLog();
    const sealed = overTheWire(seal.seal(STATE, CONVERSATION));
    const attempts: unknown[] = [STATE, { state: STATE }, { state: STATE, mac: 42 }, { state: STATE, mac: '' }, { state: STATE, mac: 'not base64!' }, 'text', 7];
    for (const attempt of attempts) expect(seal.open(attempt, CONVERSATION)).toBeUndefined();
    expect(seal.open({ state: STATE, mac: sealed.mac.slice(0, 20) }, CONVERSATION)).toBeUndefined();
    expect(rejected.map(([rejection]) => rejection)).toEqual([...attempts.map(() => 'unsealed'), 'bad-seal']);
  });

  it('does not walk a state nested far deeper than any it writes', () => {
    const { seal, rejected } = sealWithLog();
    let deep: unknown = {};
    for (let level = 0; level < 10_000; level += 1) deep = { deep };
    expect(seal.open({ state: deep, mac: 'A'.repeat(43) }, CONVERSATION)).toBeUndefined();
    expect(rejected.map(([rejection]) => rejection)).toEqual(['too-deep']);
  });

  it('refuses a secret shorter than the minimum', () => {
    expect(() => createSessionStateSeal({ secret: 'x'.repeat(MIN_SESSION_STATE_SECRET_LENGTH - 1) })).toThrow(/at least 32 characters/);
  });
});
