import type { ShopperErasure } from '../erasure';
import type { SqliteDatabase } from './open-database';

/** Erasure in the embedded file: the handoffs table's JSON context and the conversation_turns table. */
export function createSqliteErasure(db: SqliteDatabase): ShopperErasure {
  const eraseTranscripts = db.prepare<[string]>(
    `UPDATE handoffs SET context = json_remove(context, '$.transcript')
      WHERE shopper_id = ? AND json_type(context, '$.transcript') IS NOT NULL`,
  );
  const forgetConversation = db.prepare<[string]>('DELETE FROM conversation_turns WHERE conversation_id = ?');
  const purgeTurns = db.prepare<[number]>('DELETE FROM conversation_turns WHERE at < ?');
  const forgetAll = db.transaction((ids: readonly string[]) => ids.reduce((sum, id) => sum + forgetConversation.run(id).changes, 0));

  return {
    async eraseHandoffTranscripts(shopperId) {
      return eraseTranscripts.run(shopperId).changes;
    },
    async forgetConversations(conversationIds) {
      return conversationIds.length === 0 ? 0 : forgetAll.immediate([...new Set(conversationIds)]);
    },
    async purgeConversationsBefore(before) {
      return purgeTurns.run(before.getTime()).changes;
    },
  };
}
