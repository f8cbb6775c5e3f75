import type { CatalogVocabulary, PageRequest, ProductPage, ProductQuery } from './product-query';
import type { ShopperErasure } from './erasure';

import type { ReturnPolicy } from './return-policy';

/**
 * What the store knows and does, as small interfaces. Flows depend on these only; adapters
 * (sqlite/ for the embedded demo store, http/ and dynamodb/ later) implement them.
 */

export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CAD'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

/** An amount in minor units (cents), never a float. */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export interface Product {
  readonly id: string;
  readonly sku: string;
  /** The full catalog name, e.g. "Trailblazer Trail Running Shoes, Men's". */
  readonly name: string;
  /** A short name that sounds natural when spoken, e.g. "Trailblazer running shoes". */
  readonly spokenName: string;
  /**
   * The spoken name in other locales, by locale ("de-DE" → "Trailblazer Laufschuhe"), where the
   * store has one; `spokenName` is the catalog's own. See spoken-names.ts for which one is said.
   */
  readonly spokenNames?: Readonly<Record<string, string>>;
  /** Set when `spokenName` is in another language than the shopper's: that language, e.g. "en-US". */
  readonly spokenNameLang?: string;
  readonly brand: string;
  readonly category: string;
  readonly description: string;
  /** Attribute name → values, e.g. { color: ['black'], material: ['leather'], feature: ['waterproof'] }. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly price: Money;
  readonly stock: number;
  /** Day the product is expected back in stock (YYYY-MM-DD), when the store knows it. */
  readonly restockOn?: string;
  /** Sold as final sale (open box, clearance, gift cards): not returnable. Absent means returnable. */
  readonly finalSale?: boolean;
  /** An https URL of the product's photo, shown on screens; absent when the store has none. */
  readonly imageUrl?: string;
}

export interface Address {
  readonly line1: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
}

export interface PaymentMethod {
  readonly brand: string;
  readonly last4: string;
}

export interface Shopper {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly phone?: string;
  readonly locale: string;
  readonly defaultAddress?: Address;
  readonly defaultPayment?: PaymentMethod;
}

/** Carrier tracking statuses (AfterShip's taxonomy). */
export const TRACKING_STATUSES = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface TrackingEvent {
  readonly at: Date;
  readonly status: TrackingStatus;
  /** The carrier's own words, e.g. "Departed facility". */
  readonly description: string;
  readonly location?: string;
}

export interface Shipment {
  readonly id: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly status: TrackingStatus;
  readonly shippedAt?: Date;
  /** Latest promised delivery day, when the carrier gives one. */
  readonly expectedOn?: Date;
  readonly deliveredAt?: Date;
  /** Line ids carried in this package. */
  readonly lineIds: readonly string[];
  /** Newest first. */
  readonly events: readonly TrackingEvent[];
}

export interface OrderLine {
  readonly id: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly spokenName: string;
  /**
   * The spoken name in other locales, by locale ("de-DE" → "Trailblazer Laufschuhe"), where the
   * store has one; `spokenName` is the catalog's own. See spoken-names.ts for which one is said.
   */
  readonly spokenNames?: Readonly<Record<string, string>>;
  /** Set when `spokenName` is in another language than the shopper's: that language, e.g. "en-US". */
  readonly spokenNameLang?: string;
  readonly category: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** The line was sold as final sale, so it cannot be returned. Absent means returnable. */
  readonly finalSale?: boolean;
  /** The variant bought, when the store records it: shoppers tell items apart by it ("the black ones"). */
  readonly variant?: LineVariant;
}

export interface LineVariant {
  readonly color?: string;
  readonly size?: string;
}

export type OrderState = 'processing' | 'fulfilled' | 'partially-fulfilled' | 'cancelled';

export interface Order {
  readonly number: string;
  readonly shopperId: string;
  readonly placedAt: Date;
  readonly state: OrderState;
  readonly total: Money;
  readonly lines: readonly OrderLine[];
  readonly shipments: readonly Shipment[];
}

