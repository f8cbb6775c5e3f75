import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Shoppers } from '../../lambda/commerce/ports';
import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import type { Config } from '../../lambda/config';
import type { Router } from '../../lambda/core/router';
import type { SessionStateSeal } from '../../lambda/core/sealed-state';
import { BODY_LIMIT } from '../../lambda/http-app';
import { describeError, type Logger } from '../../lambda/logging';
import { localAssistantFor } from '../local-assistant/local-setup';
import { describeConfiguredStore, storeShoppers } from '../local-assistant/store-shoppers';
import { CallError, CallTurnSchema, createPhoneLine, HangUpSchema, phoneLineAvailable } from './phone-line';
import { TurnRequestSchema } from './turn-request';

export interface DevConsoleOptions {
  readonly config: Config;
  readonly router: Router;
  /** The application's seal for the state the console's requests carry (Shopvoice.stateSeal). */
  readonly stateSeal: SessionStateSeal;
  readonly logger: Logger;
  /** The router's clock, so "last week" typed here means the week the flows count from. */
  readonly clock?: () => Date;
  /** The configured store's shoppers: the console speaks for any shopper the store knows. */
  readonly shoppers: Shoppers;
}

const PUBLIC_DIR = path.join(__dirname, 'public');
const DEFAULT_LOCALE = 'en-US';

/** The page loads only its own files and talks only to its own server. */
const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  next();
};

/**
 * The dev console: `GET /` serves the page, `/dev-console/api/turn` takes what the shopper typed
 * through the local understanding and the real adapters. Mounted only outside production.
 */
export function devConsoleRoutes(options: DevConsoleOptions): (app: Express) => void {
  const { config, logger } = options;
  const assistant = localAssistantFor(config, options.router, options.stateSeal, {
    onError: (error) => logger.error({ error: describeError(error) }, 'dev console turn failed'),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const known = storeShoppers(options.shoppers, describeConfiguredStore(config));
  // The demo shoppers are offered by name where they live: in the embedded demo store.
  const listed = config.commerce.adapter === 'embedded' ? DEMO_SHOPPERS : [];
  // The phone is called over its own protocol, so the console needs the line it can sign for.
  const phoneLine = phoneLineAvailable(config) ? createPhoneLine(config, options.shoppers) : undefined;

  return (app) => {
    app.get('/', securityHeaders, (_request, response) => {
      response.sendFile(path.join(PUBLIC_DIR, 'index.html'));
    });
    app.use('/dev-console', securityHeaders);
    app.use('/dev-console', express.static(PUBLIC_DIR, { index: false, redirect: false }));

    app.get('/dev-console/api/setup', (_request, response) => {
      const locales = assistant.understanding.locales();
      response.json({
        platforms: [
          { id: 'alexa', name: 'Alexa' },
          { id: 'google', name: 'Google Assistant' },
          ...(phoneLine ? [{ id: 'phone', name: 'Phone (ConversationRelay)' }] : []),
        ],
        locales,
        shoppers: listed,
        defaults: {
          platform: 'alexa',
          locale: locales.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : locales[0],
          shopperId: listed[0]?.id ?? null,
        },
        trustsDevKey: config.auth.trustDevKey,
      });
    });

    app.post('/dev-console/api/call', express.json({ limit: BODY_LIMIT }), async (request, response, next) => {
      if (!phoneLine) {
        response.status(404).json({ error: 'this server has no phone line the console can call (Twilio, with PHONE_TWILIO_AUTH_TOKEN)' });
        return;
      }
      const parsed = CallTurnSchema.safeParse(request.body);
      if (!parsed.success) {
        response.status(400).json({ error: 'not a dev console call turn', issues: parsed.error.issues.map((issue) => issue.message) });
        return;
      }
      if (!assistant.understanding.locales().includes(parsed.data.locale)) {
        response.status(400).json({ error: `no interaction model for ${parsed.data.locale}` });
        return;
      }
      try {
        response.json({ exchange: await phoneLine.turn(request, parsed.data) });
      } catch (error) {
        if (error instanceof CallError) response.status(error.status).json({ error: error.message });
        else next(error);
      }
    });

    app.post('/dev-console/api/call/hang-up', express.json({ limit: BODY_LIMIT }), (request, response) => {
      const parsed = HangUpSchema.safeParse(request.body);
      if (!parsed.success) {
        response.status(400).json({ error: 'not a call to hang up' });
        return;
      }
      phoneLine?.hangUp(parsed.data.call);
      response.status(204).end();
    });

    app.post('/dev-console/api/turn', express.json({ limit: BODY_LIMIT }), async (request, response, next) => {
      const parsed = TurnRequestSchema.safeParse(request.body);
      if (!parsed.success) {
        response.status(400).json({ error: 'not a dev console turn', issues: parsed.error.issues.map((issue) => issue.message) });
        return;
      }
      const { settings, session, said } = parsed.data;
      if (!assistant.understanding.locales().includes(settings.locale)) {
        response.status(400).json({ error: `no interaction model for ${settings.locale}` });
        return;
      }
      if (settings.shopperId) {
        const lookup = await known.find(settings.shopperId).then(
          (shopper) => ({ shopper }),
          (error: unknown) => ({ error }),
        );
        if ('error' in lookup) {
          logger.warn({ error: describeError(lookup.error) }, 'dev console could not look up the shopper');
          response.status(502).json({ error: 'the store did not answer who that shopper is; try again' });
          return;
        }
        if (!lookup.shopper) {
          response.status(400).json({ error: `the store has no shopper "${settings.shopperId}"` });
          return;
        }
      }
      try {
        const exchange = await assistant.takeTurn(
          { platform: settings.platform, locale: settings.locale, screen: settings.screen, ...(settings.shopperId ? { shopperId: settings.shopperId } : {}) },
          session ?? undefined,
          said,
        );
        response.json({ exchange });
      } catch (error) {
        next(error);
      }
    });
  };
}
