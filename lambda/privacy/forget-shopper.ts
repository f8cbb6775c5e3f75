import type { ShopperErasure } from '../commerce/erasure';
import type { TurnEvents } from '../commerce/ports';
import { shopperHash } from '../core/shopper-hash';

export interface ForgetShopperPorts {
  readonly turnEvents: TurnEvents;
  readonly erasure: ShopperErasure;
  /** SHOPPER_HASH_SECRET: the key turn events name shoppers by. */
  readonly hashSecret: string;
}

export interface ForgottenShopper {
  /** Turn events deleted, with any utterances they kept. */
  readonly turnEvents: number;
  /** Conversation turns deleted, from the conversations those events name. */
  readonly conversationTurns: number;
  /** Handoff tickets that lost their transcript (the tickets themselves stay). */
  readonly handoffTranscripts: number;
}

/**
 * "Forget me": erases what the skill derived from one shopper's voice, on any platform: their turn
 * events (and the redacted utterances in them), the stored turns of the conversations those events
 * belong to, and the transcripts inside their handoff tickets. Orders, returns and the tickets'
 * reference, reason, order and item stay: the store must keep those. Safe to run twice.
 */
export async function forgetShopper(ports: ForgetShopperPorts, shopperId: string): Promise<ForgottenShopper> {
  if (shopperId.trim() === '') throw new Error('forgetShopper needs a shopper id');
  const hash = shopperHash(ports.hashSecret, shopperId);
  // The conversations are found through the events, so they are read before the events go.
  const events = await ports.turnEvents.list({ since: new Date(0) });
  const conversationIds = [...new Set(events.filter((event) => event.shopperHash === hash).map((event) => event.conversationId))];
  const conversationTurns = await ports.erasure.forgetConversations(conversationIds);
  const turnEvents = await ports.turnEvents.forgetShopper(hash);
  const handoffTranscripts = await ports.erasure.eraseHandoffTranscripts(shopperId);
  return { turnEvents, conversationTurns, handoffTranscripts };
}

export interface PurgeResult {
  readonly before: Date;
  readonly turnEvents: number;
  readonly conversationTurns: number;
}

/** Deletes turn events and conversation turns older than `retentionDays` before `now`. */
export async function purgeExpired(
  ports: Pick<ForgetShopperPorts, 'turnEvents' | 'erasure'>,
  retentionDays: number,
  now: Date = new Date(),
): Promise<PurgeResult> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('retentionDays must be a whole number of days, at least 1');
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const turnEvents = await ports.turnEvents.purgeBefore(before);
  const conversationTurns = await ports.erasure.purgeConversationsBefore(before);
  return { before, turnEvents, conversationTurns };
}