export interface OrderQuery {
  /** Only orders placed on or after this instant. */
  readonly placedSince?: Date;
  /** At most this many, newest first. */
  readonly limit?: number;
  /**
   * Only the orders a "where is my order" answer can be about (order-status-query.ts): those not
   * delivered in full (cancelled ones aside), those with a package delivered at or after this
   * instant, and, whatever their state, the newest order and the one delivered last. A store may
   * answer more than these (the whole range): callers work out each order's progress themselves.
   */
  readonly openOrDeliveredSince?: Date;
}

export interface Orders {
  /** The shopper's orders, newest first. */
  listForShopper(shopperId: string, query?: OrderQuery): Promise<readonly Order[]>;
  /** The order with this number if, and only if, it belongs to this shopper. */
  findForShopper(shopperId: string, orderNumber: string): Promise<Order | undefined>;
}

export interface Shoppers {
  findById(shopperId: string): Promise<Shopper | undefined>;
  /**
   * The shopper whose phone number this is (E.164, "+13035550142"), when exactly one has it. A
   * store that cannot look shoppers up by phone leaves it out, and callers are not recognised by
   * their number.
   */
  findByPhone?(phone: string): Promise<Shopper | undefined>;
  /**
   * The shopper who placed this order since `placedSince`, if the postal code of their address is
   * this one: how a caller whose number the store does not know says who they are. Answers only
   * the shopper's id, never the postal code; a store that cannot check it leaves it out.
   */
  findByOrderAndPostalCode?(check: { readonly orderNumber: string; readonly postalCode: string; readonly placedSince: Date }): Promise<string | undefined>;
  /**
   * Whether digits a caller gave are one of the shopper's second factors: the last four digits of
   * the card on file, the delivery postal code, or the number of an order placed since
   * `placedSince`. Answers match or no match, never the secret; a store that leaves it out is
   * checked against the profile and orders it gives instead.
   */
  checkSecondFactor?(check: { readonly shopperId: string; readonly digits: string; readonly placedSince: Date }): Promise<boolean>;
}

export interface Catalog {
  findById(productId: string): Promise<Product | undefined>;
  /** Products matching a structured query, best first (in stock before out of stock). */
  search(query: ProductQuery, page: PageRequest): Promise<ProductPage>;
  /** The words this catalog understands in a locale: categories, attribute values, brands. */
  vocabulary(locale: string): Promise<CatalogVocabulary>;
}

export type HandoffReason =
  | 'shopper-asked'
  | 'not-understood'
  | 'delivery-problem'
  | 'flow-dead-end'
  | 'damaged-item'
  | 'dispute'
  | 'policy-exception'
  | 'shopper-upset'
  | 'repeated-failure'
  | 'return-not-eligible'
  | 'item-not-found';

/** One turn of a conversation, as the person taking it over reads it. */
export interface ConversationTurn {
  readonly at: Date;
  /** The intent heard, or 'launch' for opening the skill or Action. */
  readonly heard: string;
  readonly slots: Readonly<Record<string, { readonly spoken: string; readonly id?: string }>>;
  /** What the assistant answered, as plain text; absent for the turn that filed the ticket. */
  readonly said?: string;
}

/** A handoff carries at most this many of the latest turns; older ones add length, not help. */
export const TRANSCRIPT_TURNS = 50;

export interface ConversationLog {
  append(conversationId: string, turn: ConversationTurn): Promise<void>;
  /** The conversation's turns, oldest first; only the latest ones when it ran long. */
  turns(conversationId: string): Promise<readonly ConversationTurn[]>;
}

/** The order line a handoff is about. */
export interface HandoffItem {
  readonly lineId: string;
  readonly name: string;
  readonly sku: string;
  readonly quantity: number;
}

export interface HandoffShopper {
  readonly id: string;
  readonly name: string;
  /** How the team follows up. */
  readonly email: string;
}

