import { z } from 'zod';
import { CURRENCY_CODES, RETURN_REASONS, TRACKING_STATUSES } from '../ports';
import { ReturnPolicySchema } from '../return-policy';

/**
 * The JSON bodies of the store API (commerce-api.yaml) as zod codecs: `parse` turns what arrived
 * into the ports' types (ISO strings into Dates) and rejects anything malformed; `encodeWire` turns
 * the ports' values back into JSON. The adapter decodes answers and encodes requests with them;
 * the reference store server does the opposite, so both speak exactly one format.
 */

/** An instant as ISO 8601 with a zone ("2026-11-26T15:00:00Z" or "…+01:00") on the wire, a Date in the ports. */
const Instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A calendar day, YYYY-MM-DD. */
const Day = z.iso.date();

const Text = z.string().min(1);

export const CurrencySchema = z.enum(CURRENCY_CODES);

export const MoneySchema = z.object({
  minor: z.number().int().nonnegative(),
  currency: CurrencySchema,
});

const TrackingStatusSchema = z.enum(TRACKING_STATUSES);

const AddressSchema = z.object({
  line1: z.string(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
});

const PaymentMethodSchema = z.object({ brand: z.string(), last4: z.string() });

export const ShopperSchema = z.object({
  id: Text,
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  locale: z.string(),
  defaultAddress: AddressSchema.optional(),
  defaultPayment: PaymentMethodSchema.optional(),
});

const LineVariantSchema = z.object({ color: z.string().optional(), size: z.string().optional() });

const OrderLineSchema = z.object({
  id: Text,
  productId: Text,
  sku: z.string(),
  name: z.string(),
  spokenName: z.string(),
  category: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: MoneySchema,
  finalSale: z.boolean().optional(),
  variant: LineVariantSchema.optional(),
});

const TrackingEventSchema = z.object({
  at: Instant,
  status: TrackingStatusSchema,
  description: z.string(),
  location: z.string().optional(),
});

const ShipmentSchema = z.object({
  id: Text,
  carrier: z.string(),
  trackingNumber: z.string(),
  status: TrackingStatusSchema,
  shippedAt: Instant.optional(),
  expectedOn: Instant.optional(),
  deliveredAt: Instant.optional(),
  lineIds: z.array(z.string()),
  events: z.array(TrackingEventSchema),
});

export const OrderSchema = z.object({
  number: Text,
  shopperId: Text,
  placedAt: Instant,
  state: z.enum(['processing', 'fulfilled', 'partially-fulfilled', 'cancelled']),
  total: MoneySchema,
  lines: z.array(OrderLineSchema),
  shipments: z.array(ShipmentSchema),
});

export const OrderListSchema = z.object({ orders: z.array(OrderSchema) });

export const ProductSchema = z.object({
  id: Text,
  sku: z.string(),
  name: z.string(),
  spokenName: z.string(),
  brand: z.string(),
  category: z.string(),
  description: z.string(),
  attributes: z.record(z.string(), z.array(z.string())),
  price: MoneySchema,
  stock: z.number().int(),
  restockOn: Day.optional(),
  finalSale: z.boolean().optional(),
});

export const ProductPageSchema = z.object({
  total: z.number().int().nonnegative(),
  products: z.array(ProductSchema),
});

export const CatalogVocabularySchema = z.object({
  currency: CurrencySchema,
  categories: z.array(z.object({ id: Text, terms: z.array(z.string()) })),
  attributes: z.array(z.object({ name: Text, value: Text, terms: z.array(z.string()) })),
  brands: z.array(z.string()),
});

/** The policy document exactly as the embedded store keeps it; see return-policy.ts. */
export { ReturnPolicySchema };

export const ReturnedUnitsSchema = z.object({
  lines: z.array(z.object({ lineId: Text, units: z.number().int().nonnegative() })),
});

const ReturnReasonSchema = z.enum(RETURN_REASONS);

const RefundMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('original-payment'), card: PaymentMethodSchema.optional() }),
  z.object({ kind: z.literal('store-credit') }),
]);

const LabelDeliverySchema = z.enum(['email', 'email-and-card']);

const ReturnRecordSchema = z.object({
  number: Text,
  orderNumber: Text,
  lineId: Text,
  quantity: z.number().int().positive(),
  reason: ReturnReasonSchema,
  refund: MoneySchema,
  refundMethod: RefundMethodSchema,
  labelDelivery: LabelDeliverySchema,
  createdAt: Instant,
});

export const ReturnOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), record: ReturnRecordSchema }),
  z.object({ kind: z.literal('refused'), why: z.enum(['not-found', 'already-returned']) }),
]);

/** What Shopvoice sends to create a return; the shopper is in the path, the key in a header. */
export const ReturnRequestBodySchema = z.object({
  orderNumber: Text,
  lineId: Text,
  quantity: z.number().int().positive(),
  reason: ReturnReasonSchema,
  note: z.string().max(1000).optional(),
  refundMethod: RefundMethodSchema,
  labelDelivery: LabelDeliverySchema,
});

const PlacedOrderSchema = z.object({
  number: Text,
  total: MoneySchema,
  placedAt: Instant,
  expectedOn: Instant,
  payment: PaymentMethodSchema,
  shipToCity: z.string(),
});

export const CheckoutOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('placed'), order: PlacedOrderSchema }),
  z.object({ kind: z.literal('out-of-stock'), productId: Text, available: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('price-changed'), productId: Text, unitPrice: MoneySchema }),
  z.object({ kind: z.literal('refused'), why: z.enum(['no-payment-or-address', 'unknown-product']) }),
]);

/** What Shopvoice sends to place an order; the shopper is in the path, the key in a header. */
export const CheckoutRequestBodySchema = z
  .object({
    lines: z
      .array(
        z.object({
          productId: Text,
          quantity: z.number().int().positive(),
          variant: LineVariantSchema.optional(),
          unitPrice: MoneySchema,
        }),
      )
      .min(1),
    placedAt: Instant,
  })
  .refine((body) => new Set(body.lines.map((line) => line.unitPrice.currency)).size === 1, {
    message: 'every line must be priced in the same currency',
    path: ['lines'],
  });

/** An error answer (RFC 9457 problem details); `code` tells "no such resource" (`not-found`) from "no such path". */
export const ProblemSchema = z.object({
  title: z.string().optional(),
  status: z.number().int().optional(),
  code: z.string().optional(),
  detail: z.string().optional(),
});

/** Read-only all the way down (Dates excepted), as the ports hand their values out. */
type DeepReadonly<T> = T extends Date
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : T extends object
      ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
      : T;

/** A port value as the JSON the API carries. Encoding only reads the value, so read-only input is fine. */
export function encodeWire<Schema extends z.ZodType>(schema: Schema, value: DeepReadonly<z.output<Schema>>): z.input<Schema> {
  return schema.encode(value as z.output<Schema>);
}

/** Where a body did not match its schema, by field path, without the values themselves. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const issues = error.issues.slice(0, limit).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return issues.join('; ') + more;
}
