import type { IncomingMessage } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { CallStates, Commerce } from '../../commerce/ports';
import type { Config } from '../../config';
import type { StoreProfile } from '../../core/flow';
import type { TextReader } from '../../core/own-reading';
import type { Router } from '../../core/router';
import { describeError, type Logger } from '../../logging';
import { LOCALES, supportedLocale } from '../../speech/i18n';
import { voiceFor } from '../../speech/voice';
import { bindCall } from './call-binding';
import type { PhoneCallDependencies } from './phone-call';
import { lowerCaseHeaders, signedByProvider } from './provider-signature';
import { speechHints } from './speech-hints';
import { conversationRelayTexml, conversationRelayTwiml } from './twiml';
import { requestedUrl } from './twilio-signature';

/**
 * The phone line's call webhook, and what a call needs whatever carries its socket: what both the
 * local server (phone-http.ts, with `ws`) and the Lambda function (phone-websocket.ts, on API
 * Gateway) mount and run.
 */

/** Where Twilio asks how to answer a call (the number's voice webhook). */
export const TWIML_PATH = '/phone/twiml';
/** Where Telnyx asks the same (the TeXML application's voice URL), when the line is on Telnyx. */
export const TEXML_PATH = '/phone/texml';
/** Where the relay opens its WebSocket. */
export const RELAY_PATH = '/phone';
export interface PhoneChannelOptions {
  readonly phone: Config['phone'];
  readonly store: Pick<StoreProfile, 'name' | 'timeZone'>;
  readonly router: Router;
  /** The store's shoppers and orders (who is calling) and catalog (speech hints). */
  readonly commerce: Pick<Commerce, 'shoppers' | 'orders' | 'catalog'>;
  /** Where calls keep their state; without it the phone line answers nothing. */
  readonly callStates?: CallStates;
  readonly readText: TextReader;
  readonly logger: Logger;
  readonly bodyLimit: string;
  readonly clock?: () => Date;
  /** The server's own key for binding a call's socket to the call the TwiML answered (call-binding.ts). */
  readonly bindingSecret: string;
}

/** The webhook path of the line's provider. */
export function webhookPathOf(phone: Pick<Config['phone'], 'provider'>): string {
  return phone.provider === 'telnyx' ? TEXML_PATH : TWIML_PATH;
}

/** The body each webhook request arrived with, for Telnyx's signature over it. */
const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** What a call on the relay needs, the same for every transport. */
export function callDependenciesOf(options: Omit<PhoneChannelOptions, 'bodyLimit' | 'bindingSecret'>, callStates: CallStates): PhoneCallDependencies {
  const { logger } = options;
  return {
    router: options.router,
    ports: options.commerce,
    callStates,
    readText: options.readText,
    store: options.store,
    defaultLocale: supportedLocale(options.phone.locale),
    clock: options.clock,
    onError: (error) => logger.error({ error: describeError(error) }, 'phone call turn failed'),
    onRelayError: (description) => logger.warn({ description }, 'the relay reported an error'),
  };
}

/**
 * Mounts the line's call webhook (`POST /phone/twiml` for Twilio, `POST /phone/texml` for
 * Telnyx): a signed request is answered with the relay's instructions, the socket URL bound to
 * the call.
 */
export function mountPhoneWebhook(app: Express, options: PhoneChannelOptions): void {
  const { phone, store, logger, callStates } = options;
  const locale = supportedLocale(phone.locale);
  const clock = options.clock ?? (() => new Date());

  /** The words of the catalog, as speech hints; a call is answered without them when the store cannot say. */
  async function hintsFor(callLocale: string): Promise<string[]> {
    try {
      return speechHints(await options.commerce.catalog.vocabulary(callLocale));
    } catch (error) {
      logger.warn({ error: describeError(error) }, 'catalog words unavailable; the call is answered without speech hints');
      return [];
    }
  }

  const answerCall: RequestHandler = async (request, response) => {
    const params = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, string>;
    const signed = signedByProvider(
      phone,
      { headers: lowerCaseHeaders(request.headers), url: requestedUrl(request, 'http', phone.publicUrl), params, rawBody: rawBodies.get(request) },
      clock(),
    );
    if (!signed) {
      response.status(403).json({ error: 'request signature could not be verified' });
      return;
    }
    if (!callStates) {
      response.status(503).json({ error: 'this state store cannot keep phone calls' });
      return;
    }
    const socket = phone.socketUrl ? new URL(phone.socketUrl) : new URL(RELAY_PATH, requestedUrl(request, 'websocket', phone.publicUrl));
    const callSid = typeof params.CallSid === 'string' ? params.CallSid : '';
    if (phone.verifySignature && callSid === '') {
      response.status(400).json({ error: 'not a voice webhook: CallSid is missing' });
      return;
    }
    if (phone.verifySignature) socket.search = bindCall(options.bindingSecret, callSid, String(params.From ?? ''), clock()).toString();
    const connection = {
      socketUrl: socket.href,
      welcomeGreeting: voiceFor(locale, store.timeZone).line('phone.welcome', { store: store.name }),
      language: locale,
      ...(phone.handoffUrl ? { handoffUrl: phone.handoffUrl } : {}),
    };
    // A caller may switch to any language the assistant speaks.
    const languages = [locale, ...LOCALES.filter((other) => other !== locale)];
    response
      .type('text/xml')
      .send(phone.provider === 'telnyx' ? conversationRelayTexml({ ...connection, hints: [], languages }) : conversationRelayTwiml({ ...connection, hints: await hintsFor(locale), languages }));
  };

  const form = express.urlencoded({
    extended: false,
    limit: options.bodyLimit,
    verify: (request, _response, body) => {
      rawBodies.set(request, Buffer.from(body));
    },
  });
  app.post(webhookPathOf(phone), form, answerCall);
}
