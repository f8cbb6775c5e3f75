import * as z from '../../zod-mini';
import type { Order } from '../../commerce/ports';
import type { Flow, FlowContext, ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { end, listen } from '../../core/replies';
import { intentOf, slotDigits, slotOf } from '../../core/turn';
import { echoesItem } from '../../speech/item-echo';
import { join, plainText, type Speech } from '../../speech/speech';
import { assistance, offerPerson } from '../assistance';
import { describeOrder, describeOrders } from './describe';
import { ordersWithItem } from './match-item';
import { ordersDisplay } from './order-rows';
import { type DaysFromToday, hasProblem, JUST_DELIVERED_DAYS, lastDelivered, ordersOnTheWay, progressOf } from './relevance';

/**
 * A listener decides within about eight seconds, and one order takes most of that: each answer
 * reads one order (the first leads with the count and the order that matters most), then offers the rest.
 */
const ORDERS_PER_PAGE = 1;
/** How far back "where is my order" looks. */
const HISTORY_DAYS = 180;
const HISTORY_LIMIT = 100;

const MORE_STEP = 'offered-more';
const OrderNumbers = z.array(z.string().check(z.regex(/^\d{1,12}$/)));
/** `focus`: the order just described, which a follow-up ("when will it arrive?") is about. */
const MoreData = z.object({ remaining: OrderNumbers.check(z.maxLength(HISTORY_LIMIT)), focus: z._default(OrderNumbers.check(z.maxLength(ORDERS_PER_PAGE)), []) });

function daysFromToday(context: FlowContext): DaysFromToday {
  return (instant) => context.voice.daysBetween(context.now, instant);
}

async function recentOrders(context: ShopperContext): Promise<readonly Order[]> {
  const placedSince = new Date(context.now.getTime() - HISTORY_DAYS * 86_400_000);
  return context.commerce.orders.listForShopper(context.shopper.id, { placedSince, limit: HISTORY_LIMIT });
}

/**
 * The recent orders "where is my order" can be about: on the way, just delivered, the newest and
 * the one delivered last (the store may send more). A delivery counts as news for
 * JUST_DELIVERED_DAYS calendar days in the store's zone: two days more cover today's hours and a clock change.
 */
async function ordersThatMayMatter(context: ShopperContext): Promise<readonly Order[]> {
  const placedSince = new Date(context.now.getTime() - HISTORY_DAYS * 86_400_000);
  const openOrDeliveredSince = new Date(context.now.getTime() - (JUST_DELIVERED_DAYS + 2) * 86_400_000);
  return context.commerce.orders.listForShopper(context.shopper.id, { placedSince, limit: HISTORY_LIMIT, openOrDeliveredSince });
}

function card(context: FlowContext, speech: Speech) {
  return { title: context.voice.line('orderStatus.cardTitle'), text: plainText(speech) };
}

/** On a screen, the orders the answer is about, each with its state. */
function display(context: FlowContext, listed: readonly Order[]) {
  return context.turn.device.screen && listed.length > 0 ? ordersDisplay(context.voice, listed, daysFromToday(context)) : undefined;
}

/**
 * Finish an answer about these orders: offer a person when one has a delivery problem, otherwise
 * close the conversation. `listed`: what a screen shows, the orders described unless more were found.
 */
function conclude(context: FlowContext, speech: Speech, described: readonly Order[], listed: readonly Order[] = described): Reply {
  const troubled = described.find((order) => hasProblem(order, daysFromToday(context)));
  if (troubled) {
    const offer = offerPerson(context, join(speech, context.voice.say('orderStatus.problemOffer')), {
      reason: 'delivery-problem',
      orderNumber: troubled.number,
    });
    return { ...offer, card: card(context, speech), display: display(context, listed) };
  }
  return end(context.turn, speech, { card: card(context, speech), display: display(context, listed) });
}

/** The shopper heard the status of their orders: what they came for. */
const STATUS_GIVEN = { goal: 'order-status-given' } as const;

/** Read a page of orders, then offer the rest; a screen lists `listed` (the page and the rest, where they are at hand). */
function readPage(context: FlowContext, intro: Speech, page: readonly Order[], remaining: readonly string[], listed: readonly Order[] = page): Reply {
  const { voice, turn, now } = context;
  const speech = join(intro, describeOrders(voice, page, now, daysFromToday(context)));
  if (remaining.length === 0) return { ...conclude(context, speech, page, listed), achieved: STATUS_GIVEN };
  const focus = page.map((order) => order.number);
  const more = listen(turn, join(speech, voice.say('orderStatus.moreOffer', { count: remaining.length })), voice.say('orderStatus.moreReprompt'), {
    active: { flow: 'order-status', step: MORE_STEP, data: { remaining: [...remaining], focus } },
    card: card(context, speech),
    suggestions: [voice.line('suggestions.yes'), voice.line('suggestions.no')],
    display: display(context, listed),
  });
  return { ...more, achieved: STATUS_GIVEN };
}

async function answerForNumber(context: ShopperContext, orderNumber: string): Promise<Reply> {
  const { voice, turn, commerce, shopper, now } = context;
  const order = await commerce.orders.findForShopper(shopper.id, orderNumber);
  if (!order) {
    // Unknown and someone else's numbers get the same words: nothing about other accounts leaks.
    const speech = voice.say('orderStatus.notFound', { number: voice.digits(orderNumber) });
    return listen(turn, join(speech, voice.say('orderStatus.notFoundNext')), voice.say('orderStatus.notFoundNext'));
  }
  return { ...conclude(context, describeOrder(voice, order, now, daysFromToday(context)), [order]), achieved: STATUS_GIVEN };
}

async function answerForItem(context: ShopperContext, item: NonNullable<ReturnType<typeof slotOf>>): Promise<Reply> {
  const { voice, turn } = context;
  const matching = ordersWithItem(await recentOrders(context), item);
  if (matching.length === 0) {
    const speech = echoesItem(voice, item.spoken) ? voice.say('orderStatus.itemNotFound', { item: item.spoken }) : voice.say('orderStatus.itemNotFoundThat');
    return listen(turn, join(speech, voice.say('orderStatus.itemNotFoundNext')), voice.say('orderStatus.itemNotFoundNext'));
  }
  const onTheWay = ordersOnTheWay(matching, daysFromToday(context));
  // Nothing with that item on the way: the latest order with it (probably delivered) answers the question.
  const relevant = onTheWay.length > 0 ? onTheWay : matching.slice(0, 1);
  const page = relevant.slice(0, ORDERS_PER_PAGE);
  const remaining = relevant.slice(ORDERS_PER_PAGE).map((order) => order.number);
  const intro = relevant.length > 1 ? voice.say('orderStatus.itemMatches', { count: relevant.length, item: item.spoken }) : [];
  return readPage(context, intro, page, remaining, relevant);
}

async function answerOnTheWay(context: ShopperContext): Promise<Reply> {
  const { voice, turn, now } = context;
  const orders = await ordersThatMayMatter(context);
  if (orders.length === 0) return end(turn, voice.say('orderStatus.noOrders'));
  const onTheWay = ordersOnTheWay(orders, daysFromToday(context));
  if (onTheWay.length === 0) {
    const latest = lastDelivered(orders);
    const speech = latest
      ? join(
          voice.say('orderStatus.nothingOnTheWay'),
          voice.say('orderStatus.lastDelivered', {
            order: voice.digits(latest.order.number),
            day: voice.day(latest.deliveredAt, now),
          }),
        )
      : voice.say('orderStatus.nothingOnTheWay');
    // "Nothing on the way" is a status too.
    return { ...end(turn, speech), achieved: STATUS_GIVEN };
  }
  // Orders delivered in the last days are still news, but they are not "on the way".
  const moving = onTheWay.filter((order) => progressOf(order, daysFromToday(context)) !== 'just-delivered').length;
  const intro = moving > 0 ? voice.say('orderStatus.onTheWayCount', { count: moving }) : voice.say('orderStatus.nothingOnTheWay');
  const page = onTheWay.slice(0, ORDERS_PER_PAGE);
  return readPage(context, intro, page, onTheWay.slice(ORDERS_PER_PAGE).map((order) => order.number), onTheWay);
}

async function ordersNumbered(context: ShopperContext, numbers: readonly string[]): Promise<Order[]> {
  const found = await Promise.all(numbers.map((number) => context.commerce.orders.findForShopper(context.shopper.id, number)));
  return found.filter((order): order is Order => order !== undefined);
}

async function readMore(context: ShopperContext, remaining: readonly string[]): Promise<Reply> {
  const page = await ordersNumbered(context, remaining.slice(0, ORDERS_PER_PAGE));
  return readPage(context, [], page, remaining.slice(ORDERS_PER_PAGE));
}

/** Whether this turn asks about "it" rather than naming an order or an item: a follow-up. */
function isFollowUp(context: FlowContext): boolean {
  const item = slotOf(context.turn, 'item');
  return intentOf(context.turn) === 'OrderStatusIntent' && !slotDigits(slotOf(context.turn, 'orderNumber')) && !(item && item.spoken.trim() !== '');
}

/** "When will it arrive?" about the order just described: that order again, and nothing else. */
async function followUp(context: ShopperContext, focus: readonly string[]): Promise<Reply | undefined> {
  const [order] = await ordersNumbered(context, focus);
  if (!order) return undefined;
  return { ...conclude(context, describeOrder(context.voice, order, context.now, daysFromToday(context), 'by-items'), [order]), achieved: STATUS_GIVEN };
}

export const orderStatusFlow: Flow = {
  name: 'order-status',
  needsShopper: true,
  startsOn: ['OrderStatusIntent'],

  async start(context) {
    const orderNumber = slotDigits(slotOf(context.turn, 'orderNumber'));
    if (orderNumber) return answerForNumber(context, orderNumber);
    const item = slotOf(context.turn, 'item');
    if (item && item.spoken.trim().length > 0) return answerForItem(context, item);
    return answerOnTheWay(context);
  },

  async continue(context, active) {
    if (active.step !== MORE_STEP) return undefined;
    const intent = intentOf(context.turn);
    if (isFollowUp(context)) {
      const parsed = MoreData.safeParse(active.data);
      if (!parsed.success || !context.shopper) return undefined;
      return followUp({ ...context, shopper: context.shopper }, parsed.data.focus);
    }
    if (intent === 'NoIntent') return end(context.turn, context.voice.say('assistance.goodbye', { store: context.store.name }));
    if (intent !== 'YesIntent' && intent !== 'NextIntent') return undefined;
    if (!context.shopper) return assistance.linkAccount(context);
    const parsed = MoreData.safeParse(active.data);
    if (!parsed.success || parsed.data.remaining.length === 0) {
      return end(context.turn, context.voice.say('orderStatus.noMore'));
    }
    return readMore({ ...context, shopper: context.shopper }, parsed.data.remaining);
  },

  answers: { [MORE_STEP]: ['more'] },

  help(context, active) {
    const { voice, turn } = context;
    return listen(turn, voice.say('orderStatus.help'), voice.say('orderStatus.moreReprompt'), { active });
  },
};
