import { migrate } from '../../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../../lambda/commerce/sqlite/open-database';
import { createSqliteSkillState } from '../../../lambda/commerce/sqlite/sqlite-commerce';
import { setSqlitePurchasePin } from '../../../lambda/commerce/sqlite/sqlite-purchase-pins';
import { describeSkillStateContract } from './skill-state.contract';

// A file holding only the skill's state, no shoppers: PINs must not depend on the store's tables.
describeSkillStateContract('the embedded SQLite store', async (options) => {
  const db = openDatabase(':memory:');
  migrate(db);
  return {
    state: createSqliteSkillState(db, options),
    setPin: (shopperId, pin) => setSqlitePurchasePin(db, shopperId, pin),
    close: async () => {
      db.close();
    },
  };
});
