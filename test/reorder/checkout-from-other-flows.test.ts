import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import type { Flow, StoreProfile } from '../../lambda/core/flow';
import type { Reply } from '../../lambda/core/reply';
import { createRouter } from '../../lambda/core/router';
import { freshSessionState, type SessionState } from '../../lambda/core/session-state';
import type { TurnEvent } from '../../lambda/core/turn';
import { assistance, assistanceFlow } from '../../lambda/flows/assistance';
import { checkoutFlow } from '../../lambda/flows/checkout/checkout-flow';
import { startCheckout } from '../../lambda/flows/checkout/start-checkout';
import { plainText } from '../../lambda/speech/speech';

const NOW = new Date('2026-11-26T15:00:00Z');
const STORE: StoreProfile = { name: 'Northwind Outfitters', supportPhone: '18005550199', timeZone: 'America/New_York', followUpBusinessDays: 1 };

/** Stands in for product search: "order it" hands the product it just offered to checkout, with a size when one was said. */
const searchFlow: Flow = {
  name: 'discovery',
  needsShopper: false,
  startsOn: ['BuyIntent'],
  start: (context) =>
    startCheckout(context, {
      productId: 'merino-hiking-socks',
      quantity: 1,
      topic: 'product search',
      ...(context.turn.event.kind === 'intent' && context.turn.event.slots.ordinal ? {} : { variant: { size: 'M' } }),
    }),
};

let store: EmbeddedStore;
beforeEach(() => {
  store = openEmbeddedStore(':memory:', { now: NOW });
});
afterEach(() => store.close());

function converse(token: string | undefined) {
  const route = createRouter({
    flows: [assistanceFlow, checkoutFlow, searchFlow],
    assistance,
    commerce: store.commerce,
    store: STORE,
    verifyAccessToken: async (given) => (given === 'ben' ? { shopperId: 'shopper-ben' } : undefined),
    clock: () => NOW,
  });
  let state: SessionState = freshSessionState();
  return async (event: TurnEvent): Promise<Reply> => {
    const reply = await route({ platform: 'alexa', locale: 'en-US', event, state, accessToken: token, device: { screen: false }, requestId: 'r', sessionId: 's' });
    state = reply.state;
    return reply;
  };
}

describe('checkout as a step other flows hand off to', () => {
  it('confirms and places what another flow chose, without any purchase history', async () => {
    const say = converse('ben');
    const confirm = await say({ kind: 'intent', intent: 'BuyIntent', slots: {} });
    expect(plainText(confirm.speech)).toBe(
      "Shall I order the merino hiking socks in size M from Northwind Outfitters to Austin, for 24 dollars 48 including 1 dollar 49 tax and 4 dollars 99 delivery?",
    );
    const done = await say({ kind: 'intent', intent: 'YesIntent', slots: {} });
    expect(plainText(done.speech)).toMatch(/^Done! Your order number is 10743, and it should arrive on Sunday\.$/);
    const order = await store.commerce.orders.findForShopper('shopper-ben', '10743');
    expect(order?.lines).toEqual([expect.objectContaining({ productId: 'merino-hiking-socks', quantity: 1, variant: { size: 'M' } })]);
  });

  it('asks for the size of an item that comes in several before confirming it', async () => {
    const say = converse('ben');
    const which = await say({ kind: 'intent', intent: 'BuyIntent', slots: { ordinal: { spoken: 'first', id: 'first' } } });
    expect(plainText(which.speech)).toBe('Which size of merino hiking socks would you like? Sizes go from S to XL.');
    const bigger = await say({ kind: 'intent', intent: 'ChangeSizeIntent', slots: { size: { spoken: 'bigger', id: 'bigger' } } });
    expect(plainText(bigger.speech)).toBe('I need the size itself, for example, medium, or size ten. Which size of merino hiking socks would you like? Sizes go from S to XL.');
    const missing = await say({ kind: 'intent', intent: 'QuantityIntent', slots: { quantity: { spoken: '10' } } });
    expect(plainText(missing.speech)).toMatch(/^There's no size 10 of merino hiking socks\. It comes in M, L, or XL\. Which size/);
    const large = await say({ kind: 'intent', intent: 'ChangeSizeIntent', slots: { size: { spoken: 'large', id: 'large' } } });
    expect(plainText(large.speech)).toMatch(/^Shall I order the merino hiking socks in size L from Northwind Outfitters to /);
  });

  it('asks a shopper who has not linked an account to link it', async () => {
    const reply = await converse(undefined)({ kind: 'intent', intent: 'BuyIntent', slots: {} });
    expect(reply.next).toBe('link-account');
  });
});
