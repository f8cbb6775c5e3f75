import { randomUUID } from 'node:crypto';

/** Builds Alexa request envelopes shaped exactly as the Alexa service sends them. */
export interface AlexaEnvelopeOptions {
  readonly locale?: string;
  readonly accessToken?: string;
  readonly sessionId?: string;
  readonly newSession?: boolean;
  readonly attributes?: Record<string, unknown>;
  readonly applicationId?: string;
  readonly apiEndpoint?: string;
  readonly screen?: boolean;
}

export type AlexaSlotInput = string | { readonly value: string; readonly id?: string; readonly name?: string; readonly authority?: string };

export const TEST_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001';

function user(options: AlexaEnvelopeOptions) {
  return {
    userId: 'amzn1.ask.account.TESTUSER',
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
  };
}

function envelope(request: Record<string, unknown>, options: AlexaEnvelopeOptions) {
  const applicationId = options.applicationId ?? TEST_SKILL_ID;
  return {
    version: '1.0',
    session: {
      new: options.newSession ?? false,
      sessionId: options.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
      application: { applicationId },
      attributes: options.attributes ?? {},
      user: user(options),
    },
    context: {
      System: {
        application: { applicationId },
        user: user(options),
        device: {
          deviceId: 'amzn1.ask.device.TESTDEVICE',
          supportedInterfaces: options.screen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } } : {},
        },
        apiEndpoint: options.apiEndpoint ?? 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.',
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: new Date().toISOString(),
      locale: options.locale ?? 'en-US',
      ...request,
    },
  };
}

export function launchRequest(options: AlexaEnvelopeOptions = {}) {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...options });
}

export function sessionEndedRequest(options: AlexaEnvelopeOptions = {}) {
  return envelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }, options);
}

function slotJson(name: string, input: AlexaSlotInput) {
  const slot = typeof input === 'string' ? { value: input } : input;
  const base = { name, value: slot.value, confirmationStatus: 'NONE', source: 'USER' };
  if (!slot.id && !slot.authority) return base;
  const authority = slot.authority ?? `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.ShoppingItem`;
  return {
    ...base,
    resolutions: {
      resolutionsPerAuthority: [
        slot.id
          ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: slot.name ?? slot.value, id: slot.id } }] }
          : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } },
      ],
    },
  };
}

export function intentRequest(name: string, slots: Record<string, AlexaSlotInput> = {}, options: AlexaEnvelopeOptions = {}) {
  return envelope(
    {
      type: 'IntentRequest',
      dialogState: 'COMPLETED',
      intent: {
        name,
        confirmationStatus: 'NONE',
        slots: Object.fromEntries(Object.entries(slots).map(([slot, value]) => [slot, slotJson(slot, value)])),
      },
    },
    options,
  );
}

/** What an Echo Show sends when the shopper touches something whose `onPress` is a SendEvent. */
export function aplUserEvent(args: readonly unknown[], options: AlexaEnvelopeOptions = {}) {
  return envelope(
    { type: 'Alexa.Presentation.APL.UserEvent', token: 'shopvoice-product-options', arguments: args, source: { type: 'TouchWrapper', handler: 'Press', id: '' } },
    { screen: true, ...options },
  );
}
