import { conversation, type ConversationV3, type ConversationV3App } from '@assistant/conversation';
import type { RequestHandler } from 'express';
import { GOOGLE } from '../../../interaction-models/lib/platforms';
import { FLOOR_SPEECH } from './floor-replies';

/** The least an @assistant/conversation app can be: the one webhook handler, adding a fixed line. */
export function createFloorGoogleApp(): ConversationV3App<ConversationV3> {
  const app = conversation({ debug: false });
  app.handle(GOOGLE.handler, (conv) => {
    conv.add(FLOOR_SPEECH);
  });
  return app;
}

/**
 * The floor app as an express handler (after express.json()), doing what the library's own express
 * binding does; its binding is typed against express 4, so it is not mounted directly.
 */
export function createFloorGoogleWebhook(): RequestHandler {
  const app = createFloorGoogleApp();
  return async (request, response) => {
    const result = await app.handler(request.body, request.headers as Record<string, string>);
    response.status(result.status).set(result.headers ?? {}).json(result.body);
  };
}
