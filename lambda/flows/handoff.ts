import * as z from '../zod-mini';
import { isStoreError } from '../commerce/commerce-errors';
import type { ConversationTurn, HandoffItem, HandoffReason, Order } from '../commerce/ports';
import type { FlowContext, HandoffFacts, ShopperContext } from '../core/flow';
import type { FiledTicket, Reply } from '../core/reply';
import { end } from '../core/replies';
import { loggableSlots } from '../core/loggable-slots';
import { conversationIdOf } from '../core/turn';
import { join, plainText, type Speech } from '../speech/speech';

const HANDOFF_REASONS = [
  'shopper-asked',
  'not-understood',
  'delivery-problem',
  'flow-dead-end',
  'damaged-item',
  'dispute',
  'policy-exception',
  'shopper-upset',
  'repeated-failure',
  'return-not-eligible',
  'item-not-found',
] as const satisfies readonly HandoffReason[];

export const HandoffReasonSchema = z.enum(HANDOFF_REASONS);

/** Handoff facts as they travel in session state, validated when read back. */
export const HandoffFactsSchema = z.object({
  orderNumber: z.optional(z.string().check(z.regex(/^\d{1,12}$/))),
  item: z.optional(
    z.object({
      lineId: z.string().check(z.maxLength(40)),
      name: z.string().check(z.maxLength(200)),
      sku: z.string().check(z.maxLength(40)),
      quantity: z.int().check(z.gte(1), z.lte(999)),
    }),
  ),
  tried: z.optional(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20))),
  topic: z.optional(z.string().check(z.maxLength(100))),
});

/** The topics flows hand over with; a ticket names no other. */
const HANDOFF_TOPICS: ReadonlySet<string> = new Set(['return', 'reorder', 'checkout', 'product search']);
/** Flow and step names are words joined by hyphens; anything else in the state was not written by a flow. */
const STEP_NAME = /^[a-z]+(-[a-z]+)*$/;
const MAX_NOTES = 20;
const MAX_NOTE_LENGTH = 300;

/** A note for staff on one line, within bounds: no line breaks or control characters to fake a ticket's layout with. */
function staffNote(note: string): string {
  return note
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_NOTE_LENGTH);
}

/** What the person picking up the ticket reads first. Staff-facing, so not localised for the shopper. */
function handoffSummary(context: FlowContext, reason: HandoffReason, facts: HandoffFacts): string {
  const { turn } = context;
  const active = turn.state.active;
  const parts = [`Handoff (${reason}) via ${turn.platform} (${turn.locale}).`];
  if (facts.topic) parts.push(`Topic: ${facts.topic}.`);
  if (facts.orderNumber) parts.push(`Order: ${facts.orderNumber}.`);
  if (facts.item) parts.push(`Item: ${facts.item.name} (${facts.item.sku}), quantity ${facts.item.quantity}.`);
  if (active && active.flow !== 'assistance' && STEP_NAME.test(active.flow) && STEP_NAME.test(active.step)) {
    parts.push(`Conversation was in ${active.flow} (${active.step}).`);
  }
  if (turn.state.misunderstood > 0) parts.push(`Assistant misunderstood ${turn.state.misunderstood} time(s).`);
  return parts.join(' ');
}

/** What checking the facts needs: the ports, and whose orders they may name (a flow's linked shopper, or an MCP tool's). */
type ShopperIdContext = Pick<ShopperContext, 'commerce'> & { readonly shopper: { readonly id: string } };

/**
 * How long a ticket waits for the store to confirm its order: an order system that hangs must not
 * take the rest of the turn, which filing the ticket still needs.
 */
export const ORDER_CHECK_WAIT_MS = 1_500;

