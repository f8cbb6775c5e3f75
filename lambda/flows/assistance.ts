import { isStoreError } from '../commerce/commerce-errors';
import type { HandoffReason } from '../commerce/ports';
import type { Assistance, Flow, FlowContext, HandoffFacts } from '../core/flow';
import type { Reply } from '../core/reply';
import { end, linkAccount, listen } from '../core/replies';
import type { ActiveFlow } from '../core/session-state';
import { intentOf, type Platform } from '../core/turn';
import { type UnconfirmedWrite, unconfirmedWrite } from '../core/unconfirmed-writes';
import type { MessageKey } from '../speech/i18n';
import { cheerful, join, type Speech } from '../speech/speech';
import * as z from '../zod-mini';
import { escalate, HandoffFactsSchema, HandoffReasonSchema } from './handoff';

/** The step in which the shopper was just offered a person and we wait for yes or no. */
const OFFER_PERSON = 'offer-person';

/** Context a person needs, carried in the offer so the shopper never repeats it. */
export interface PersonOffer extends HandoffFacts {
  readonly reason: HandoffReason;
}

const PersonOfferSchema = z.extend(HandoffFactsSchema, {
  reason: z._default(HandoffReasonSchema, 'shopper-asked'),
});

/** The step waiting for yes or no to a person, for a channel that makes the offer itself (the phone's caller check). */
export function personOfferStep(offer: PersonOffer): ActiveFlow {
  return { flow: 'assistance', step: OFFER_PERSON, data: { ...offer } };
}

/** Keep listening for a yes or no to "shall I connect you with a person?". */
export function offerPerson(context: FlowContext, speech: Speech, offer: PersonOffer): Reply {
  const { turn, voice } = context;
  const active = personOfferStep(offer);
  return listen(turn, speech, voice.say('assistance.offerPersonReprompt'), {
    active,
    suggestions: [voice.line('suggestions.yes'), voice.line('suggestions.no')],
  });
}

function readOffer(active: ActiveFlow): PersonOffer {
  const parsed = PersonOfferSchema.safeParse(active.data);
  return parsed.success ? parsed.data : { reason: 'shopper-asked' };
}

/**
 * What to say when an order, a return or a ticket was sent but the store did not answer in time:
 * it may have gone through. Doing the same again checks, and finds the one it made.
 */
const UNCONFIRMED: Readonly<Record<UnconfirmedWrite | 'pin', { readonly speech: MessageKey; readonly reprompt: MessageKey }>> = {
  confirmation: { speech: 'assistance.unconfirmedConfirmation', reprompt: 'assistance.unconfirmedConfirmationReprompt' },
  // The order was confirmed with the PIN, and the PIN step is still the one in progress: saying it again checks.
  pin: { speech: 'assistance.unconfirmedPin', reprompt: 'assistance.unconfirmedPinReprompt' },
  handoff: { speech: 'assistance.unconfirmedHandoff', reprompt: 'assistance.unconfirmedHandoffReprompt' },
};

/** Why the shopper must say who they are first: linking in the Alexa or Google app; on the phone, the caller check that follows. */
const LINK_ACCOUNT_LINES: Readonly<Record<Platform, MessageKey>> = {
  alexa: 'auth.linkAccountAlexa',
  google: 'auth.linkAccountGoogle',
  phone: 'auth.checkCaller',
};

function suggestionsFor(context: FlowContext): string[] {
  return [context.voice.line('suggestions.whereIsMyOrder'), context.voice.line('suggestions.talkToPerson')];
}

