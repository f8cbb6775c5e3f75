import type { CallStates } from '../../commerce/ports';
import type { StoreProfile } from '../../core/flow';
import type { IntentName } from '../../core/intents';
import type { TextReader } from '../../core/own-reading';
import type { FiledTicket } from '../../core/reply';
import type { Router } from '../../core/router';
import type { Turn, TurnEvent, TurnProgress } from '../../core/turn';
import { supportedLocale } from '../../speech/i18n';
import { join, type Speech } from '../../speech/speech';
import { type Voice, voiceFor } from '../../speech/voice';
import { calendarDayIn, isoDay } from '../../understanding/calendar';
import { loadCall, MAX_SAID_PARTS, newCall, type PhoneCall, saveCall } from './call-state';
import { languageChange } from './call-language';
import { callerByNumber, type SecondFactorPorts } from './caller-check';
import { answerCheck, askWhoIsCalling, type CallerInput, CHECK_QUESTIONS } from './caller-gate';
import { heardOfReply } from './heard-speech';
import { phoneText, sentenceTokens } from './phone-speech';
import { Talk } from './talk';
import type { AppMessage, RelayMessage } from './relay-messages';

/**
 * One call on the relay: each prompt (or digits keyed and closed with #) becomes a Turn for the
 * router, and the Reply goes back as text tokens, first sentence first. In front of the router
 * sits the caller check (caller-gate.ts): whatever needs the shopper's account waits until the
 * caller has proved who they are. The call's state is saved after every turn, so nothing
 * confirmed is lost when the socket drops.
 */

export interface PhoneCallDependencies {
  readonly router: Router;
  /** The store's shoppers and orders, for recognising the caller; never the flows' view of them. */
  readonly ports: SecondFactorPorts;
  readonly callStates: CallStates;
  /** Reads what the caller says while the check waits for a second factor: a request for a person still gets one. */
  readonly readText: TextReader;
  readonly store: Pick<StoreProfile, 'timeZone'>;
  /** The language calls start in, unless the TwiML's `locale` parameter says another. */
  readonly defaultLocale: string;
  readonly clock?: () => Date;
  /** Told of failures the caller heard an apology for. Must not throw. */
  readonly onError?: (error: unknown) => void;
  /** Told of the relay's own error messages. Must not throw. */
  readonly onRelayError?: (description: string) => void;
}

export interface CallConnection {
  /** Handles one message from the relay; messages are handled one after the other, in order. */
  receive(message: RelayMessage): Promise<void>;
  /** The socket closed: the router hears that the session ended, unless the assistant ended it. */
  closed(): Promise<void>;
  /** What the connection holds between messages, for a transport that handles each message in a fresh process (API Gateway). */
  state(): CallConnectionState;
}

/** A connection's own state between messages: the call it set up, digits keyed before #, and whether the relay was ended. */
export interface CallConnectionState {
  readonly callId?: string;
  readonly keyed: string;
  readonly ended: boolean;
}

/** What one input comes to: the call's next state, what to say, and whether the relay ends (and with what for the person next). */
interface Outcome {
  readonly call: PhoneCall;
  readonly say: Speech;
  readonly end?: { readonly ticket?: FiledTicket };
}

/** Requests that are answered even while the caller check waits for a second factor. */
const ANSWERED_DURING_CHECK: ReadonlySet<IntentName> = new Set(['TalkToAgentIntent', 'FrustrationIntent', 'StopIntent', 'CancelIntent']);

/** Digits a caller keys before pressing #; more than any order number. */
const MAX_KEYED_DIGITS = 32;

const HEARD_AS_TEXT = { kind: 'intent', intent: 'FallbackIntent', slots: {} } as const;

/** The call as the next turn starts from it: what was just said, and nothing yet of what the caller heard of it. */
function afterSaying(call: PhoneCall, said: Speech): PhoneCall {
  return { ...call, said: said.length <= MAX_SAID_PARTS ? said : undefined, heard: undefined };
}

/** The call with no check question open: what the caller says is a turn for the router. */
function withoutCheck(call: PhoneCall): PhoneCall {
  return { ...call, awaiting: undefined, orderNumber: undefined, pending: undefined };
}

/** What the person taking the call over reads in the `<Connect action>` request's HandoffData. */
export function handoffDataOf(ticket: FiledTicket): string {
  return JSON.stringify({ reference: ticket.reference, reason: ticket.reason, summary: ticket.summary });
}

