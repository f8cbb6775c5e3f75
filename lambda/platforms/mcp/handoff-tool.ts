import { createHash } from 'node:crypto';
import * as z from 'zod';
import { checkedFacts, HandoffReasonSchema } from '../../flows/handoff';
import { defineTool, OrderNumberSchema } from './tool-kit';

/**
 * The host keeps the conversation, so a ticket filed here carries the model's summary (as a note
 * for staff) instead of a transcript. Asked again the same day for the same reason and order, it
 * answers the same ticket.
 */
function idempotencyKey(shopperId: string, reason: string, orderNumber: string | undefined, day: string): string {
  const named = createHash('sha256').update(JSON.stringify([shopperId, reason, orderNumber ?? '', day])).digest('hex').slice(0, 32);
  return `mcp:handoff:${named}`;
}

export const handOffToPerson = defineTool({
  name: 'hand_off_to_person',
  title: 'Hand over to a person',
  description:
    "Hands the shopper over to the store's customer care team: files a ticket with the reason, the order and item it is about, and your short summary, so nobody makes the shopper repeat themselves. " +
    'Use it when the shopper asks for a person, is upset, or when a tool says a person must handle it (a damaged or wrong item, a dispute, a delivery problem). ' +
    'Without a signed-in shopper it files nothing and gives the support phone number to pass on. Asked again for the same reason and order the same day, it answers the same ticket.',
  input: {
    reason: HandoffReasonSchema,
    summary: z.string().min(1).max(1000).describe('What the shopper needs and what was tried, in one or two sentences, for the person who takes over.'),
    orderNumber: OrderNumberSchema.optional(),
    lineId: z.string().max(40).optional().describe('The item the ticket is about, from get_order_status.'),
  },
  output: {
    filed: z.boolean(),
    reference: z.string().optional().describe('The ticket reference, six digits.'),
    followUpBusinessDays: z.number().int().optional().describe('The team follows up by email within this many business days.'),
    supportPhone: z.string().optional().describe('For a shopper who is not signed in: the number to call.'),
  },
  needsShopper: false,
  destructive: false,
  adds: true,
  async run(args, context) {
    const { shopper, commerce, store } = context;
    if (!shopper) return { output: { filed: false, supportPhone: store.supportPhone } };
    // The order and item are named only when the store confirms they are this shopper's.
    const checked = await checkedFacts(
      { commerce, shopper },
      {
        ...(args.orderNumber ? { orderNumber: args.orderNumber } : {}),
        ...(args.lineId ? { item: { lineId: args.lineId, name: '', sku: '', quantity: 1 } } : {}),
        tried: [args.summary],
      },
    );
    const parts = [`Handoff (${args.reason}) via mcp (${shopper.locale}).`];
    if (checked.orderNumber) parts.push(`Order: ${checked.orderNumber}.`);
    if (checked.item) parts.push(`Item: ${checked.item.name} (${checked.item.sku}).`);
    const ticket = await commerce.handoffs.file({
      shopperId: shopper.id,
      reason: args.reason,
      summary: parts.join(' '),
      orderNumber: checked.orderNumber,
      locale: shopper.locale,
      platform: 'mcp',
      idempotencyKey: idempotencyKey(shopper.id, args.reason, checked.orderNumber, context.voice.calendarDay(context.now)),
      shopper: { id: shopper.id, name: `${shopper.givenName} ${shopper.familyName}`, email: shopper.email },
      item: checked.item,
      tried: checked.tried,
      transcript: [],
    });
    return {
      output: { filed: true, reference: ticket.reference, followUpBusinessDays: store.followUpBusinessDays },
      event: { outcome: 'handed-off' },
    };
  },
});
