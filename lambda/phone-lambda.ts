import express from 'express';
import serverless from 'serverless-http';
import { openCloudAdapters } from './commerce/open-cloud-adapters';
import { composeShopvoice } from './compose';
import { LOG_WAIT_MS } from './core/router';
import { settlingTurnWrites } from './core/turn-writes';
import { loadConfig } from './config';
import { BODY_LIMIT } from './http-app';
import { createLogger } from './logging';
import { instrumentAdapters, instrumentRouter } from './observability/instrument';
import { connectionsEndpointOf, createConnections, credentialsFromEnvironment } from './platforms/phone/api-gateway-connections';
import { mountPhoneWebhook, type PhoneChannelOptions } from './platforms/phone/phone-webhook';
import { createRelayWebSocketHandler, isWebSocketEvent } from './platforms/phone/phone-websocket';
import { readWithOwnUnderstanding } from './understanding/text-reader';
import { warmForFirstTurn } from './warm-start';

/**
 * The store's phone line on Lambda: the call webhook (`POST /phone/twiml`, or `/phone/texml` on
 * Telnyx) through the HTTP API, and the relay's socket through the WebSocket API, on the same
 * call logic as `npm start`'s server (platforms/phone/). Call state is on DynamoDB.
 */

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
const logger = createLogger();
const shopvoice = composeShopvoice(config, {
  logger,
  adapters: instrumentAdapters(openCloudAdapters(config, logger), { logger }),
  readText: readWithOwnUnderstanding,
});
warmForFirstTurn(config);

const phone: PhoneChannelOptions = {
  phone: config.phone,
  store: config.store,
  router: instrumentRouter(shopvoice.router),
  commerce: shopvoice.commerce,
  callStates: shopvoice.callStates,
  readText: readWithOwnUnderstanding,
  logger,
  bodyLimit: BODY_LIMIT,
  bindingSecret: config.sessionStateSecret,
};

const app = express();
app.disable('x-powered-by');
mountPhoneWebhook(app, phone);
app.use((_request, response) => {
  response.status(404).json({ error: 'not found' });
});
const webhook = serverless(app);

const credentials = credentialsFromEnvironment();
const region = process.env.AWS_REGION ?? 'us-east-1';
const relaySocket = createRelayWebSocketHandler({
  ...phone,
  connections: (event) =>
    createConnections({
      endpoint: config.phone.connectionsEndpoint ?? connectionsEndpointOf(event.requestContext.domainName, event.requestContext.stage),
      region,
      credentials,
    }),
});

/** API Gateway's WebSocket events go to the relay socket, the HTTP API's to the webhook. */
async function answer(event: unknown, context: object): Promise<unknown> {
  return isWebSocketEvent(event) ? relaySocket(event) : webhook(event as Parameters<typeof webhook>[0], context);
}

// The container is frozen once the handler returns: the turn's own writes (log line, turn event) finish first.
export const handler = settlingTurnWrites(answer, shopvoice.turnWrites, LOG_WAIT_MS);
