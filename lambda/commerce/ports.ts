/**
 * What the store knows and does, as small interfaces. Flows depend on these only; adapters
 * (sqlite/ for the embedded demo store, http/ and dynamodb/ later) implement them.
 */

export type CurrencyCode = 'USD' | 'EUR' | 'GBP' | 'CAD';

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
export type TrackingStatus =
  | 'Pending'
  | 'InfoReceived'
  | 'InTransit'
  | 'OutForDelivery'
  | 'AttemptFail'
  | 'Delivered'
  | 'AvailableForPickup'
  | 'Exception'
  | 'Expired';

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
  readonly category: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** The line was sold as final sale, so it cannot be returned. Absent means returnable. */
  readonly finalSale?: boolean;
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
}

export interface Orders {
  /** The shopper's orders, newest first. */
  listForShopper(shopperId: string, query?: OrderQuery): Promise<readonly Order[]>;
  /** The order with this number if, and only if, it belongs to this shopper. */
  findForShopper(shopperId: string, orderNumber: string): Promise<Order | undefined>;
}

export interface Shoppers {
  findById(shopperId: string): Promise<Shopper | undefined>;
}

export interface Catalog {
  findById(productId: string): Promise<Product | undefined>;
}

export type HandoffReason = 'shopper-asked' | 'not-understood' | 'delivery-problem' | 'flow-dead-end';

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
}

export interface HandoffTicket {
  readonly reference: string;
  readonly createdAt: Date;
}

export interface Handoffs {
  file(request: HandoffRequest): Promise<HandoffTicket>;
}

/** Everything the flows may use from the store. */
export interface Commerce {
  readonly shoppers: Shoppers;
  readonly orders: Orders;
  readonly catalog: Catalog;
  readonly handoffs: Handoffs;
}
