import * as z from '../zod-mini';
import type { ConversationTurn, HandoffItem, HandoffShopper, RefundMethod } from './ports';

/**
 * The JSON the adapters keep (SQLite TEXT columns, DynamoDB string attributes), validated on the way out: a hand-edited or older row
 * fails loudly here instead of reaching a shopper or a helpdesk half-formed.
 */

const SlotsSchema = z.record(z.string(), z.object({ spoken: z.string(), id: z.optional(z.string()) }));

const StoredTurnSchema = z.object({
  at: z.iso.datetime(),
  heard: z.string(),
  slots: SlotsSchema,
  said: z.optional(z.string()),
});

const HandoffContextSchema = z.object({
  shopper: z.optional(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  item: z.optional(z.object({ lineId: z.string(), name: z.string(), sku: z.string(), quantity: z.int() })),
  tried: z.optional(z.array(z.string())),
  transcript: z.optional(z.array(StoredTurnSchema)),
});

const RefundMethodSchema = z.union([
  z.object({
    kind: z.literal('original-payment'),
    card: z.optional(z.object({ brand: z.string(), last4: z.string() })),
  }),
  z.object({ kind: z.literal('store-credit') }),
]);

export interface HandoffContext {
  readonly shopper?: HandoffShopper;
  readonly item?: HandoffItem;
  readonly tried?: readonly string[];
  readonly transcript?: readonly ConversationTurn[];
}

function storedTurn(turn: ConversationTurn): z.input<typeof StoredTurnSchema> {
  return { ...turn, at: turn.at.toISOString() };
}

function conversationTurn(stored: z.output<typeof StoredTurnSchema>): ConversationTurn {
  return { ...stored, at: new Date(stored.at) };
}

export function slotsToJson(slots: ConversationTurn['slots']): string {
  return JSON.stringify(slots);
}

export function slotsFromJson(json: string): ConversationTurn['slots'] {
  return SlotsSchema.parse(JSON.parse(json));
}

export function handoffContextToJson(context: HandoffContext): string {
  return JSON.stringify({ ...context, transcript: context.transcript?.map(storedTurn) });
}

export function handoffContextFromJson(json: string): HandoffContext {
  const parsed = HandoffContextSchema.parse(JSON.parse(json));
  return { ...parsed, transcript: parsed.transcript?.map(conversationTurn) };
}

export function refundMethodToJson(method: RefundMethod): string {
  return JSON.stringify(method);
}

export function refundMethodFromJson(json: string): RefundMethod {
  return RefundMethodSchema.parse(JSON.parse(json));
}