export function createCallConnection(dependencies: PhoneCallDependencies, send: (message: AppMessage) => void, resumed?: CallConnectionState): CallConnection {
  const { router, ports, callStates, store } = dependencies;
  const clock = dependencies.clock ?? (() => new Date());
  let callId: string | undefined = resumed?.callId;
  let keyed = resumed?.keyed ?? '';
  let ended = resumed?.ended ?? false;
  let queue: Promise<void> = Promise.resolve();
  /**
   * The talk whose tokens are being sent, which the caller can still cut short. Only for cutting
   * it: what was said is in the call state (`said`), so an interrupt handled in another process
   * (API Gateway) works out what the caller heard just as this one does.
   */
  let talking: Talk | undefined;

  async function say(speech: Speech, locale: string): Promise<void> {
    const talk = new Talk();
    talking = talk;
    try {
      await talk.send(sentenceTokens(phoneText(speech, locale)), send);
    } finally {
      if (talking === talk) talking = undefined;
    }
  }

  function progressFor(locale: string): TurnProgress {
    return {
      say: (speech) => say(speech, locale),
    };
  }

  async function route(call: PhoneCall, heard: string, intro: Speech, voice: Voice, event: TurnEvent = HEARD_AS_TEXT): Promise<Outcome> {
    const turns = call.turns + 1;
    const turn: Turn = {
      platform: 'phone',
      locale: call.locale,
      event,
      utterance: heard,
      state: call.session,
      ...(call.heard !== undefined ? { heardOfLastReply: call.heard } : {}),
      ...(call.caller.kind === 'verified' ? { identifiedShopper: { shopperId: call.caller.shopperId } } : {}),
      device: { screen: false, liveTransfer: true },
      requestId: `${callId}:${turns}`,
      sessionId: callId!,
      progress: progressFor(call.locale),
    };
    const reply = await router(turn);
    const answered = { ...call, turns };
    if (reply.next === 'link-account') return askWhoIsCalling(answered, reply.speech, heard, voice, ports);
    return {
      call: { ...answered, session: reply.state },
      say: join(intro, reply.speech),
      ...(reply.next === 'end' ? { end: reply.ticket ? { ticket: reply.ticket } : {} } : {}),
    };
  }

  function heardText(input: CallerInput): string {
    return input.kind === 'speech' ? input.text : input.digits;
  }

  /** The caller answered the check's question; once it passes, what they asked for is answered. */
  async function passCheck(call: PhoneCall, input: CallerInput, voice: Voice, now: Date): Promise<Outcome> {
    const step = await answerCheck(call, input, voice, ports, now);
    return step.replay ? route(step.call, step.replay.heard, step.replay.intro, voice) : step;
  }

  /** Whether the caller, asked to prove who they are, asked for something else the check must not stand in the way of. */
  function asksPastTheCheck(call: PhoneCall, input: CallerInput): boolean {
    if (input.kind !== 'speech') return false;
    const today = isoDay(calendarDayIn(clock(), store.timeZone));
    const reading = dependencies.readText({ text: input.text, locale: call.locale, expecting: [], today });
    return ANSWERED_DURING_CHECK.has(reading.intent);
  }

  /** What the caller says or keys, answered by the check or the router. */
  async function respond(call: PhoneCall, input: CallerInput, voice: Voice, now: Date): Promise<Outcome> {
    return call.awaiting && !asksPastTheCheck(call, input) ? passCheck(call, input, voice, now) : route(withoutCheck(call), heardText(input), [], voice);
  }

  /**
   * The caller asked for another language and nothing else: they hear that it is switched, and
   * then again whatever is open, in that language: the check's question, the step in progress
   * (its help explains it), or what they can ask.
   */
  async function languageSwitched(call: PhoneCall, heard: string, voice: Voice): Promise<Outcome> {
    const switched = voice.say('phone.languageSwitched');
    if (call.awaiting) return { call, say: join(switched, voice.say(CHECK_QUESTIONS[call.awaiting])) };
    if (call.session.active) return route(call, heard, switched, voice, { kind: 'intent', intent: 'HelpIntent', slots: {} });
    return { call, say: join(switched, voice.say('assistance.whatCanIDo')) };
  }

  async function answer(input: CallerInput, lang?: string): Promise<void> {
    if (!callId || ended) return;
    const now = clock();
    let locale = dependencies.defaultLocale;
    try {
      let call = (await loadCall(callStates, callId, now)) ?? newCall(locale, { kind: 'unknown', failures: 0 });
      const change = input.kind === 'speech' ? languageChange(call.locale, { text: input.text, ...(lang ? { lang } : {}) }) : undefined;
      if (change) {
        call = { ...call, locale: change.locale };
        // The relay speaks and listens in the new language from the next token on.
        send({ type: 'language', ttsLanguage: change.locale, transcriptionLanguage: change.locale });
      }
      locale = call.locale;
      const voice = voiceFor(locale, store.timeZone);
      const outcome = change?.onlyAsked
        ? await languageSwitched(call, heardText(input), voice)
        : await respond(call, input, voice, now).then((answered) => (change ? { ...answered, say: join(voice.say('phone.languageSwitched'), answered.say) } : answered));
      const next = afterSaying(outcome.call, outcome.say);
      // Saved before it is said: what the caller hears is what the next turn starts from.
      await saveCall(callStates, callId, next, now);
      await say(outcome.say, next.locale);
      if (outcome.end) {
        ended = true;
        send(outcome.end.ticket ? { type: 'end', handoffData: handoffDataOf(outcome.end.ticket) } : { type: 'end' });
      }
    } catch (error) {
      dependencies.onError?.(error);
      await say(voiceFor(locale, store.timeZone).say('assistance.apology'), locale);
    }
  }

  /** The caller spoke over the assistant: what they heard of the last reply is kept for the turn their words make. */
  async function interrupted(utteranceUntilInterrupt: string): Promise<void> {
    if (!callId || ended) return;
    const now = clock();
    const call = await loadCall(callStates, callId, now);
    if (!call?.said) return;
    const heard = heardOfReply(call.said, utteranceUntilInterrupt, call.locale);
    if (heard !== undefined) await saveCall(callStates, callId, { ...call, heard }, now);
  }

  async function setUp(message: Extract<RelayMessage, { type: 'setup' }>): Promise<void> {
    if (callId) return;
    callId = message.callSid;
    const now = clock();
    // The same call on a new socket (the first one dropped) goes on where it was.
    if (await loadCall(callStates, callId, now)) return;
    const asked = message.customParameters?.locale;
    const locale = asked ? supportedLocale(asked) : supportedLocale(dependencies.defaultLocale);
    await saveCall(callStates, callId, newCall(locale, await callerByNumber(ports.shoppers, message.from)), now);
  }

  async function handle(message: RelayMessage): Promise<void> {
    switch (message.type) {
      case 'setup':
        return setUp(message);
      case 'prompt': {
        const text = message.voicePrompt.trim();
        // Partial transcripts are previews; the final one of the utterance is the answer.
        if (message.last === false || text === '') return;
        return answer({ kind: 'speech', text }, message.lang);
      }
      case 'dtmf': {
        if (message.digit === '#') {
          const digits = keyed;
          keyed = '';
          if (digits !== '') await answer({ kind: 'keys', digits });
        } else if (message.digit === '*') keyed = '';
        else if (/^\d$/.test(message.digit) && keyed.length < MAX_KEYED_DIGITS) keyed += message.digit;
        return;
      }
      case 'interrupt':
        return interrupted(message.utteranceUntilInterrupt);
      case 'error':
        dependencies.onRelayError?.(message.description);
        return;
    }
  }

  function enqueue(work: () => Promise<void>): Promise<void> {
    queue = queue.then(work).catch((error: unknown) => dependencies.onError?.(error));
    return queue;
  }

  return {
    receive: (message) => {
      // The talk still on its way stops at once; what was heard of it waits its turn in the queue.
      if (message.type === 'interrupt') talking?.interrupt();
      return enqueue(() => handle(message));
    },
    state: () => ({ ...(callId === undefined ? {} : { callId }), keyed, ended }),
    closed: () =>
      enqueue(async () => {
        if (!callId || ended) return;
        ended = true;
        const call = await loadCall(callStates, callId, clock());
        if (!call) return;
        // The router records the end; the state stays as saved, for the same call on a new socket.
        await router({
          platform: 'phone',
          locale: call.locale,
          event: { kind: 'session-ended', reason: 'socket-closed' },
          state: call.session,
          device: { screen: false, liveTransfer: true },
          requestId: `${callId}:closed`,
          sessionId: callId,
        });
      }),
  };
}
