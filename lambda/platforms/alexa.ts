import { DefaultApiClient, type HandlerInput, type Skill, SkillBuilders } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope, Response, ResponseEnvelope, Slot } from 'ask-sdk-model';
import { screenChoiceEvent } from '../core/display';
import { isIntentName, type IntentName } from '../core/intents';
import type { Reply } from '../core/reply';
import type { Router } from '../core/router';
import type { SessionStateSeal } from '../core/sealed-state';
import { readSessionState, SESSION_STATE_KEY } from '../core/session-state';
import type { SlotValue, Turn, TurnEvent, TurnProgress } from '../core/turn';
import { renderSsml } from '../speech/ssml';
import { voiceFor } from '../speech/voice';
import { alexaShopperIdentity } from './alexa-speaker';
import { renderDocumentDirective, showsApl } from './alexa-screen/screen-directive';
import { screenChoiceOf, USER_EVENT } from './alexa-screen/screen-touch';
import { isPermissionEvent, readPermissionEvent } from './alexa-proactive/skill-events';
import type { NotificationPermissionChange } from '../events/notification-permissions';


export interface AlexaSkillOptions {
  readonly router: Router;
  /** Seals the state left in sessionAttributes, and checks the seal of what comes back. */
  readonly stateSeal: SessionStateSeal;
  /** When set, requests for any other skill are rejected by ask-sdk-core. */
  readonly skillId?: string;
  /**
   * Told about a failure: one the shopper heard an apology for, or a skill-disabled event that
   * could not be acted on in time. Must not throw.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Called with the shopper's access token when they disable the skill, to forget what the skill
   * kept from their voice. Given a token only: the skill keeps no Alexa user id, so an event
   * without one names nobody it could find.
   */
  readonly onSkillDisabled?: (accessToken: string) => Promise<void>;
  /** How long the skill-disabled event waits for `onSkillDisabled`, in milliseconds. Default 5000. */
  readonly skillDisabledBudgetMs?: number;
  /**
   * Called when a shopper subscribes to or unsubscribes from the skill's order notifications, or
   * grants or withdraws the notifications permission (alexa-proactive/skill-events.ts). Must not reject.
   */
  readonly onNotificationPermission?: (change: NotificationPermissionChange) => Promise<void>;
}

const SKILL_DISABLED = 'AlexaSkillEvent.SkillDisabled';
const DEFAULT_SKILL_DISABLED_BUDGET_MS = 5000;

/** `onSkillDisabled` did not finish within its budget; it may still finish on its own. */
export class SkillDisabledTimeoutError extends Error {
  override readonly name = 'SkillDisabledTimeoutError';

  constructor(readonly budgetMs: number) {
    super(`Skill disabled: forgetting the shopper took longer than ${budgetMs} ms`);
  }
}

/** Runs the callback within its budget; resolves in every case, reporting a failure or a timeout. */
async function actOnSkillDisabled(options: AlexaSkillOptions, accessToken: string): Promise<void> {
  const callback = options.onSkillDisabled;
  if (!callback) return;
  const budgetMs = options.skillDisabledBudgetMs ?? DEFAULT_SKILL_DISABLED_BUDGET_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(() => callback(accessToken)),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new SkillDisabledTimeoutError(budgetMs)), budgetMs);
      }),
    ]);
  } catch (error) {
    try {
      options.onError?.(error);
    } catch {
      // A failing reporter must not turn the event into an error response.
    }
  } finally {
    clearTimeout(timer);
  }
}

function intentName(alexaName: string): IntentName {
  if (alexaName === 'AMAZON.NavigateHomeIntent') return 'StopIntent';
  const name = alexaName.startsWith('AMAZON.') ? alexaName.slice('AMAZON.'.length) : alexaName;
  return isIntentName(name) ? name : 'FallbackIntent';
}

