import { createDynamoSkillState } from '../../../lambda/commerce/dynamodb/dynamo-skill-state';
import { type LocalDynamo, startDynalite } from '../../support/dynalite';
import { describeSkillStateContract } from './skill-state.contract';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

describeSkillStateContract('DynamoDB (dynalite)', async (options) => {
  const state = createDynamoSkillState({ tablePrefix: await dynamo.tables(), endpoint: dynamo.endpoint }, options);
  return {
    state,
    setPin: (shopperId, pin) => state.purchasePins.setPin(shopperId, pin),
    close: async () => state.close(),
  };
});
