import type { Platform } from '../../lambda/core/turn';

/** Who talks to the assistant, and on what. */
export interface ConversationSettings {
  readonly platform: Platform;
  readonly locale: string;
  /** A shopper of the store whose account is linked; none for a guest. */
  readonly shopperId?: string;
  /** A device with a screen gets cards (and, on Google, suggestions). */
  readonly screen: boolean;
}

/** What the platform carries from one turn of a conversation to the next. */
export interface LocalSession {
  readonly id: string;
  /** Turns answered so far in this session. */
  readonly turns: number;
  /** Alexa's sessionAttributes, or Google's session.params, as the last response left them. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Google's current scene. */
  readonly scene?: string;
}