export const assistance: Assistance = {
  async launch(context) {
    const { turn, voice, store, shopper } = context;
    // The name is in the store's record: the one read a linked launch makes.
    const known = await shopper?.profile();
    const welcome = known
      ? voice.say('assistance.welcomeLinked', { store: store.name, name: known.givenName })
      : voice.say('assistance.welcomeGuest', { store: store.name });
    return listen(turn, join([cheerful(welcome)], voice.say('assistance.whatCanIDo')), voice.say('assistance.whatCanIDoReprompt'), {
      suggestions: suggestionsFor(context),
    });
  },

  help(context) {
    const { turn, voice } = context;
    return listen(turn, voice.say('assistance.help'), voice.say('assistance.whatCanIDoReprompt'), {
      suggestions: suggestionsFor(context),
    });
  },

  stop(context) {
    return end(context.turn, context.voice.say('assistance.goodbye', { store: context.store.name }));
  },

  cancel(context) {
    const { turn, voice } = context;
    if (!turn.state.active) return assistance.stop(context);
    return listen(turn, voice.say('assistance.cancelled'), voice.say('assistance.anythingElseReprompt'));
  },

  talkToPerson: (context, reason, facts) => escalate(context, reason, facts),

  repeat(context) {
    const { turn, voice } = context;
    const last = turn.state.lastSpeech;
    if (!last || last.length === 0) return assistance.help(context);
    return listen(turn, last, voice.say('assistance.anythingElseReprompt'), { active: turn.state.active });
  },

  notUnderstood(context, open) {
    const { turn, voice, store } = context;
    const misunderstood = turn.state.misunderstood + 1;
    if (open && misunderstood === 1) {
      // Never the generic menu while a question is open: that question again, still open.
      return listen(turn, join(voice.say('assistance.missedAnswer'), open.again.speech), open.again.next === 'listen' ? open.again.reprompt : open.again.speech, {
        active: turn.state.active,
        misunderstood,
      });
    }
    if (misunderstood === 1) {
      // Chit-chat and requests out of scope (jokes, weather) are what the model's fallback catches;
      // an answer to a question nobody asked ("yes") was simply not expected.
      const key = intentOf(turn) === 'FallbackIntent' && !turn.silent ? 'assistance.outOfScope' : 'assistance.notUnderstoodFirst';
      return listen(turn, voice.say(key), voice.say('assistance.whatCanIDoReprompt'), {
        active: turn.state.active,
        misunderstood,
        suggestions: suggestionsFor(context),
      });
    }
    if (misunderstood === 2) {
      const offer = offerPerson(context, voice.say('assistance.notUnderstoodSecond'), { ...open?.facts, reason: 'not-understood' });
      return { ...offer, state: { ...offer.state, misunderstood } };
    }
    return end(turn, voice.say('assistance.notUnderstoodGiveUp', { phone: voice.telephone(store.supportPhone) }));
  },

  linkAccount(context) {
    const { turn, voice, store } = context;
    return linkAccount(turn, voice.say(LINK_ACCOUNT_LINES[turn.platform], { store: store.name }));
  },

  apologize(context, cause) {
    const { turn, voice, store } = context;
    const unconfirmed = unconfirmedWrite(cause);
    if (unconfirmed) {
      const lines = UNCONFIRMED[unconfirmed === 'confirmation' && turn.state.active?.secret ? 'pin' : unconfirmed];
      // The step that made the write stays in progress, so the same answer repeats it with the same key.
      return { ...listen(turn, voice.say(lines.speech), voice.say(lines.reprompt)), state: turn.state };
    }
    // When the store's own systems failed, say so: waiting a little helps then, or calling (asking for
    // a person here needs the store too, to know who the shopper is).
    const apology = isStoreError(cause)
      ? voice.say('assistance.storeUnavailable', { phone: voice.telephone(store.supportPhone) })
      : voice.say('assistance.apology');
    const reply = listen(turn, apology, voice.say('assistance.apologyReprompt'));
    // Keep the conversation exactly where it was, so the shopper can simply try again.
    return { ...reply, state: turn.state };
  },

  sessionEnded(context) {
    return end(context.turn, []);
  },
};

/** The yes/no after "shall I connect you with a person?". */
export const assistanceFlow: Flow = {
  name: 'assistance',
  needsShopper: false,
  startsOn: [],
  async start(context) {
    return assistance.help(context);
  },
  async continue(context, active) {
    if (active.step !== OFFER_PERSON) return undefined;
    const intent = intentOf(context.turn);
    if (intent === 'YesIntent') {
      const { reason, ...facts } = readOffer(active);
      return escalate(context, reason, facts);
    }
    if (intent === 'NoIntent') return end(context.turn, context.voice.say('assistance.declinedPerson'));
    return undefined;
  },
  answers: { [OFFER_PERSON]: ['confirm'] },

  help(context, active) {
    return offerPerson(context, context.voice.say('assistance.offerPersonReprompt'), readOffer(active));
  },
  handoffFacts(active) {
    const { reason: _reason, ...facts } = readOffer(active);
    return facts;
  },
};
