import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, Slot, slu } from 'ask-sdk-model';
import type { SlotFill } from '../../lambda/understanding/slot-fill';
import type { ConversationSettings, LocalSession } from './conversation-settings';

/** What is being asked of the skill, in the terms of the Alexa model. */
export type AlexaAsk =
  | { readonly kind: 'launch' }
  | { readonly kind: 'intent'; readonly intent: string; readonly slotNames: readonly string[]; readonly slots: readonly SlotFill[] };

export interface AlexaRequestInput {
  readonly ask: AlexaAsk;
  readonly settings: ConversationSettings;
  readonly session: LocalSession;
  readonly skillId: string;
  readonly accessToken?: string;
}

/** Alexa sends timestamps without milliseconds. */
function alexaTimestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

function resolution(fill: SlotFill, skillId: string): slu.entityresolution.Resolution | undefined {
  if (!fill.resolution) return undefined;
  const authority = `amzn1.er-authority.echo-sdk.${skillId}.${fill.type}`;
  if (fill.resolution === 'no-match') {
    // Alexa sends no `values` with a no-match, although ask-sdk-model's type always wants them.
    return { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } } as slu.entityresolution.Resolution;
  }
  return { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: fill.resolution.name, id: fill.resolution.id } }] };
}

function slotJson(name: string, fill: SlotFill | undefined, skillId: string): Slot {
  if (!fill) return { name, confirmationStatus: 'NONE' };
  const resolved = resolution(fill, skillId);
  const resolutions = resolved && { resolutionsPerAuthority: [resolved] };
  return {
    name,
    value: fill.value,
    confirmationStatus: 'NONE',
    ...(resolutions ? { resolutions } : {}),
    slotValue: { type: 'Simple', value: fill.value, ...(resolutions ? { resolutions } : {}) },
  };
}

/** An Alexa request envelope shaped as the Alexa service sends it to a custom skill. */
export function alexaRequest(input: AlexaRequestInput, now = new Date()): RequestEnvelope {
  const { ask, settings, session, skillId, accessToken } = input;
  const application = { applicationId: skillId };
  // One Alexa account per demo shopper, so each keeps the same user id across sessions.
  const user = { userId: `amzn1.ask.account.LOCAL${(settings.shopperId ?? 'guest').toUpperCase()}`, ...(accessToken ? { accessToken } : {}) };
  const common = { requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: alexaTimestamp(now), locale: settings.locale };
  const request =
    ask.kind === 'launch'
      ? { type: 'LaunchRequest' as const, ...common }
      : {
          type: 'IntentRequest' as const,
          ...common,
          dialogState: 'COMPLETED' as const,
          intent: {
            name: ask.intent,
            confirmationStatus: 'NONE' as const,
            slots: Object.fromEntries(
              ask.slotNames.map((name) => [name, slotJson(name, ask.slots.find((fill) => fill.slot === name), skillId)]),
            ),
          },
        };
  return {
    version: '1.0',
    session: {
      new: session.turns === 0,
      sessionId: session.id,
      application,
      ...(session.turns === 0 ? {} : { attributes: { ...session.attributes } }),
      user,
    },
    context: {
      System: {
        application,
        user,
        device: {
          deviceId: 'amzn1.ask.device.LOCALDEVCONSOLE',
          supportedInterfaces: settings.screen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } } : {},
        },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request,
  };
}

export function newAlexaSessionId(): string {
  return `amzn1.echo-api.session.${randomUUID()}`;
}
