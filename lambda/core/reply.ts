import type { Speech } from '../speech/speech';
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
  /** The state the next turn starts from. */
  readonly state: SessionState;
}

/** What the assistant answers, and what comes next. */
export type Reply =
  /** Keep the microphone open; a reprompt is mandatory when listening. */
  | (ReplyBase & { readonly next: 'listen'; readonly reprompt: Speech })
  /** Close the conversation. */
  | (ReplyBase & { readonly next: 'end' })
  /** The shopper must link their account first: Alexa shows a LinkAccount card, Google runs its linking scene. */
  | (ReplyBase & { readonly next: 'link-account' });
