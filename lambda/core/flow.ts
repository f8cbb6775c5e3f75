import type { Commerce, HandoffItem, HandoffReason, Shopper } from '../commerce/ports';
import type { HouseholdPolicy } from '../household/household-policy';
import type { ExpectedAnswer } from '../understanding/expected-answers';
import type { Voice } from '../speech/voice';
import type { IntentName } from './intents';
import type { Reply } from './reply';
import type { ActiveFlow } from './session-state';
import type { Turn } from './turn';

/** Facts about the store that conversations mention. */
export interface StoreProfile {
  readonly name: string;
  /** Digits with an optional leading "+"; read as a telephone number, in groups. */
  readonly supportPhone: string;
  readonly timeZone: string;
  /** The language of the catalog's own product names; en-US when not given. */
  readonly catalogLocale?: string;
  /** How soon the team follows up on a handoff, promised to the shopper. */
  readonly followUpBusinessDays: number;
  /** The spoken PIN step-up before an order is placed; without it, no PIN is asked. */
  readonly purchasePin?: PurchasePinPolicy;
  /** Rules for a device several people share: whose voice replaces the PIN, who hears order details. */
  readonly household?: HouseholdPolicy;
  /** The same basket confirmed again by the same shopper within this time is the same order; 10 by default. */
  readonly duplicateOrderWindowMinutes?: number;
}

export interface PurchasePinPolicy {
  readonly required: boolean;
  /** How long purchasing stays locked after three wrong PINs. */
  readonly lockoutMinutes: number;
}

/** Everything a flow may use to answer one turn. */
export interface FlowContext {
  readonly turn: Turn;
  readonly voice: Voice;
  readonly commerce: Commerce;
  readonly store: StoreProfile;
  readonly now: Date;
  /** The linked shopper, when the turn carried a valid access token. */
  readonly shopper: LinkedShopper | undefined;
}

/**
 * The shopper a valid access token names. The id is all most turns need, and the token carries
 * it; the store's record (name, default card and address) costs a round trip to the store, so it
 * is read only when a flow asks for it, once per turn however often it is asked for.
 */
export interface LinkedShopper {
  readonly id: string;
  /** The store's record of the shopper; undefined when the store does not know them. */
  profile(): Promise<Shopper | undefined>;
}

/** A context in which the shopper is known: the router only starts shopper flows with one. */
export type ShopperContext = FlowContext & { readonly shopper: LinkedShopper };

export type FlowName = 'assistance' | 'order-status' | 'returns' | 'discovery' | 'reorder' | 'checkout';

/** What a flow in progress knows that a person taking the conversation over needs. */
export interface HandoffFacts {
  readonly orderNumber?: string;
  readonly item?: HandoffItem;
  /** What the assistant already found or did, in order, for staff. */
  readonly tried?: readonly string[];
  readonly topic?: string;
}

interface FlowBase {
  readonly name: FlowName;
  /** Intents that start this flow when no flow in progress takes the turn. */
  readonly startsOn: readonly IntentName[];
  /**
   * Continue the step in progress. Returns undefined when this turn is not an answer to it, so
   * the router can treat it as a new request.
   */
  continue?(context: FlowContext, active: ActiveFlow): Promise<Reply | undefined>;
  /** "Help" in the middle of this flow: explains the current step. */
  help?(context: FlowContext, active: ActiveFlow): Reply;
  /** What this flow's step in progress hands a person when the shopper is escalated mid-way. */
  handoffFacts?(active: ActiveFlow): HandoffFacts;
  /**
   * What each step's question accepts as its answer. On text channels a bare answer of one of
   * these kinds ("medium", "the other one", "two") is read as the answer before any other reading.
   */
  readonly answers?: Readonly<Record<string, readonly ExpectedAnswer[]>>;
}

export type Flow =
  | (FlowBase & { readonly needsShopper: true; start(context: ShopperContext): Promise<Reply> })
  | (FlowBase & { readonly needsShopper: false; start(context: FlowContext): Promise<Reply> });

/** A question still open when its answer was not understood. */
export interface OpenQuestion {
  /** The flow's own explanation of the question (its help for the step), which asks it again in other words. */
  readonly again: Reply;
  /** What a person taking over would need from the flow in progress. */
  readonly facts?: HandoffFacts;
}

/** Answers the router gives itself, whatever flow is in progress: the assistance flow provides them. */
export interface Assistance {
  /** Welcomes the shopper, by name when linked (which reads their record from the store). */
  launch(context: FlowContext): Reply | Promise<Reply>;
  help(context: FlowContext): Reply;
  stop(context: FlowContext): Reply;
  /** "Cancel": drops the step in progress, if any. */
  cancel(context: FlowContext): Reply;
  /** Files a handoff with everything the conversation knows, and tells the shopper what happens next. */
  talkToPerson(context: FlowContext, reason: HandoffReason, facts?: HandoffFacts): Promise<Reply>;
  repeat(context: FlowContext): Reply;
  /**
   * Not understood, or an answer ("yes", "next") to a question nobody asked. With a question open,
   * the first miss asks that question again and keeps it open; the second offers a person.
   */
  notUnderstood(context: FlowContext, open?: OpenQuestion): Reply;
  linkAccount(context: FlowContext): Reply;
  /** Something failed on our side (`cause`); the shopper's state is kept so they can try again. */
  apologize(context: FlowContext, cause: unknown): Reply;
  sessionEnded(context: FlowContext): Reply;
}