export interface HandoffRequest {
  /** Absent for a shopper who has not linked an account. */
  readonly shopperId?: string;
  readonly reason: HandoffReason;
  /** What the assistant knows so far, so a person never makes the shopper repeat it. */
  readonly summary: string;
  readonly orderNumber?: string;
  readonly locale: string;
  readonly platform: string;
  /** Same key → same ticket: a retried request never files twice. */
  readonly idempotencyKey: string;
  readonly shopper?: HandoffShopper;
  readonly item?: HandoffItem;
  /** What the assistant already found or did, in order. */
  readonly tried?: readonly string[];
  /** The conversation so far, oldest first. */
  readonly transcript?: readonly ConversationTurn[];
}

export interface HandoffTicket {
  readonly reference: string;
  readonly createdAt: Date;
}

export interface Handoffs {
  file(request: HandoffRequest): Promise<HandoffTicket>;
}

/** A filed ticket with everything it carries, as the store keeps it. */
export type FiledHandoff = HandoffTicket & Omit<HandoffRequest, 'idempotencyKey'>;

export interface QueuedHandoff {
  readonly ticket: FiledHandoff;
  /** Delivery attempts so far. */
  readonly attempts: number;
}

/** Filed tickets waiting to be delivered to the store's helpdesk webhook. Nothing leaves it undelivered. */
export interface HandoffOutbox {
  /** Queued tickets whose next attempt is due, oldest first. */
  due(now: Date, limit: number): Promise<readonly QueuedHandoff[]>;
  /** When the next queued ticket is due; undefined when nothing is queued. */
  nextDue(): Promise<Date | undefined>;
  markDelivered(reference: string, at: Date): Promise<void>;
  markFailed(reference: string, error: string, retryAt: Date): Promise<void>;
}

