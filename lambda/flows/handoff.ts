import { z } from 'zod';
import type { ConversationTurn, HandoffReason } from '../commerce/ports';
import type { FlowContext, HandoffFacts } from '../core/flow';
import type { Reply } from '../core/reply';
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
  orderNumber: z.string().regex(/^\d{1,12}$/).optional(),
  item: z
    .object({ lineId: z.string().max(40), name: z.string().max(200), sku: z.string().max(40), quantity: z.number().int().min(1).max(999) })
    .optional(),
  tried: z.array(z.string().max(300)).max(20).optional(),
  topic: z.string().max(100).optional(),
});

/** What the person picking up the ticket reads first. Staff-facing, so not localised for the shopper. */
function handoffSummary(context: FlowContext, reason: HandoffReason, facts: HandoffFacts): string {
  const { turn } = context;
  const active = turn.state.active;
  const parts = [`Handoff (${reason}) via ${turn.platform} (${turn.locale}).`];
  if (facts.topic) parts.push(`Topic: ${facts.topic}.`);
  if (facts.orderNumber) parts.push(`Order: ${facts.orderNumber}.`);
  if (facts.item) parts.push(`Item: ${facts.item.name} (${facts.item.sku}), quantity ${facts.item.quantity}.`);
  if (active && active.flow !== 'assistance') parts.push(`Conversation was in ${active.flow} (${active.step}).`);
  if (turn.state.misunderstood > 0) parts.push(`Assistant misunderstood ${turn.state.misunderstood} time(s).`);
  return parts.join(' ');
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
    return { ...end(turn, join(intro, voice.say('assistance.handoffGuest', { phone: voice.digits(store.supportPhone) }))), handedOff: 'phone' };
  }
  const conversationId = conversationIdOf(turn);
  const earlier = await commerce.conversations.turns(conversationId);
  const ticket = await commerce.handoffs.file({
    shopperId: shopper.id,
    reason,
    summary: handoffSummary(context, reason, facts),
    orderNumber: facts.orderNumber,
    locale: voice.locale,
    platform: turn.platform,
    // One conversation files one ticket, however often the shopper (or a platform retry) asks.
    idempotencyKey: `${conversationId}:${shopper.id}`,
    shopper: { id: shopper.id, name: `${shopper.givenName} ${shopper.familyName}`, email: shopper.email },
    item: facts.item,
    tried: facts.tried,
    transcript: [...earlier, currentTurn(context)],
  });
  const filed = voice.say('assistance.handoffFiled', {
    reference: voice.digits(ticket.reference),
    count: store.followUpBusinessDays,
  });
  const speech = join(intro, filed);
  return { ...end(turn, speech, { card: { title: voice.line('assistance.handoffCardTitle'), text: plainText(filed) } }), handedOff: 'ticket' };
}
