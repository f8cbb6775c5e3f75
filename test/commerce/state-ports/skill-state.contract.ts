import type { CheckoutClaim, ConversationTurn, HandoffRequest, PinAttempt, PinCheck, SkillState, TurnEvent } from '../../../lambda/commerce/ports';
import { TRANSCRIPT_TURNS } from '../../../lambda/commerce/ports';

/**
 * What every adapter of the skill's own state must do, whatever it keeps it in. Each adapter's test
 * file runs this suite with a factory that opens a fresh, empty state.
 */

export interface StateUnderTestOptions {
  readonly clock: () => Date;
  readonly drawReference?: () => string;
}

export interface StateUnderTest {
  readonly state: SkillState;
  /** Gives a shopper a purchase PIN, as the pin tool does. */
  setPin(shopperId: string, pin: string): Promise<void>;
  close(): Promise<void>;
}

export type StateFactory = (options: StateUnderTestOptions) => Promise<StateUnderTest>;

const NOW = new Date('2026-11-26T15:00:00Z');
const MINUTE = 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

const handoff = (overrides: Partial<HandoffRequest> = {}): HandoffRequest => ({
  shopperId: 'shopper-cleo',
  reason: 'delivery-problem',
  summary: 'Order 10694: the carrier needs address information.',
  orderNumber: '10694',
  locale: 'en-US',
  platform: 'alexa',
  idempotencyKey: 'alexa:session-1:turn-3',
  ...overrides,
});

const turn = (heard: string, overrides: Partial<ConversationTurn> = {}): ConversationTurn => ({ at: NOW, heard, slots: {}, ...overrides });

const turnEvent = (overrides: Partial<TurnEvent> = {}): TurnEvent => ({
  at: NOW,
  conversationId: 'alexa:session-1',
  platform: 'alexa',
  locale: 'en-US',
  intent: 'OrderStatusIntent',
  outcome: 'answered',
  latencyMs: 12,
  ...overrides,
});

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AVA = 'a'.repeat(64);
const BEN = 'b'.repeat(64);

const PIN = '7391';
const LOCKOUT_MS = 30 * MINUTE;