/** Why a shopper sends something back (Shopify's reasons, plus "doesn't fit" when the shopper does not say which way). */
export const RETURN_REASONS = [
  'size-too-small',
  'size-too-large',
  'size',
  'color',
  'damaged',
  'not-as-described',
  'style',
  'unwanted',
  'wrong-item',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export type RefundMethod =
  | { readonly kind: 'original-payment'; readonly card?: PaymentMethod }
  | { readonly kind: 'store-credit' };

/** How the prepaid label reaches the shopper: always by email, and on a card where the device shows one. */
export type LabelDelivery = 'email' | 'email-and-card';

/**
 * How the label went: as the shopper was told it would (a LabelDelivery), or by the store's own
 * email once the return is recorded, where the store makes its labels itself (Medusa: its
 * fulfillment provider, sent by a subscriber to the return's event), so none reaches a card.
 */
export type LabelSent = LabelDelivery | 'store-email';

export interface ReturnRequest {
  readonly shopperId: string;
  readonly orderNumber: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly reason: ReturnReason;
  /** The shopper's own words when the reason is 'other'. */
  readonly note?: string;
  readonly refundMethod: RefundMethod;
  readonly labelDelivery: LabelDelivery;
  /** Same key → same return: a repeated or retried "yes" never creates a second one. */
  readonly idempotencyKey: string;
}

export interface ReturnRecord {
  /**
   * The store's reference for the return, said back to the shopper: six digits in the embedded
   * store, the return's name on Shopify ("1001-R1", after its order "#1001").
   */
  readonly number: string;
  readonly orderNumber: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly reason: ReturnReason;
  /** Unit price times quantity, from the order line as sold. */
  readonly refund: Money;
  readonly refundMethod: RefundMethod;
  readonly labelDelivery: LabelSent;
  readonly createdAt: Date;
  /**
   * The return is a request the store has yet to approve (Shopify's `orderRequestReturn`): the
   * label and what to do next reach the shopper once it does. Absent: the return stands as made.
   */
  readonly pendingApproval?: boolean;
}

/**
 * Why a store refuses to create a return, in the words of commerce-api.yaml. `not-found`: the line
 * is not on an order of this shopper. The rest are the return policy's, checked when the return is
 * created: `cancelled` (the order was), `gift-card` and `personal-item` (categories never taken
 * back), `final-sale`, `not-delivered` (not yet: windows count from delivery), `already-returned`
 * (every unit is in a return), `window-closed`, and `too-many` (more units than are left to return).
 */
export const RETURN_REFUSALS = [
  'not-found',
  'cancelled',
  'gift-card',
  'personal-item',
  'final-sale',
  'not-delivered',
  'already-returned',
  'window-closed',
  'too-many',
] as const;
export type ReturnRefusal = (typeof RETURN_REFUSALS)[number];

export type ReturnOutcome =
  | { readonly kind: 'created'; readonly record: ReturnRecord }
  /** Nothing was created; `why` says why. */
  | { readonly kind: 'refused'; readonly why: ReturnRefusal };

export interface Returns {
  /** The store's return policy, as data. */
  policy(): Promise<ReturnPolicy>;
  /** Units of each line of this order already in a return, by line id. */
  returnedUnits(orderNumber: string): Promise<ReadonlyMap<string, number>>;
  /**
   * Creates the return atomically, after checking the line is the shopper's and the return policy
   * allows it today for that quantity; a request with a key already used returns the first
   * outcome's record.
   */
  create(request: ReturnRequest): Promise<ReturnOutcome>;
}

/** One product line of an order about to be placed. */
export interface CheckoutLine {
  readonly productId: string;
  readonly quantity: number;
  /** The size or color chosen, when the product comes in several. */
  readonly variant?: LineVariant;
  /** The unit price the shopper agreed to: the store refuses the order when its price differs. */
  readonly unitPrice: Money;
}

export interface CheckoutRequest {
  readonly shopperId: string;
  readonly lines: readonly CheckoutLine[];
  readonly placedAt: Date;
  /** Same key → same order: a repeated or retried "yes" to one confirmation never places a second one. */
  readonly idempotencyKey: string;
}

export interface PlacedOrder {
  readonly number: string;
  readonly total: Money;
  readonly placedAt: Date;
  /** The day the order is expected to arrive. */
  readonly expectedOn: Date;
  /** Charged to this card: only its brand and last four digits are known here. */
  readonly payment: PaymentMethod;
  /** Shipped to the shopper's default address; the city is all a shopper hears of it. */
  readonly shipToCity: string;
}

/** A cart the store prepared with the shopper's lines, paid for at the store's own checkout page. */
export interface PreparedCart {
  /** Where the shopper pays: the store's checkout for this cart. */
  readonly checkoutUrl: string;
  readonly total: Money;
}

export type CheckoutOutcome =
  | { readonly kind: 'placed'; readonly order: PlacedOrder }
  /**
   * Nothing was ordered: the store takes payment only with the shopper at its checkout page
   * (Shopify), so a cart with the lines was prepared and the shopper pays through its link.
   */
  | { readonly kind: 'cart-prepared'; readonly cart: PreparedCart }
  /** Fewer units in stock than asked for; nothing was placed. */
  | { readonly kind: 'out-of-stock'; readonly productId: string; readonly available: number }
  /** The price changed after the shopper agreed to it; nothing was placed. */
  | { readonly kind: 'price-changed'; readonly productId: string; readonly unitPrice: Money }
  | { readonly kind: 'refused'; readonly why: 'no-payment-or-address' | 'unknown-product' };

/** What the lines would cost the shopper, to their default address, before anything is placed. */
export interface QuoteRequest {
  readonly shopperId: string;
  readonly lines: readonly CheckoutLine[];
}

/**
 * What an order of these lines would charge, as the store adds it up. Tax and delivery are parts
 * of the total, each present only when the store says what it is: a shopper is never told a total
 * includes something the store did not say it includes.
 */
export interface CheckoutQuote {
  readonly total: Money;
  /** The tax in the total. */
  readonly tax?: Money;
  /** The delivery charge in the total; zero is free delivery. */
  readonly delivery?: Money;
}

export interface Checkout {
  /**
   * Set when the store takes payment only with the shopper at its checkout page: `place` then
   * prepares a cart and answers 'cart-prepared', and no saved card or address is needed to ask.
   */
  readonly paysAtCheckoutPage?: boolean;
  /**
   * What placing these lines would charge, with its tax and delivery, so the confirmation can say
   * them; `place` charges exactly this while prices and the address stay the same. Undefined (the
   * method, or its answer) where the store does not quote: the total is then the lines' prices.
   */
  quote?(request: QuoteRequest): Promise<CheckoutQuote | undefined>;
  /**
   * Places the order atomically (the order, its lines and the stock they take, or nothing); a
   * request with a key already used returns the order that key placed.
   */
  place(request: CheckoutRequest): Promise<CheckoutOutcome>;
}

/** Whether a shopper can pass the purchase PIN step-up right now. */
export type PinStatus =
  | { readonly kind: 'ready' }
  | { readonly kind: 'not-set' }
  | { readonly kind: 'locked'; readonly until: Date };

/**
 * One PIN said by a shopper. Nothing in it comes from the conversation's state: wrong tries are
 * counted per shopper, whatever conversation (or forged request) they come from.
 */
export interface PinAttempt {
  readonly shopperId: string;
  /** Four digits, as spoken. Compared with the stored hash and forgotten. */
  readonly pin: string;
  readonly at: Date;
  /** How long purchasing stays locked once the last allowed wrong try is used. */
  readonly lockoutMs: number;
}

export type PinCheck =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'wrong'; readonly triesLeft: number }
  | { readonly kind: 'locked'; readonly until: Date }
  | { readonly kind: 'not-set' };

