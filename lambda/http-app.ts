import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { requireBearerToken } from './auth/bearer-credential';
import { ORDER_STATUS_WEBHOOK_PATH } from './events/order-status-webhook';
import { describeError, type Logger } from './logging';

/** Real platform requests are a few KB; this leaves room without inviting abuse. */
export const BODY_LIMIT = '256kb';

export interface HttpAppOptions {
  /** `POST /alexa`, which reads its own body (the signature covers the exact bytes). */
  readonly alexaEndpoint: readonly RequestHandler[];
  readonly googleWebhook: RequestHandler;
  readonly logger: Logger;
  /** `GET /metrics` in Prometheus's text format, when given. */
  readonly metrics?: { render(): Promise<{ readonly contentType: string; readonly body: string }> };
  /** When set, `GET /metrics` requires `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string;
  /** `POST /mcp` and its protected resource metadata (platforms/mcp), mounted next to the platform endpoints. */
  readonly mcp?: (app: Express) => void;
  /** Account linking Shopvoice serves itself (platforms/medusa-link), when the store has no OAuth server of its own. */
  readonly accountLinking?: (app: Express) => void;
  /** `POST /phone/twiml` (platforms/phone), mounted next to the platform endpoints; its WebSocket is on the HTTP server. */
  readonly phone?: (app: Express) => void;
  /** `POST /events/order-status`, the store's signed order status changes (events/), when configured. */
  readonly orderStatusWebhook?: readonly RequestHandler[];
  /** Extra routes mounted after the platform endpoints (the dev console). */
  readonly extraRoutes?: (app: Express) => void;
}

const answerErrors: ErrorRequestHandler = (error, _request, response, _next) => {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') response.status(413).json({ error: 'body too large' });
  else if (type === 'entity.parse.failed') response.status(400).json({ error: 'body is not valid JSON' });
  else if (typeof (error as { status?: unknown }).status === 'number' && (error as { status: number }).status < 500) {
    response.status((error as { status: number }).status).json({ error: 'bad request' });
  } else response.status(500).json({ error: 'internal error' });
};

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.post('/alexa', ...options.alexaEndpoint);
  app.post('/google', express.json({ limit: BODY_LIMIT }), options.googleWebhook);
  options.mcp?.(app);
  options.phone?.(app);
  options.accountLinking?.(app);
  if (options.orderStatusWebhook) app.post(ORDER_STATUS_WEBHOOK_PATH, ...options.orderStatusWebhook);
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  const { metrics } = options;
  if (metrics) {
    const guard: RequestHandler[] = options.metricsToken ? [requireBearerToken(options.metricsToken, 'metrics')] : [];
    app.get('/metrics', ...guard, async (_request, response) => {
      const { contentType, body } = await metrics.render();
      response.type(contentType).send(body);
    });
  }
  options.extraRoutes?.(app);
  app.use((_request, response) => {
    response.status(404).json({ error: 'not found' });
  });
  app.use(((error, request, response, next) => {
    if ((error as { status?: number }).status === undefined || (error as { status: number }).status >= 500) {
      options.logger.error({ error: describeError(error), path: request.path }, 'request failed');
    }
    answerErrors(error, request, response, next);
  }) as ErrorRequestHandler);
  return app;
}
