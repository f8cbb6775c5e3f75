import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { SkillBuilders } from 'ask-sdk-core';
import { FLOOR_REPROMPT, FLOOR_SPEECH } from './floor-replies';

/**
 * The floor of a linked turn's cold start: a one-handler ask-sdk-core skill that, like any skill
 * with a store behind it, reads one item over HTTP (the shopper, from the store API, with Node's
 * fetch) and one from DynamoDB (with the AWS SDK v3 client, region and credentials from the
 * environment as Lambda sets them), then answers with a fixed line. Same environment as
 * lambda/alexa-lambda.ts; nothing of Shopvoice.
 */

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`floor: ${name} is not set`);
  return value;
};

const storeApi = new URL(env('STORE_API_URL').replace(/\/?$/, '/'));
const table = `${env('DYNAMODB_TABLE_PREFIX')}-purchase-pins`;
const shopperId = env('BENCH_FLOOR_SHOPPER_ID');
const dynamo = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT });

async function readShopper(): Promise<void> {
  const response = await fetch(new URL(`shoppers/${encodeURIComponent(shopperId)}`, storeApi));
  if (!response.ok) throw new Error(`floor: the store API answered ${response.status}`);
  await response.json();
}

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    handle: async (input) => {
      await Promise.all([readShopper(), dynamo.send(new GetItemCommand({ TableName: table, Key: { pk: { S: shopperId } } }))]);
      return input.responseBuilder.speak(FLOOR_SPEECH).reprompt(FLOOR_REPROMPT).withShouldEndSession(false).getResponse();
    },
  })
  .create();

/** Shaped like lambda/alexa-lambda.ts's entry point. */
export const handler = (event: RequestEnvelope, context: unknown) => skill.invoke(event, context);