/** A slot as heard, with the canonical value when entity resolution matched one. */
function slotValue(slot: Slot): SlotValue | undefined {
  if (!slot.value) return undefined;
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    const match = authority.status?.code === 'ER_SUCCESS_MATCH' ? authority.values?.[0]?.value : undefined;
    if (match) return { spoken: slot.value, id: match.id, canonical: match.name };
  }
  return { spoken: slot.value };
}

function intentEvent(request: IntentRequest): TurnEvent {
  const slots: Record<string, SlotValue> = {};
  for (const [name, slot] of Object.entries(request.intent.slots ?? {})) {
    const value = slotValue(slot);
    if (value) slots[name] = value;
  }
  return { kind: 'intent', intent: intentName(request.intent.name), slots };
}

function turnEvent(envelope: RequestEnvelope): TurnEvent | undefined {
  const request = envelope.request;
  switch (request.type) {
    case 'LaunchRequest':
      return { kind: 'launch' };
    case 'IntentRequest':
      return intentEvent(request);
    case 'SessionEndedRequest':
      return { kind: 'session-ended', reason: request.reason };
    case USER_EVENT: {
      // A touch on the screen is what saying it would be; a touch that names nothing of ours is not understood.
      const choice = screenChoiceOf(request);
      return (choice && screenChoiceEvent(choice)) ?? { kind: 'intent', intent: 'FallbackIntent', slots: {} };
    }
    default:
      return undefined;
  }
}

export function alexaTurn(envelope: RequestEnvelope, event: TurnEvent, sessionAttributes: Record<string, unknown>, stateSeal: SessionStateSeal): Turn {
  const system = envelope.context?.System;
  const interfaces = system?.device?.supportedInterfaces ?? {};
  const sessionId = envelope.session?.sessionId ?? envelope.request.requestId;
  const { accessToken, speaker } = alexaShopperIdentity(envelope);
  return {
    platform: 'alexa',
    locale: envelope.request.locale ?? 'en-US',
    event,
    state: readSessionState(stateSeal.open(sessionAttributes[SESSION_STATE_KEY], { platform: 'alexa', sessionId })),
    accessToken,
    speaker,
    device: { screen: 'Alexa.Presentation.APL' in interfaces || 'Display' in interfaces, drawsDisplay: showsApl(envelope) },
    requestId: envelope.request.requestId,
    sessionId,
  };
}

/** A progressive response Alexa did not take; says only how it failed, never what came back. */
export class ProgressiveResponseError extends Error {
  override readonly name = 'ProgressiveResponseError';