/**
 * Purchase PINs: wrong tries and lockouts are kept in the store, per shopper, never in the
 * conversation. The same wrong PIN said again right after it was counted (a platform's retry) is
 * not counted again; any other wrong PIN is, so three different wrong PINs lock purchasing.
 */
export interface PurchasePins {
  status(shopperId: string, at: Date): Promise<PinStatus>;
  check(attempt: PinAttempt): Promise<PinCheck>;
  /**
   * Whether the shopper turned the PIN on for every purchase of theirs (`npm run pin -- always`),
   * whatever the store's policy and however sure Alexa is of their voice. A store without it knows
   * no such shopper.
   */
  alwaysRequired?(shopperId: string): Promise<boolean>;
}

/** What a turn came to, as the containment report counts it. */
export type TurnOutcome =
  /** Answered, nothing asked back. */
  | 'answered'
  /** Answered with a question; the conversation goes on. */
  | 'asked'
  /** The shopper's goal was completed on this turn (see `TurnEvent.goal`). */
  | 'resolved'
  /** A handoff ticket was filed. */
  | 'handed-off'
  /** Not understood. */
  | 'fell-back'
  /** Something failed and the shopper heard an apology. */
  | 'error';

/**
 * One turn, as the store's voice analytics keep it: no token, no name, no raw shopper id. The
 * shopper appears only as a keyed hash, so their events can be counted and forgotten, never read back.
 */
export interface TurnEvent {
  readonly at: Date;
  /** `<platform>:<session id>`, as `conversationIdOf` names it. */
  readonly conversationId: string;
  readonly platform: 'alexa' | 'google' | 'phone' | 'mcp';
  readonly locale: string;
  /** The intent heard; 'launch' for opening the skill, 'session-ended' when the platform closed it. */
  readonly intent: string;
  /** The flow and step the turn ended in, when one was active. */
  readonly flow?: string;
  readonly step?: string;
  readonly outcome: TurnOutcome;
  /** For a resolved turn: which goal. */
  readonly goal?: 'order-status-given' | 'return-created' | 'order-placed' | 'cart-prepared' | 'product-chosen';
  /** For a placed order: its total. */
  readonly orderValue?: Money;
  /** From the request arriving to the reply being ready. */
  readonly latencyMs: number;
  /** HMAC-SHA256 of the shopper id, when the shopper was linked. */
  readonly shopperHash?: string;
  /** What the shopper said, where the platform gives the text, only when STORE_UTTERANCES allows it, redacted. */
  readonly utterance?: string;
}

export interface TurnEventQuery {
  /** Events at or after this instant. */
  readonly since: Date;
  readonly until?: Date;
}

