/**
 * Erasing what the skill kept from shoppers' voices, for the retention purge and for "forget me".
 * A separate port from Handoffs and ConversationLog: the conversation never needs it, only the
 * privacy tools and the platform's "skill disabled" event do.
 *
 * What is erased is the voice-derived part only. A handoff ticket keeps its reference, reason,
 * summary, order, item and shopper contact (the store still owes that shopper an answer); it loses
 * the transcript of what was said. Orders and returns are the store's records and are never touched.
 */
export interface ShopperErasure {
  /** Drops the transcript from every handoff ticket filed for this shopper id; returns how many tickets changed. */
  eraseHandoffTranscripts(shopperId: string): Promise<number>;
  /** Deletes every stored turn of these conversations; returns how many turns. */
  forgetConversations(conversationIds: readonly string[]): Promise<number>;
  /** Deletes conversation turns said before `before`; returns how many. */
  purgeConversationsBefore(before: Date): Promise<number>;
}