/** The shopper's own order, as the store has it now: undefined when it is not theirs, 'unchecked' when the store cannot say in time. */
async function shoppersOrder(context: ShopperIdContext, orderNumber: string): Promise<Order | 'unchecked' | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<'unchecked'>((resolve) => {
    timer = setTimeout(() => resolve('unchecked'), ORDER_CHECK_WAIT_MS);
  });
  try {
    return await Promise.race([context.commerce.orders.findForShopper(context.shopper.id, orderNumber), waited]);
  } catch (error) {
    // The store being down is often why a shopper wants a person: the ticket goes out without the order.
    if (isStoreError(error)) return 'unchecked';
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** What a ticket may say whoever the shopper is: a topic flows use, and notes for staff one line each, within bounds. */
function factsWithoutOrder(facts: HandoffFacts): { readonly topic?: string; readonly notes: string[] } {
  const topic = facts.topic && HANDOFF_TOPICS.has(facts.topic) ? facts.topic : undefined;
  const notes = (facts.tried ?? []).map(staffNote).filter((note) => note !== '').slice(-MAX_NOTES);
  return { ...(topic ? { topic } : {}), notes };
}

/**
 * What a ticket may say: the facts come from the session state, which whoever sent the request may
 * have written. So an order is named only when the store confirms it is the shopper's, and an item
 * only as the store names that order's line; the topic only when it is one flows use; notes for
 * staff one line each, within bounds.
 */
export async function checkedFacts(context: ShopperIdContext, facts: HandoffFacts): Promise<HandoffFacts> {
  const { topic, notes } = factsWithoutOrder(facts);
  const order = facts.orderNumber ? await shoppersOrder(context, facts.orderNumber) : undefined;
  const tried = order === 'unchecked' ? [...notes, "An order was mentioned, but the store could not be asked whether it is this shopper's."].slice(-MAX_NOTES) : notes;
  const confirmed = order === 'unchecked' ? undefined : order;
  const line = confirmed && facts.item ? confirmed.lines.find((candidate) => candidate.id === facts.item?.lineId) : undefined;
  const item: HandoffItem | undefined =
    line && facts.item ? { lineId: line.id, name: line.name, sku: line.sku, quantity: Math.min(Math.max(1, facts.item.quantity), line.quantity) } : undefined;
  return {
    ...(topic ? { topic } : {}),
    ...(tried.length > 0 ? { tried } : {}),
    ...(confirmed ? { orderNumber: confirmed.number } : {}),
    ...(item ? { item } : {}),
  };
}

/** The turn that asked for the handoff: it is not in the log yet, because it is still being answered. */
function currentTurn(context: FlowContext): ConversationTurn {
  const { event } = context.turn;
  return {
    at: context.now,
    heard: event.kind === 'intent' ? event.intent : event.kind,
    // Written down like every logged turn: never a secret such as a PIN.
    slots: loggableSlots(context.turn),
  };
}

/**
 * Hands the shopper to a person: files one ticket per conversation (shopper, order and item,
 * reason, what was tried, and the conversation so far) and says who follows up, how, when, and the
 * reference. Every flow escalates through here. A shopper without a linked account hears the phone number.
 */
export async function escalate(
  context: FlowContext,
  reason: HandoffReason,
  facts: HandoffFacts = {},
  intro: Speech = [],
): Promise<Reply> {
  const { turn, voice, store, shopper, commerce } = context;
  if (!shopper) {
    if (turn.device.liveTransfer) return transferUnidentified(context, reason, facts, intro);
    return { ...end(turn, join(intro, voice.say('assistance.handoffGuest', { phone: voice.telephone(store.supportPhone) }))), handedOff: 'phone' };
  }
  const conversationId = conversationIdOf(turn);
  const [earlier, checked, profile] = await Promise.all([
    commerce.conversations.turns(conversationId),
    checkedFacts({ ...context, shopper }, facts),
    shopper.profile(),
  ]);
  // A team cannot follow up with someone the store does not know: the phone, as for a guest.
  if (!profile) {
    if (turn.device.liveTransfer) return transferUnidentified(context, reason, facts, intro);
    return { ...end(turn, join(intro, voice.say('assistance.handoffGuest', { phone: voice.telephone(store.supportPhone) }))), handedOff: 'phone' };
  }
  const summary = handoffSummary(context, reason, checked);
  const ticket = await commerce.handoffs.file({
    shopperId: shopper.id,
    reason,
    summary,
    orderNumber: checked.orderNumber,
    locale: voice.locale,
    platform: turn.platform,
    // One conversation files one ticket, however often the shopper (or a platform retry) asks.
    idempotencyKey: `${conversationId}:${shopper.id}`,
    shopper: { id: shopper.id, name: `${profile.givenName} ${profile.familyName}`, email: profile.email },
    item: checked.item,
    tried: checked.tried,
    transcript: [...earlier, currentTurn(context)],
  });
  if (turn.device.liveTransfer) return transferred(context, intro, { reference: ticket.reference, reason, summary });
  const filed = voice.say('assistance.handoffFiled', {
    reference: voice.digits(ticket.reference),
    count: store.followUpBusinessDays,
  });
  const speech = join(intro, filed);
  return { ...end(turn, speech, { card: { title: voice.line('assistance.handoffCardTitle'), text: plainText(filed) } }), handedOff: 'ticket' };
}

/** The call goes on to a person, who reads the ticket: the shopper hears its reference in case the line drops. */
function transferred(context: FlowContext, intro: Speech, ticket: FiledTicket): Reply {
  const { turn, voice } = context;
  const speech = join(intro, voice.say('assistance.handoffTransfer', { reference: voice.digits(ticket.reference) }));
  return { ...end(turn, speech), handedOff: 'ticket', ticket };
}

/**
 * A live conversation with someone the store could not identify (a caller whose number and second
 * factor did not match) still goes on to a person, with a ticket for the conversation so far: no
 * shopper on it, and no order, since nobody confirmed whose it would be.
 */
async function transferUnidentified(context: FlowContext, reason: HandoffReason, facts: HandoffFacts, intro: Speech): Promise<Reply> {
  const { turn, voice, commerce } = context;
  const conversationId = conversationIdOf(turn);
  const { topic, notes } = factsWithoutOrder(facts);
  const unchecked: HandoffFacts = { ...(topic ? { topic } : {}), ...(notes.length > 0 ? { tried: notes } : {}) };
  const summary = handoffSummary(context, reason, unchecked);
  const earlier = await commerce.conversations.turns(conversationId);
  const ticket = await commerce.handoffs.file({
    reason,
    summary,
    locale: voice.locale,
    platform: turn.platform,
    idempotencyKey: `${conversationId}:unidentified`,
    tried: unchecked.tried,
    transcript: [...earlier, currentTurn(context)],
  });
  return transferred(context, intro, { reference: ticket.reference, reason, summary });
}