/** Where turn events go. Recording is never on the reply's critical path: a failing sink loses events, never a turn. */
export interface TurnEvents {
  record(event: TurnEvent): Promise<void>;
  /** Events in the window, oldest first. */
  list(query: TurnEventQuery): Promise<readonly TurnEvent[]>;
  /** Deletes events older than `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
  /** Deletes every event of this shopper; returns how many. */
  forgetShopper(shopperHash: string): Promise<number>;
}

/** A shopper's claim on placing one basket, made before the order is placed. */
export interface CheckoutClaim {
  readonly shopperId: string;
  /** Names the basket: the same products, variants and quantities always give the same fingerprint. */
  readonly basket: string;
  /** The idempotency key this conversation would place the order with. */
  readonly key: string;
  readonly at: Date;
  /** How long a second claim on the same basket counts as the same order. */
  readonly windowMs: number;
}

/**
 * Two devices saying "yes" to the same basket at once must place one order. A claim answers the
 * idempotency key to place the order with: the claim's own key, or, when the same shopper claimed
 * the same basket within the window, that earlier claim's key, so the store returns that order.
 */
export interface CheckoutClaims {
  claim(claim: CheckoutClaim): Promise<string>;
}

/** A phone call's conversation as the phone channel keeps it: its own JSON, validated when read back. */
export type CallStateData = Readonly<Record<string, unknown>>;

/**
 * The state of phone calls in progress, kept on the server because the phone carries no session:
 * one entry per call, replaced after every turn, gone once it expires (shortly after the call).
 * Only the server writes it, so nothing in it came from the caller's side of the line.
 */
