import type { HandoffReason, Money } from '../commerce/ports';
import type { Speech } from '../speech/speech';
import type { Display } from './display';
import type { SessionState } from './session-state';

export interface Card {
  readonly title: string;
  readonly text: string;
}

interface ReplyBase {
  readonly speech: Speech;
  /** A card for screens and the companion app. */
  readonly card?: Card;
  /** Short follow-ups a screen can show as chips. */
  readonly suggestions?: readonly string[];
  /** What a screen shows of this answer (the options offered, the orders told); set only for turns from a device with a screen. */
  readonly display?: Display;
  /** The state the next turn starts from. */
  readonly state: SessionState;
  /** Set on the turn that completed what the shopper came for, for the containment report. */
  readonly achieved?: Achievement;
  /**
   * Set on the turn that handed the shopper to a person: 'ticket' when a handoff ticket was filed,
   * 'phone' when a shopper without a linked account was given the store's number instead. The
   * containment report counts both as handed off.
   */
  readonly handedOff?: 'ticket' | 'phone';
  /** The ticket this turn filed, for a channel that passes the live conversation on with it (the phone's handoffData). */
  readonly ticket?: FiledTicket;
}

/** What a person taking over a live conversation is told of the ticket filed for it. */
export interface FiledTicket {
  readonly reference: string;
  readonly reason: HandoffReason;
  /** Staff-facing, as on the ticket. */
  readonly summary: string;
}

/** A shopper's goal completed by voice. */
export type Achievement =
  | { readonly goal: 'order-status-given' }
  | { readonly goal: 'return-created' }
  | { readonly goal: 'product-chosen' }
  /** Nothing was ordered: the basket waits in a cart at the store's checkout page, its link on the shopper's app. */
  | { readonly goal: 'cart-prepared' }
  /** The order's total, for voice-attributed conversion. */
  | { readonly goal: 'order-placed'; readonly orderValue: Money };

/** What the assistant answers, and what comes next. */
export type Reply =
  /** Keep the microphone open; a reprompt is mandatory when listening. */
  | (ReplyBase & { readonly next: 'listen'; readonly reprompt: Speech })
  /** Close the conversation. */
  | (ReplyBase & { readonly next: 'end' })
  /** The shopper must link their account first: Alexa shows a LinkAccount card, Google runs its linking scene. */
  | (ReplyBase & { readonly next: 'link-account' });