export function describeSkillStateContract(adapter: string, open: StateFactory): void {
  describe(`the skill's own state on ${adapter}`, () => {
    let now: Date;
    let opened: StateUnderTest;
    let draws: string[] | undefined;
    const state = () => opened.state;

    beforeEach(async () => {
      now = NOW;
      draws = undefined;
      opened = await open({
        clock: () => now,
        drawReference: () => {
          if (draws === undefined) return String(100_000 + Math.floor(Math.random() * 900_000));
          return draws.shift() ?? '999999';
        },
      });
    });
    afterEach(() => opened.close());

    describe('handoffs', () => {
      it('files a ticket with a six-digit reference, filed now', async () => {
        const ticket = await state().handoffs.file(handoff());
        expect(ticket.reference).toMatch(/^[1-9]\d{5}$/);
        expect(ticket.createdAt).toEqual(NOW);
      });

      it('gives the same key the same ticket, and queues it once', async () => {
        const first = await state().handoffs.file(handoff());
        now = later(MINUTE);
        expect(await state().handoffs.file(handoff({ summary: 'a retried request' }))).toEqual(first);
        const queued = await state().handoffOutbox.due(later(MINUTE), 10);
        expect(queued.map((each) => each.ticket.reference)).toEqual([first.reference]);
        expect(queued[0]?.ticket.summary).toBe(handoff().summary);
      });

      it('files one ticket for many concurrent requests with the same key', async () => {
        const tickets = await Promise.all(Array.from({ length: 8 }, () => state().handoffs.file(handoff())));
        expect(new Set(tickets.map((ticket) => ticket.reference)).size).toBe(1);
        expect(tickets.every((ticket) => ticket.createdAt.getTime() === NOW.getTime())).toBe(true);
        const queued = await state().handoffOutbox.due(NOW, 20);
        expect(queued.map((each) => each.ticket.reference)).toEqual([tickets[0]?.reference]);
      });

      it('gives different keys different references', async () => {
        const tickets = await Promise.all(Array.from({ length: 30 }, (_, i) => state().handoffs.file(handoff({ idempotencyKey: `key-${i}` }))));
        expect(new Set(tickets.map((ticket) => ticket.reference)).size).toBe(30);
        expect(await state().handoffOutbox.due(NOW, 50)).toHaveLength(30);
      });

      it('draws again when a reference is already taken', async () => {
        draws = ['482913', '482913', '482913', '730155'];
        const first = await state().handoffs.file(handoff({ idempotencyKey: 'a' }));
        const second = await state().handoffs.file(handoff({ idempotencyKey: 'b' }));
        expect([first.reference, second.reference]).toEqual(['482913', '730155']);
      });

      it('gives up cleanly, filing nothing, when no free reference can be drawn', async () => {
        draws = [];
        await state().handoffs.file(handoff({ idempotencyKey: 'a' }));
        await expect(state().handoffs.file(handoff({ idempotencyKey: 'b' }))).rejects.toThrow(/free handoff reference/);
        expect(await state().handoffOutbox.due(NOW, 10)).toHaveLength(1);
      });

      it('files for a shopper who has not linked an account', async () => {
        const ticket = await state().handoffs.file(
          handoff({ shopperId: undefined, orderNumber: undefined, reason: 'not-understood', idempotencyKey: 'guest' }),
        );
        const [queued] = await state().handoffOutbox.due(NOW, 10);
        expect(queued?.ticket).toEqual({
          reference: ticket.reference,
          createdAt: NOW,
          reason: 'not-understood',
          summary: handoff().summary,
          locale: 'en-US',
          platform: 'alexa',
        });
        expect(queued?.ticket).not.toHaveProperty('shopperId');
        expect(queued?.ticket).not.toHaveProperty('orderNumber');
      });

      it('refuses a request without an idempotency key', async () => {
        await expect(state().handoffs.file(handoff({ idempotencyKey: ' ' }))).rejects.toThrow(/idempotency key/);
        expect(await state().handoffOutbox.nextDue()).toBeUndefined();
      });
    });

    describe('the handoff outbox', () => {
      const context: Partial<HandoffRequest> = {
        shopper: { id: 'shopper-cleo', name: 'Cleo Nguyen', email: 'cleo@example.com' },
        item: { lineId: '10694-1', name: 'Hand-Tufted Wool Area Rug', sku: 'HOM-1001', quantity: 1 },
        tried: ['Told the shopper the carrier needs address information.'],
        transcript: [
          { at: NOW, heard: 'OrderStatusIntent', slots: { item: { spoken: 'the rug', id: 'home' } }, said: 'Your rug has a delivery problem.' },
          { at: later(1_000), heard: 'HandoffIntent', slots: {} },
        ],
      };

      it('queues every new ticket with all it carries, due at once, until it is marked delivered', async () => {
        const ticket = await state().handoffs.file(handoff(context));
        const outbox = state().handoffOutbox;
        expect(await outbox.nextDue()).toEqual(NOW);
        expect(await outbox.due(later(-1), 10)).toEqual([]);
        const { idempotencyKey: _key, ...filed } = handoff(context);
        expect(await outbox.due(NOW, 10)).toEqual([{ attempts: 0, ticket: { reference: ticket.reference, createdAt: NOW, ...filed } }]);

        const retryAt = later(MINUTE);
        await outbox.markFailed(ticket.reference, 'HTTP 503', retryAt);
        expect(await outbox.due(NOW, 10)).toEqual([]);
        expect(await outbox.nextDue()).toEqual(retryAt);
        expect((await outbox.due(retryAt, 10))[0]?.attempts).toBe(1);

        await outbox.markDelivered(ticket.reference, retryAt);
        expect(await outbox.due(later(86_400_000), 10)).toEqual([]);
        expect(await outbox.nextDue()).toBeUndefined();
      });

      it('hands out what is due oldest first, at most `limit`, and a failed ticket waits for its retry', async () => {
        const references: string[] = [];
        for (let i = 0; i < 4; i += 1) {
          now = later(i * MINUTE);
          references.push((await state().handoffs.file(handoff({ idempotencyKey: `key-${i}` }))).reference);
        }
        const [first, second, third, fourth] = references;
        const outbox = state().handoffOutbox;
        const due = async (at: Date, limit = 10) => (await outbox.due(at, limit)).map((each) => each.ticket.reference);

        expect(await due(later(2 * MINUTE))).toEqual([first, second, third]);
        expect(await due(later(10 * MINUTE), 2)).toEqual([first, second]);
        expect(await due(later(10 * MINUTE), 0)).toEqual([]);

        await outbox.markFailed(first!, 'HTTP 500', later(5 * MINUTE));
        expect(await due(later(4 * MINUTE))).toEqual([second, third, fourth]);
        expect(await due(later(5 * MINUTE))).toEqual([second, third, fourth, first]);
        expect(await outbox.nextDue()).toEqual(later(MINUTE));

        await outbox.markDelivered(second!, later(5 * MINUTE));
        await outbox.markDelivered(third!, later(5 * MINUTE));
        await outbox.markDelivered(fourth!, later(5 * MINUTE));
        expect(await outbox.nextDue()).toEqual(later(5 * MINUTE));
        expect(await outbox.due(later(5 * MINUTE), 10)).toEqual([expect.objectContaining({ attempts: 1 })]);
      });

      it('keeps no card number, phone number, address or PIN in what was tried or the transcript; the shopper keeps their contact details', async () => {
        const shopper = { id: 'shopper-cleo', name: 'Cleo Nguyen', email: 'cleo@example.com' };
        await state().handoffs.file(
          handoff({
            shopper,
            tried: ['Shopper asked to return something: item "the one for 303 555 0142".'],
            transcript: [
              { at: NOW, heard: 'FindProductIntent', slots: { query: { spoken: 'pay with 4111 1111 1111 1111' } }, said: 'Nothing matched.' },
              { at: later(1_000), heard: 'QuantityIntent', slots: { quantity: { spoken: 'seven three nine one', id: '7391' } }, said: 'I made it 20.' },
              { at: later(2_000), heard: 'ReturnItemIntent', slots: { reason: { spoken: 'send it to 2418 Larimer Street' } }, said: "I couldn't find 2418 Larimer Street in your orders." },
            ],
          }),
        );
        const [queued] = await state().handoffOutbox.due(NOW, 10);
        expect(queued?.ticket).toMatchObject({
          shopper,
          orderNumber: '10694',
          summary: handoff().summary,
          tried: ['Shopper asked to return something: item "the one for [phone]".'],
          transcript: [
            { at: NOW, heard: 'FindProductIntent', slots: { query: { spoken: 'pay with [card]' } }, said: 'Nothing matched.' },
            { at: later(1_000), heard: 'QuantityIntent', slots: { quantity: { spoken: '[number]', id: '[number]' } }, said: 'I made it 20.' },
            { at: later(2_000), heard: 'ReturnItemIntent', slots: { reason: { spoken: 'send it to [address]' } }, said: "I couldn't find [address] in your orders." },
          ],
        });
      });

      it('keeps a delivered ticket delivered, and ignores references it does not know', async () => {
        const ticket = await state().handoffs.file(handoff());
        const outbox = state().handoffOutbox;
        await outbox.markDelivered(ticket.reference, NOW);
        await outbox.markFailed(ticket.reference, 'HTTP 500', later(MINUTE));
        await outbox.markDelivered(ticket.reference, later(MINUTE));
        await outbox.markFailed('123456', 'HTTP 500', later(MINUTE));
        await outbox.markDelivered('654321', later(MINUTE));
        expect(await outbox.nextDue()).toBeUndefined();
        expect(await outbox.due(later(86_400_000), 10)).toEqual([]);
      });
    });

    describe('the conversation log', () => {
      it('gives a conversation its own turns back, oldest first, with what was heard and said', async () => {
        const log = state().conversations;
        await log.append('alexa:one', turn('LaunchRequest', { said: 'Welcome back.' }));
        await log.append('alexa:two', turn('HelpIntent', { said: 'I can help with orders.' }));
        await log.append('alexa:one', turn('OrderStatusIntent', { at: later(1_000), slots: { item: { spoken: 'the running shoes', id: 'shoes' } }, said: 'It is on its way.' }));
        await log.append('alexa:one', turn('HandoffIntent', { at: later(2_000) }));

        expect(await log.turns('alexa:one')).toEqual([
          { at: NOW, heard: 'LaunchRequest', slots: {}, said: 'Welcome back.' },
          { at: later(1_000), heard: 'OrderStatusIntent', slots: { item: { spoken: 'the running shoes', id: 'shoes' } }, said: 'It is on its way.' },
          { at: later(2_000), heard: 'HandoffIntent', slots: {} },
        ]);
        expect(await log.turns('alexa:two')).toEqual([{ at: NOW, heard: 'HelpIntent', slots: {}, said: 'I can help with orders.' }]);
        expect(await log.turns('alexa:nobody')).toEqual([]);
      });

      it('keeps no card number, phone number, address or PIN, in what was heard or what was said back', async () => {
        const log = state().conversations;
        await log.append('google:secrets', turn('FindProductIntent', { slots: { query: { spoken: 'a wallet for 4111 1111 1111 1111' } }, said: 'Nothing for 4111 1111 1111 1111.' }));
        await log.append('google:secrets', turn('QuantityIntent', { at: later(1_000), slots: { quantity: { spoken: '7391', id: '7391' } } }));
        await log.append('google:secrets', turn('ReturnItemIntent', { at: later(2_000), slots: { item: { spoken: 'call 303 555 0142' }, reason: { spoken: 'to 2418 Larimer Street' } } }));
        expect(await log.turns('google:secrets')).toEqual([
          { at: NOW, heard: 'FindProductIntent', slots: { query: { spoken: 'a wallet for [card]' } }, said: 'Nothing for [card].' },
          { at: later(1_000), heard: 'QuantityIntent', slots: { quantity: { spoken: '[number]', id: '[number]' } } },
          { at: later(2_000), heard: 'ReturnItemIntent', slots: { item: { spoken: 'call [phone]' }, reason: { spoken: 'to [address]' } } },
        ]);
      });

      it('keeps the order of turns logged within the same millisecond', async () => {
        const log = state().conversations;
        for (let i = 0; i < 12; i += 1) await log.append('google:same-time', turn(`Intent${i}`));
        expect((await log.turns('google:same-time')).map((each) => each.heard)).toEqual(Array.from({ length: 12 }, (_, i) => `Intent${i}`));
      });

      it(`carries only the latest ${TRANSCRIPT_TURNS} turns of a long conversation`, async () => {
        const log = state().conversations;
        const total = TRANSCRIPT_TURNS + 7;
        for (let i = 0; i < total; i += 1) await log.append('alexa:long', turn(`Intent${i}`, { at: later(i * 1_000) }));
        const turns = await log.turns('alexa:long');
        expect(turns).toHaveLength(TRANSCRIPT_TURNS);
        expect(turns[0]?.heard).toBe('Intent7');
        expect(turns.at(-1)?.heard).toBe(`Intent${total - 1}`);
      });

      it('bounds what it keeps of a very long answer', async () => {
        const log = state().conversations;
        await log.append('alexa:wordy', turn('HelpIntent', { said: 'word '.repeat(1_000), slots: { item: { spoken: 'x'.repeat(500) } } }));
        const [kept] = await log.turns('alexa:wordy');
        expect(kept?.said).toHaveLength(2_000);
        expect(kept?.slots.item?.spoken).toHaveLength(200);
      });
    });

    describe('purchase PINs', () => {
      const attempt = (pin: string, overrides: Partial<PinAttempt> = {}): PinAttempt => ({ shopperId: 'shopper-ava', pin, at: NOW, lockoutMs: LOCKOUT_MS, ...overrides });
      beforeEach(() => opened.setPin('shopper-ava', PIN));

      it('knows a shopper without a PIN', async () => {
        expect(await state().purchasePins.status('shopper-nobody', NOW)).toEqual({ kind: 'not-set' });
        expect(await state().purchasePins.check(attempt(PIN, { shopperId: 'shopper-nobody' }))).toEqual({ kind: 'not-set' });
      });

      it('accepts the right PIN and counts wrong ones down; a right one clears the wrong ones before it', async () => {
        const pins = state().purchasePins;
        expect(await pins.status('shopper-ava', NOW)).toEqual({ kind: 'ready' });
        expect(await pins.check(attempt('1234'))).toEqual({ kind: 'wrong', triesLeft: 2 });
        expect(await pins.check(attempt('4321'))).toEqual({ kind: 'wrong', triesLeft: 1 });
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'accepted' });
        expect(await pins.check(attempt('1234'))).toEqual({ kind: 'wrong', triesLeft: 2 });
      });

      it('counts the same wrong PIN said again at once (a platform retry) once, however concurrently', async () => {
        const pins = state().purchasePins;
        const retried = attempt('1111');
        expect(await pins.check(retried)).toEqual({ kind: 'wrong', triesLeft: 2 });
        expect(await pins.check(retried)).toEqual({ kind: 'wrong', triesLeft: 2 });
        const again = attempt('2222');
        expect(await Promise.all([pins.check(again), pins.check(again), pins.check(again)])).toEqual(
          Array.from({ length: 3 }, () => ({ kind: 'wrong', triesLeft: 1 })),
        );
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'accepted' });
      });

      it('counts every new wrong PIN per shopper, whatever asks: an earlier wrong PIN again counts too', async () => {
        const pins = state().purchasePins;
        expect(await pins.check(attempt('1111'))).toEqual({ kind: 'wrong', triesLeft: 2 });
        expect(await pins.check(attempt('2222'))).toEqual({ kind: 'wrong', triesLeft: 1 });
        const until = later(LOCKOUT_MS);
        expect(await pins.check(attempt('1111'))).toEqual({ kind: 'locked', until });
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'locked', until });
        // Another shopper's tries are their own.
        await opened.setPin('shopper-ben', PIN);
        expect(await pins.check(attempt('1111', { shopperId: 'shopper-ben' }))).toEqual({ kind: 'wrong', triesLeft: 2 });
      });

      it('locks after three of 300 different wrong PINs, and the right one is refused until the lock runs out', async () => {
        const pins = state().purchasePins;
        const outcomes: PinCheck[] = [];
        for (let guess = 0; guess < 300; guess += 1) {
          const pin = String(guess).padStart(4, '0');
          if (pin !== PIN) outcomes.push(await pins.check(attempt(pin)));
        }
        const until = later(LOCKOUT_MS);
        expect(outcomes.slice(0, 3)).toEqual([{ kind: 'wrong', triesLeft: 2 }, { kind: 'wrong', triesLeft: 1 }, { kind: 'locked', until }]);
        expect(outcomes.slice(3).every((outcome) => outcome.kind === 'locked')).toBe(true);
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'locked', until });
      });

      it('counts every one of several different wrong PINs checked at once', async () => {
        const pins = state().purchasePins;
        const outcomes = await Promise.all([attempt('1111'), attempt('2222'), attempt('3333')].map((each) => pins.check(each)));
        expect(outcomes.filter((outcome) => outcome.kind === 'locked')).toEqual([{ kind: 'locked', until: later(LOCKOUT_MS) }]);
        expect(outcomes.filter((outcome) => outcome.kind === 'wrong')).toEqual(
          expect.arrayContaining([
            { kind: 'wrong', triesLeft: 2 },
            { kind: 'wrong', triesLeft: 1 },
          ]),
        );
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'locked', until: later(LOCKOUT_MS) });
      });

      it('locks after the third wrong PIN in a row, even against the right one, and a lock that runs out gives fresh tries', async () => {
        const pins = state().purchasePins;
        await pins.check(attempt('1111'));
        await pins.check(attempt('2222'));
        const until = later(LOCKOUT_MS);
        expect(await pins.check(attempt('3333'))).toEqual({ kind: 'locked', until });
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'locked', until });
        expect(await pins.status('shopper-ava', later(LOCKOUT_MS - 1))).toEqual({ kind: 'locked', until });

        expect(await pins.status('shopper-ava', until)).toEqual({ kind: 'ready' });
        const after = later(LOCKOUT_MS + 1);
        expect(await pins.check(attempt('1111', { at: after }))).toEqual({ kind: 'wrong', triesLeft: 2 });
        expect(await pins.check(attempt('2222', { at: after }))).toEqual({ kind: 'wrong', triesLeft: 1 });
        expect(await pins.check(attempt(PIN, { at: after }))).toEqual({ kind: 'accepted' });
      });

      it('takes a new PIN in place of the old one, with a clean slate', async () => {
        const pins = state().purchasePins;
        for (const pin of ['1111', '2222', '3333']) await pins.check(attempt(pin));
        await opened.setPin('shopper-ava', '2468');
        expect(await pins.status('shopper-ava', NOW)).toEqual({ kind: 'ready' });
        expect(await pins.check(attempt(PIN))).toEqual({ kind: 'wrong', triesLeft: 2 });
        expect(await pins.check(attempt('2468'))).toEqual({ kind: 'accepted' });
      });
    });

    describe('checkout claims', () => {
      const WINDOW = 10 * MINUTE;
      const claim = (key: string, overrides: Partial<CheckoutClaim> = {}): CheckoutClaim => ({
        shopperId: 'shopper-ava',
        basket: 'basket-coffee-2',
        key,
        at: NOW,
        windowMs: WINDOW,
        ...overrides,
      });

      it('answers the first key to the same basket claimed again within the window, and its own key after it', async () => {
        const claims = state().checkoutClaims;
        expect(await claims.claim(claim('kitchen'))).toBe('kitchen');
        expect(await claims.claim(claim('kitchen'))).toBe('kitchen');
        expect(await claims.claim(claim('bedroom', { at: later(WINDOW - 1) }))).toBe('kitchen');
        expect(await claims.claim(claim('bedroom', { at: later(WINDOW) }))).toBe('bedroom');
        expect(await claims.claim(claim('office', { at: later(WINDOW + MINUTE) }))).toBe('bedroom');
      });

      it('keeps claims of other shoppers and other baskets apart', async () => {
        const claims = state().checkoutClaims;
        expect(await claims.claim(claim('ava-coffee'))).toBe('ava-coffee');
        expect(await claims.claim(claim('ben-coffee', { shopperId: 'shopper-ben' }))).toBe('ben-coffee');
        expect(await claims.claim(claim('ava-socks', { basket: 'basket-socks-1' }))).toBe('ava-socks');
        expect(await claims.claim(claim('ava-coffee-again'))).toBe('ava-coffee');
      });

      it('gives every one of many devices claiming at once the same single key', async () => {
        const claims = state().checkoutClaims;
        const keys = Array.from({ length: 10 }, (_, i) => `device-${i}`);
        const answers = await Promise.all(keys.map((key) => claims.claim(claim(key))));
        expect(new Set(answers).size).toBe(1);
        expect(keys).toContain(answers[0]);
      });
    });

    describe('turn events', () => {
      it('gives back every field of an event as recorded', async () => {
        const events = state().turnEvents;
        const full = turnEvent({
          conversationId: 'google:session-9',
          platform: 'google',
          locale: 'de-DE',
          intent: 'PinIntent',
          flow: 'checkout',
          step: 'confirm',
          outcome: 'resolved',
          goal: 'order-placed',
          orderValue: { minor: 4_599, currency: 'EUR' },
          latencyMs: 87,
          shopperHash: AVA,
          utterance: 'order the [number] one',
        });
        const bare = turnEvent({ at: later(1), intent: 'launch', outcome: 'asked' });
        await events.record(full);
        await events.record(bare);
        expect(await events.list({ since: NOW })).toEqual([full, bare]);
      });

      it('lists a window oldest first, across days, from `since` included to `until` excluded', async () => {
        const events = state().turnEvents;
        // Recorded out of order, over three UTC days (NOW is 15:00 UTC).
        const times = [later(-2 * DAY), later(10 * HOUR), later(-16 * HOUR), later(-DAY), later(0), later(9 * HOUR + 1), later(-15 * HOUR - 1)];
        for (const [index, at] of times.entries()) await events.record(turnEvent({ at, conversationId: `alexa:c${index}` }));

        const all = await events.list({ since: later(-3 * DAY) });
        expect(all.map((event) => event.at.getTime())).toEqual(times.map((at) => at.getTime()).sort((a, b) => a - b));

        const window = await events.list({ since: later(-DAY), until: later(10 * HOUR) });
        expect(window.map((event) => event.conversationId)).toEqual(['alexa:c3', 'alexa:c2', 'alexa:c6', 'alexa:c4', 'alexa:c5']);
        expect(await events.list({ since: later(11 * HOUR) })).toEqual([]);
        expect(await events.list({ since: NOW, until: NOW })).toEqual([]);
      });

      it('keeps every event of the same millisecond', async () => {
        const events = state().turnEvents;
        await Promise.all(Array.from({ length: 15 }, (_, i) => events.record(turnEvent({ conversationId: `alexa:same-${i}` }))));
        const listed = await events.list({ since: NOW, until: later(1) });
        expect(listed.map((event) => event.conversationId).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `alexa:same-${i}`).sort());
      });

      it('purges events older than an instant and says how many', async () => {
        const events = state().turnEvents;
        for (const at of [later(-10 * DAY), later(-8 * DAY), later(-7 * DAY - 1), later(-7 * DAY), later(-HOUR)]) await events.record(turnEvent({ at }));
        expect(await events.purgeBefore(later(-7 * DAY))).toBe(3);
        expect(await events.purgeBefore(later(-7 * DAY))).toBe(0);
        expect((await events.list({ since: later(-30 * DAY) })).map((event) => event.at)).toEqual([later(-7 * DAY), later(-HOUR)]);
      });

      it('forgets one shopper’s events only, wherever they are in time', async () => {
        const events = state().turnEvents;
        await events.record(turnEvent({ at: later(-3 * DAY), shopperHash: AVA, conversationId: 'alexa:ava-1' }));
        await events.record(turnEvent({ at: later(-2 * DAY), shopperHash: BEN, conversationId: 'alexa:ben-1' }));
        await events.record(turnEvent({ at: later(-DAY), conversationId: 'alexa:guest' }));
        await events.record(turnEvent({ at: NOW, shopperHash: AVA, conversationId: 'alexa:ava-2' }));
        await events.record(turnEvent({ at: later(1), shopperHash: AVA, conversationId: 'alexa:ava-2' }));

        expect(await events.forgetShopper(AVA)).toBe(3);
        expect(await events.forgetShopper(AVA)).toBe(0);
        expect(await events.forgetShopper('c'.repeat(64))).toBe(0);
        expect((await events.list({ since: later(-30 * DAY) })).map((event) => event.conversationId)).toEqual(['alexa:ben-1', 'alexa:guest']);
      });
    });
  });
}
