import { plainText, type Speech } from '../speech/speech';
import type { IntentName } from './intents';
import type { SessionState } from './session-state';

export type Platform = 'alexa' | 'google' | 'phone';

/** A slot as the shopper said it, plus the catalog id when the platform resolved it to a slot-type value. */
export interface SlotValue {
  /** What the platform heard, e.g. "twenty one". */
  readonly spoken: string;
  /** The canonical value id from the slot type (entity resolution), when one matched. */
  readonly id?: string;
  /** The canonical value name, when one matched. */
  readonly canonical?: string;
}

export type Slots = Readonly<Record<string, SlotValue>>;

export type TurnEvent =
  | { readonly kind: 'launch' }
  | { readonly kind: 'intent'; readonly intent: IntentName; readonly slots: Slots }
  | { readonly kind: 'session-ended'; readonly reason: string };

export interface DeviceCapabilities {
  readonly screen: boolean;
  /** The device draws the reply's display (`Reply.display`), where the shopper can see and touch each product. */
  readonly drawsDisplay?: boolean;
  /** The channel can put the shopper through to a person right away (the phone): a handoff passes the live call on. */
  readonly liveTransfer?: boolean;
}

/**
 * Who is speaking, on channels that tell apart the people sharing one device (Alexa's voice IDs
 * with skill personalization). Absent on channels that cannot.
 */
export interface Speaker {
  /** The platform recognised the speaker's voice as one of the account's people. */
  readonly recognised: boolean;
  /** How sure the platform is of who is speaking (Alexa's authenticationConfidenceLevel.level); higher is surer. */
  readonly confidence?: number;
  /** The access token is the recognised speaker's own (person-level account linking), not the device account's. */
  readonly ownLink: boolean;
  /** The platform's id of the account the device is registered to, which everyone in the household talks through. */
  readonly accountId?: string;
}

/** Speaking before the reply is ready, where the platform can (Alexa's progressive responses). */
export interface TurnProgress {
  /** Says `speech` now, while the turn goes on; rejects when the platform did not take it. */
  say(speech: Speech): Promise<void>;
}

/** One thing the shopper did, in platform-neutral terms. */
export interface Turn {
  readonly platform: Platform;
  readonly locale: string;
  readonly event: TurnEvent;
  /** The raw text of what the shopper said, when the platform gives it (Google does, Alexa does not). */
  readonly utterance?: string;
  /** The shopper said nothing at all (the platform's no-input event): they need the question again, not a menu of what is out of scope. */
  readonly silent?: boolean;
  readonly state: SessionState;
  /** The account-linking access token exactly as the platform passed it; verified by auth/. */
  readonly accessToken?: string;
  /**
   * The shopper a channel without account linking identified itself (the phone, once the caller's
   * number and a second factor matched); the router trusts it as it trusts a verified token. Only
   * the channel adapter that checked the shopper sets it.
   */
  readonly identifiedShopper?: { readonly shopperId: string };
  /** Who is speaking, where the platform can tell; `accessToken` is then the speaker's own when they linked their own account. */
  readonly speaker?: Speaker;
  readonly device: DeviceCapabilities;
  readonly requestId: string;
  /** The platform's conversation id: stable across the turns of one conversation. */
  readonly sessionId: string;
  /** Present when the platform can say something before the reply (Alexa, when the request allows it). */
  readonly progress?: TurnProgress;
  /**
   * The shopper spoke over the last reply and heard only its beginning, where the platform can
   * tell (the phone's barge-in): the words of it they heard in full, as `plainText` writes them.
   * Absent when the last reply was heard to its end, or the platform cannot tell.
   */
  readonly heardOfLastReply?: string;
}

export function slotOf(turn: Turn, name: string): SlotValue | undefined {
  return turn.event.kind === 'intent' ? turn.event.slots[name] : undefined;
}

export function intentOf(turn: Turn): IntentName | undefined {
  return turn.event.kind === 'intent' ? turn.event.intent : undefined;
}

/** Names one conversation across both platforms, for the turn log and handoff tickets. */
export function conversationIdOf(turn: Turn): string {
  return `${turn.platform}:${turn.sessionId}`;
}

/** The digits of a number slot (its resolved value, else what was heard), when there are 1 to 12. */
export function slotDigits(slot: SlotValue | undefined): string | undefined {
  const digits = slot ? (slot.id ?? slot.spoken).replace(/\D/g, '') : '';
  return digits.length > 0 && digits.length <= 12 ? digits : undefined;
}

/** A count said in a slot ("three", "3"), when it is a whole number from 1 to `max`. */
export function slotCount(slot: SlotValue | undefined, max: number): number | undefined {
  const digits = slotDigits(slot);
  const count = digits === undefined ? Number.NaN : Number(digits);
  return Number.isInteger(count) && count >= 1 && count <= max ? count : undefined;
}

/** Text as compared for what was heard: case and spacing as a listener would not tell apart. */
function comparable(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Whether the shopper heard all of `speech`, said in the last reply: yes, unless they cut that
 * reply short before `speech` was over (turn.heardOfLastReply).
 */
export function heardInFull(turn: Turn, speech: Speech): boolean {
  if (turn.heardOfLastReply === undefined) return true;
  return comparable(turn.heardOfLastReply).includes(comparable(plainText(speech)));
}
