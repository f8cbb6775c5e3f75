import { DefaultApiClient, type HandlerInput, type Skill, SkillBuilders } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope, Response, ResponseEnvelope, Slot } from 'ask-sdk-model';
import { isIntentName, type IntentName } from '../core/intents';
import type { Reply } from '../core/reply';
import type { Router } from '../core/router';
import { readSessionState } from '../core/session-state';
import type { SlotValue, Turn, TurnEvent, TurnProgress } from '../core/turn';
import { renderSsml } from '../speech/ssml';
import { voiceFor } from '../speech/voice';

/** Where the conversation state lives inside Alexa's sessionAttributes. */
const STATE_KEY = 'shopvoice';

export interface AlexaSkillOptions {
  readonly router: Router;
  /** When set, requests for any other skill are rejected by ask-sdk-core. */
  readonly skillId?: string;
  /** Told about a failure the shopper heard an apology for. Must not throw. */
  readonly onError?: (error: unknown) => void;
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
    default:
      return undefined;
  }
}

export function alexaTurn(envelope: RequestEnvelope, event: TurnEvent, sessionAttributes: Record<string, unknown>): Turn {
  const system = envelope.context?.System;
  const interfaces = system?.device?.supportedInterfaces ?? {};
  return {
    platform: 'alexa',
    locale: envelope.request.locale ?? 'en-US',
    event,
    state: readSessionState(sessionAttributes[STATE_KEY]),
    accessToken: system?.user?.accessToken ?? envelope.session?.user?.accessToken,
    device: { screen: 'Alexa.Presentation.APL' in interfaces || 'Display' in interfaces },
    requestId: envelope.request.requestId,
    sessionId: envelope.session?.sessionId ?? envelope.request.requestId,
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

function respond(input: HandlerInput, reply: Reply): Response {
  const builder = input.responseBuilder;
  input.attributesManager.setSessionAttributes({ [STATE_KEY]: reply.state });
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
  return builder.getResponse();
}

/** A real ask-sdk-core custom skill whose one request handler hands every turn to the router. */
export function createAlexaSkill(options: AlexaSkillOptions): Skill {
  const builder = SkillBuilders.custom()
    // For progressive responses; it speaks http as well as https, so tests can stand in for Alexa's API.
    .withApiClient(new DefaultApiClient())
    .addRequestHandlers({
      canHandle: () => true,
      async handle(input) {
        const envelope = input.requestEnvelope;
        const event = turnEvent(envelope);
        // Requests the skill does not take part in (e.g. system messages) get an empty response.
        if (!event) return input.responseBuilder.getResponse();
        const turn = alexaTurn(envelope, event, input.attributesManager.getSessionAttributes());
        const progress = event.kind === 'session-ended' ? undefined : progressOf(input);
        const reply = await options.router(progress ? { ...turn, progress } : turn);
        // Alexa rejects any speech in answer to SessionEndedRequest.
        if (event.kind === 'session-ended') return input.responseBuilder.getResponse();
        return respond(input, reply);
      },
    })
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