  constructor(
    /** The directive service's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(status === undefined ? 'Progressive response not delivered: the directive service could not be reached' : `Progressive response refused: HTTP ${status}`);
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Speaking while the turn is still being worked out: a VoicePlayer.Speak directive sent through
 * Alexa's directive service. Only when the request says where that service is and carries the
 * token for it; the directive must name the request it belongs to.
 */
function progressOf(input: HandlerInput): TurnProgress | undefined {
  const envelope = input.requestEnvelope;
  const system = envelope.context?.System;
  const factory = input.serviceClientFactory;
  if (!system?.apiEndpoint || !system.apiAccessToken || !factory) return undefined;
  const requestId = envelope.request.requestId;
  return {
    async say(speech) {
      try {
        await factory.getDirectiveServiceClient().enqueue({
          header: { requestId },
          directive: { type: 'VoicePlayer.Speak', speech: renderSsml(speech, 'alexa') },
        });
      } catch (error) {
        throw new ProgressiveResponseError(statusOf(error));
      }
    },
  };
}

function respond(input: HandlerInput, turn: Turn, reply: Reply, stateSeal: SessionStateSeal): Response {
  const builder = input.responseBuilder;
  input.attributesManager.setSessionAttributes({ [SESSION_STATE_KEY]: stateSeal.seal(reply.state, { platform: 'alexa', sessionId: turn.sessionId }) });
  if (reply.speech.length > 0) builder.speak(renderSsml(reply.speech, 'alexa'));
  switch (reply.next) {
    case 'listen':
      builder.reprompt(renderSsml(reply.reprompt, 'alexa')).withShouldEndSession(false);
      break;
    case 'link-account':
      builder.withLinkAccountCard().withShouldEndSession(true);
      break;
    case 'end':
      builder.withShouldEndSession(true);
      break;
  }
  if (reply.card && reply.next !== 'link-account') builder.withSimpleCard(reply.card.title, reply.card.text);
  // Only to a device that lists APL: the voice says everything without it.
  if (reply.display && reply.next !== 'link-account' && showsApl(input.requestEnvelope)) builder.addDirective(renderDocumentDirective(reply.display));
  return builder.getResponse();
}

/** A real ask-sdk-core custom skill: every turn goes to the router; the skill-disabled event to `onSkillDisabled`. */
export function createAlexaSkill(options: AlexaSkillOptions): Skill {
  const builder = SkillBuilders.custom()
    // For progressive responses; it speaks http as well as https, so tests can stand in for Alexa's API.
    .withApiClient(new DefaultApiClient())
    .addRequestHandlers(
      {
        // The shopper disabled the skill in the Alexa app. Alexa sends the linked account's token
        // in context.System.user.accessToken when there is one; without it the event names no one
        // the skill knows (it keeps no Alexa user id), so there is nothing it could forget.
        // Alexa expects an empty response to an event.
        canHandle: (input) => input.requestEnvelope.request.type === SKILL_DISABLED,
        async handle(input) {
          const accessToken = input.requestEnvelope.context?.System?.user?.accessToken;
          if (accessToken) await actOnSkillDisabled(options, accessToken);
          return input.responseBuilder.getResponse();
        },
      },
      {
        // The shopper's word on order notifications. Without a linked account's token the event
        // names no shopper the skill could notify. Alexa expects an empty response to an event.
        canHandle: (input) => isPermissionEvent(input.requestEnvelope),
        async handle(input) {
          const { accessToken, recipient, locale, subscribed, at } = readPermissionEvent(input.requestEnvelope);
          if (accessToken && recipient && options.onNotificationPermission) {
            await options.onNotificationPermission({ accessToken, platform: 'alexa', recipient, ...(locale ? { locale } : {}), subscribed, at });
          }
          return input.responseBuilder.getResponse();
        },
      },
      {
        canHandle: () => true,
        async handle(input) {
          const envelope = input.requestEnvelope;
          const event = turnEvent(envelope);
          // Requests the skill does not take part in (e.g. system messages) get an empty response.
          if (!event) return input.responseBuilder.getResponse();
          const turn = alexaTurn(envelope, event, input.attributesManager.getSessionAttributes(), options.stateSeal);
          const progress = event.kind === 'session-ended' ? undefined : progressOf(input);
          const reply = await options.router(progress ? { ...turn, progress } : turn);
          // Alexa rejects any speech in answer to SessionEndedRequest.
          if (event.kind === 'session-ended') return input.responseBuilder.getResponse();
          return respond(input, turn, reply, options.stateSeal);
        },
      },
    )
    .addErrorHandlers({
      canHandle: () => true,
      handle(input, error) {
        options.onError?.(error);
        const voice = voiceFor(input.requestEnvelope.request.locale ?? 'en-US', 'UTC');
        return input.responseBuilder
          .speak(renderSsml(voice.say('assistance.apology'), 'alexa'))
          .reprompt(renderSsml(voice.say('assistance.apologyReprompt'), 'alexa'))
          .withShouldEndSession(false)
          .getResponse();
      },
    });
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}

/**
 * The Lambda handler: async, because Lambda's current Node.js runtimes reject callback-style
 * handlers such as the one ask-sdk-core's `lambda()` returns.
 */
export function createAlexaLambdaHandler(skill: Skill): (event: RequestEnvelope, context: unknown) => Promise<ResponseEnvelope> {
  return (event, context) => skill.invoke(event, context);
}