export interface CallStates {
  /** The call's state, unless there is none or it expired before `now`. */
  load(callId: string, now: Date): Promise<CallStateData | undefined>;
  /** Replaces the call's state; it is forgotten after `expiresAt`. */
  save(callId: string, state: CallStateData, expiresAt: Date): Promise<void>;
  /**
   * Runs `work` while no other `exclusive` call with the same key runs, in this process or any
   * other: how a transport that hands each frame of a socket to whichever instance is free (API
   * Gateway) still handles one socket's frames one at a time.
   */
  exclusive?<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Device accounts on which a recognised speaker has been heard: several people talk through them
 * (household/). Known only by a keyed hash of the platform's account id; nothing else is kept.
 */
export interface SharedAccounts {
  /** Notes that a recognised speaker used the account; noting it again changes nothing. */
  markShared(accountKey: string, at: Date): Promise<void>;
  isShared(accountKey: string): Promise<boolean>;
}

/** The moves of an order that a shopper can be told about without asking (events/). */
export const ORDER_STATUS_CHANGES = ['shipped', 'out-for-delivery', 'delivered', 'delayed'] as const;
export type OrderStatusChangeKind = (typeof ORDER_STATUS_CHANGES)[number];

/** An order moved, as the store says. */
export interface OrderStatusChange {
  readonly orderNumber: string;
  readonly shopperId: string;
  readonly status: OrderStatusChangeKind;
  readonly occurredAt: Date;
  /** When the order should now arrive; always given for `delayed`. */
  readonly expectedArrival?: Date;
}

/** A shopper's word, through a platform, on being notified: given, or withdrawn. */
export interface NotificationSubscription {
  readonly shopperId: string;
  readonly platform: 'alexa';
  /** Whom the platform notifies (Alexa's userId of the account). */
  readonly recipient: string;
  readonly locale: string;
  readonly subscribed: boolean;
  /** When the platform said so: platforms send these out of order, and an older word never overrides a newer one. */
  readonly at: Date;
}

export interface NotificationSubscriptions {
  /** Keeps the shopper's word for this recipient, unless a newer one is already kept. */
  record(subscription: NotificationSubscription): Promise<void>;
  /** The recipients the shopper is currently subscribed through. */
  subscribed(shopperId: string): Promise<readonly NotificationSubscription[]>;
  /** Drops everything kept for the shopper (they disabled the skill or asked to be forgotten); returns how many. */
  forgetShopper(shopperId: string): Promise<number>;
}

/** One recipient's notification of one order change, waiting to be sent. */
export interface QueuedOrderNotification {
  /** Names the change (order and move) the same way every time the store reports it. */
  readonly changeKey: string;
  readonly change: OrderStatusChange;
  readonly recipient: string;
  readonly locale: string;
  /** Failed sends so far. */
  readonly attempts: number;
}

/**
 * Notifications of order changes, one per change and recipient ever: a change reported again is not
 * queued again, and a queued one leaves the queue once sent or dropped.
 */
export interface OrderNotifications {
  /** Queues the change for each recipient that does not have it yet; returns how many were queued. */
  enqueue(changeKey: string, change: OrderStatusChange, recipients: readonly { readonly recipient: string; readonly locale: string }[], at: Date): Promise<number>;
  /**
   * Up to `limit` notifications due at `now`, each claimed for `leaseMs`: a second pass running at
   * the same time (another instance, the scheduled function) does not get them meanwhile.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<readonly QueuedOrderNotification[]>;
  /** When the next queued notification is due; undefined when none is queued. */
  nextDue(): Promise<Date | undefined>;
  markSent(changeKey: string, recipient: string, at: Date): Promise<void>;
  markFailed(changeKey: string, recipient: string, error: string, retryAt: Date): Promise<void>;
  /** Gives up on it for good (permission withdrawn, expired, refused): it is never sent. */
  markDropped(changeKey: string, recipient: string, reason: string, at: Date): Promise<void>;
}

/** What the store's own systems answer: shoppers, orders, catalog, returns and checkout. */
export interface StoreCommerce {
  readonly shoppers: Shoppers;
  readonly orders: Orders;
  readonly catalog: Catalog;
  readonly returns: Returns;
  readonly checkout: Checkout;
}

/** What the skill itself keeps for the conversations it holds. */
export interface ConversationState {
  readonly handoffs: Handoffs;
  readonly conversations: ConversationLog;
  readonly purchasePins: PurchasePins;
  readonly checkoutClaims: CheckoutClaims;
}

/**
 * What the account linking Shopvoice serves itself (for a Medusa store) keeps between requests,
 * where every instance of the server finds it: one-time codes, by the code's hash with their grant
 * sealed, and failed sign-ins, by the email's hash. Nothing in it names a shopper in the clear.
 */
export interface AccountLinkState {
  /** Keeps a code's sealed grant until `expiresAt`. */
  keepCode(codeHash: string, sealedGrant: string, expiresAt: Date): Promise<void>;
  /** The code's sealed grant, removed as it is read: a second take finds nothing, as does one after it expired. */
  takeCode(codeHash: string, now: Date): Promise<string | undefined>;
  /** How many sign-ins with this email failed at or after `since`. */
  failedSignIns(emailHash: string, since: Date): Promise<number>;
  /** Notes a failed sign-in, forgotten after `forgetAfter`. */
  noteFailedSignIn(emailHash: string, at: Date, forgetAfter: Date): Promise<void>;
  clearFailedSignIns(emailHash: string): Promise<void>;
}

/**
 * The skill's own long-lived data: the conversation state plus the queue of tickets for the webhook
 * and the turn events. Flows see neither: the router records turn events, off the reply's path.
 */
export interface SkillState extends ConversationState {
  readonly handoffOutbox: HandoffOutbox;
  readonly turnEvents: TurnEvents;
  /** Erasing what was kept from shoppers' voices: "forget me", the retention purge, a disabled skill. */
  readonly erasure: ShopperErasure;
  /** Phone calls in progress; a state store without them cannot serve the phone. */
  readonly callStates?: CallStates;
  /** Accounts known to be shared by a household; without it, none is known to be. */
  readonly sharedAccounts?: SharedAccounts;
  /** Shoppers' word on being notified of their orders; a state store without it notifies no one. */
  readonly notificationSubscriptions?: NotificationSubscriptions;
  /** Order notifications waiting to be sent, and what became of each. */
  readonly orderNotifications?: OrderNotifications;
  /** The account linking Shopvoice serves for a Medusa store; without it, that linking is refused. */
  readonly accountLinks?: AccountLinkState;
}

/** Everything the flows may use: the store's answers and the skill's own state. */
export interface Commerce extends StoreCommerce, ConversationState {}
