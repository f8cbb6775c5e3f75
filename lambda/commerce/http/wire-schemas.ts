import * as z from '../../zod-mini';
import { CURRENCY_CODES, RETURN_REASONS, RETURN_REFUSALS, TRACKING_STATUSES } from '../ports';
import { ReturnPolicySchema } from '../return-policy';
import {
  boundedCode,
  boundedList,
  boundedTerms,
  boundedText,
  cutAtWord,
  identifier,
  key,
  MAX_ATTRIBUTE_NAME_CHARS,
  MAX_ATTRIBUTE_VALUE_CHARS,
  MAX_ATTRIBUTES_PER_PRODUCT,
  MAX_CATEGORY_CHARS,
  MAX_CONTACT_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_EVENTS_PER_SHIPMENT,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LINE_ID_CHARS,
  MAX_LINES_PER_ORDER,
  MAX_ORDER_NUMBER_CHARS,
  MAX_ORDERS_PER_LIST,
  MAX_PRODUCT_NAME_CHARS,
  MAX_PRODUCTS_PER_PAGE,
  MAX_RETURNED_LINES,
  MAX_SHIPMENTS_PER_ORDER,
  MAX_SIZE_CHARS,
  MAX_SKU_CHARS,
  MAX_SPOKEN_NAME_CHARS,
  MAX_TERM_CHARS,
  MAX_TERMS_PER_ENTRY,
  MAX_TRACKING_TEXT_CHARS,
  MAX_VALUES_PER_ATTRIBUTE,
  MAX_VOCABULARY_ENTRIES,
} from './wire-limits';

/**
 * The JSON bodies of the store API (commerce-api.yaml) as zod codecs: `parse` turns what arrived
 * into the ports' types (ISO strings into Dates) and rejects anything malformed; `encodeWire` turns
 * the ports' values back into JSON. The adapter decodes answers and encodes requests with them;
 * the reference store server does the opposite, so both speak exactly one format. Decoding also
 * reads no more than a voice answer can use (wire-limits.ts); encoding sends everything.
 */

/** An instant as ISO 8601 with a zone ("2026-11-26T15:00:00Z" or "…+01:00") on the wire, a Date in the ports. */
const Instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A calendar day, YYYY-MM-DD. */
const Day = z.iso.date();

const Text = z.string().check(z.minLength(1));

export const CurrencySchema = z.enum(CURRENCY_CODES);

export const MoneySchema = z.object({
  minor: z.int().check(z.nonnegative()),
  currency: CurrencySchema,
});

const TrackingStatusSchema = z.enum(TRACKING_STATUSES);

const Label = boundedText(MAX_LABEL_CHARS);
const Contact = boundedCode(MAX_CONTACT_CHARS);
/** Product, shipment and shopper ids; see wire-limits.ts. */
const Id = identifier(MAX_ID_CHARS);
const LineId = identifier(MAX_LINE_ID_CHARS);
/** A category is a key of the return policy and of the catalog's words: never cut. */
const Category = key(MAX_CATEGORY_CHARS);

const AddressSchema = z.object({
  line1: Contact,
  city: Label,
  region: Label,
  postalCode: Label,
  country: Label,
});

/** Only the last four characters of `last4` are read: they are said digit by digit. */
const LastFour = z.codec(z.string(), z.string(), { decode: (digits) => digits.slice(-4), encode: (digits) => digits });

const PaymentMethodSchema = z.object({ brand: Label, last4: LastFour });

export const ShopperSchema = z.object({
  id: Id,
  givenName: Label,
  familyName: Label,
  email: Contact,
  phone: z.optional(Contact),
  locale: Label,
  defaultAddress: z.optional(AddressSchema),
  defaultPayment: z.optional(PaymentMethodSchema),
});

/**
 * A variant goes back to the store when it is ordered again, so it is never cut: a color or size
 * longer than its limit is not read at all (reorder and checkout keep them in state).
 */
const LineVariantSchema = z.codec(
  z.object({ color: z.optional(z.string()), size: z.optional(z.string()) }),
  z.object({ color: z.optional(z.string()), size: z.optional(z.string()) }),
  {
    decode: ({ color, size }) => ({
      ...(color !== undefined && color.length <= MAX_ATTRIBUTE_VALUE_CHARS ? { color } : {}),
      ...(size !== undefined && size.length <= MAX_SIZE_CHARS ? { size } : {}),
    }),
    encode: (variant) => variant,
  },
);

const ProductName = boundedText(MAX_PRODUCT_NAME_CHARS);
const SpokenName = boundedText(MAX_SPOKEN_NAME_CHARS);
/**
 * Spoken names in other locales, by BCP 47 locale ("de-DE"), each cut like `spokenName` when read;
 * an entry under any other key, or not a string, is left out. Written unchanged.
 */
const SpokenNames = z.codec(z.record(z.string(), z.unknown()), z.record(z.string(), z.string()), {
  decode: (names) =>
    Object.fromEntries(
      Object.entries(names).flatMap(([locale, name]) =>
        /^[a-z]{2,3}-[A-Z]{2}$/.test(locale) && typeof name === 'string' && name.trim() !== '' ? [[locale, cutAtWord(name, MAX_SPOKEN_NAME_CHARS)]] : [],
      ),
    ),
  encode: (names) => names,
});
const Sku = boundedCode(MAX_SKU_CHARS);

const OrderLineSchema = z.object({
  id: LineId,
  productId: Id,
  sku: Sku,
  name: ProductName,
  spokenName: SpokenName,
  spokenNames: z.optional(SpokenNames),
  category: Category,
  quantity: z.int().check(z.positive()),
  unitPrice: MoneySchema,
  finalSale: z.optional(z.boolean()),
  variant: z.optional(LineVariantSchema),
});

const TrackingText = boundedText(MAX_TRACKING_TEXT_CHARS);

const TrackingEventSchema = z.object({
  at: Instant,
  status: TrackingStatusSchema,
  description: TrackingText,
  location: z.optional(TrackingText),
});

/** The API sends tracking events newest first, so the ones read are the latest. */
const ShipmentSchema = z.object({
  id: Id,
  carrier: Label,
  trackingNumber: boundedCode(MAX_ID_CHARS),
  status: TrackingStatusSchema,
  shippedAt: z.optional(Instant),
  expectedOn: z.optional(Instant),
  deliveredAt: z.optional(Instant),
  lineIds: boundedList(key(MAX_LINE_ID_CHARS), MAX_LINES_PER_ORDER),
  events: boundedList(TrackingEventSchema, MAX_EVENTS_PER_SHIPMENT),
});

export const OrderSchema = z.object({
  number: identifier(MAX_ORDER_NUMBER_CHARS),
  shopperId: Id,
  placedAt: Instant,
  state: z.enum(['processing', 'fulfilled', 'partially-fulfilled', 'cancelled']),
  total: MoneySchema,
  lines: boundedList(OrderLineSchema, MAX_LINES_PER_ORDER),
  shipments: boundedList(ShipmentSchema, MAX_SHIPMENTS_PER_ORDER),
});

/** The API sends a shopper's orders newest first, so the ones read are the latest. */
export const OrderListSchema = z.object({ orders: boundedList(OrderSchema, MAX_ORDERS_PER_LIST) });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The longest value of an attribute that is read; sizes go back to the store on an order, so they are kept shorter. */
const maxValueChars = (attribute: string) => (attribute === 'size' ? MAX_SIZE_CHARS : MAX_ATTRIBUTE_VALUE_CHARS);

/**
 * Attribute values are spoken and may go back to the store as a chosen variant, so they are never
 * cut: over-long names and values are left out, and only the first attributes and values are read.
 */
const AttributesSchema = z.codec(z.record(z.string(), z.unknown()), z.record(z.string(), z.array(z.string())), {
  decode: (attributes) =>
    Object.fromEntries(
      Object.entries(attributes)
        .filter(([name]) => name.length <= MAX_ATTRIBUTE_NAME_CHARS)
        .slice(0, MAX_ATTRIBUTES_PER_PRODUCT)
        .map(([name, values]) => [
          name,
          Array.isArray(values)
            ? values.filter((value) => typeof value !== 'string' || value.length <= maxValueChars(name)).slice(0, MAX_VALUES_PER_ATTRIBUTE)
            : values,
        ]),
      // Still unchecked here: the record schema validates what is kept, right after.
    ) as Record<string, string[]>,
  encode: (attributes) => attributes,
});

export const ProductSchema = z.object({
  id: Id,
  sku: Sku,
  name: ProductName,
  spokenName: SpokenName,
  spokenNames: z.optional(SpokenNames),
  brand: Label,
  category: Category,
  description: boundedText(MAX_DESCRIPTION_CHARS),
  attributes: AttributesSchema,
  price: MoneySchema,
  stock: z.int(),
  restockOn: z.optional(Day),
  finalSale: z.optional(z.boolean()),
  /** Shown on screens as an image source: https only, and a bad one is left out rather than refusing the product. */
  imageUrl: z.catch(z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(2048))), undefined),
});

export const ProductPageSchema = z.object({
  total: z.int().check(z.nonnegative()),
  /** True when more than `total` match: the store stopped counting there. */
  moreThanTotal: z.optional(z.boolean()),
  /** At most a page's worth; the adapter cuts it further to the page asked for. */
  products: boundedList(ProductSchema, MAX_PRODUCTS_PER_PAGE),
});

/** Whether a vocabulary entry names something by a key longer than `maxChars`: such entries are left out, not cut. */
const keyTooLong = (field: string, maxChars: number) => (entry: unknown) =>
  isObject(entry) && typeof entry[field] === 'string' && entry[field].length > maxChars;

const Terms = boundedTerms(MAX_TERMS_PER_ENTRY, MAX_TERM_CHARS);

/**
 * The catalog's words. Their ids go back to the store in a search and into discovery's state, so
 * an entry whose id is too long is left out rather than cut, as are over-long terms.
 */
export const CatalogVocabularySchema = z.object({
  currency: CurrencySchema,
  categories: boundedList(z.object({ id: Text, terms: Terms }), MAX_VOCABULARY_ENTRIES, keyTooLong('id', MAX_CATEGORY_CHARS)),
  attributes: boundedList(
    z.object({ name: Text, value: Text, terms: Terms }),
    MAX_VOCABULARY_ENTRIES,
    (entry) => keyTooLong('name', MAX_ATTRIBUTE_NAME_CHARS)(entry) || keyTooLong('value', MAX_ATTRIBUTE_VALUE_CHARS)(entry),
  ),
  brands: boundedTerms(MAX_VOCABULARY_ENTRIES, MAX_LABEL_CHARS),
});

/** The policy document exactly as the embedded store keeps it; see return-policy.ts. */
export { ReturnPolicySchema };

export const ReturnedUnitsSchema = z.object({
  lines: boundedList(z.object({ lineId: Text, units: z.int().check(z.nonnegative()) }), MAX_RETURNED_LINES),
});

const ReturnReasonSchema = z.enum(RETURN_REASONS);

const RefundMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('original-payment'), card: z.optional(PaymentMethodSchema) }),
  z.object({ kind: z.literal('store-credit') }),
]);

const LabelDeliverySchema = z.enum(['email', 'email-and-card']);
/** How the label went: as asked, or (a store that makes labels itself) by the store's own email after the return. */
const LabelSentSchema = z.enum(['email', 'email-and-card', 'store-email']);

const ReturnRecordSchema = z.object({
  number: Text,
  orderNumber: Text,
  lineId: Text,
  quantity: z.int().check(z.positive()),
  reason: ReturnReasonSchema,
  refund: MoneySchema,
  refundMethod: RefundMethodSchema,
  labelDelivery: LabelSentSchema,
  createdAt: Instant,
});

export const ReturnOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), record: ReturnRecordSchema }),
  z.object({ kind: z.literal('refused'), why: z.enum(RETURN_REFUSALS) }),
]);

/** What Shopvoice sends to create a return; the shopper is in the path, the key in a header. */
export const ReturnRequestBodySchema = z.object({
  orderNumber: Text,
  lineId: Text,
  quantity: z.int().check(z.positive()),
  reason: ReturnReasonSchema,
  note: z.optional(z.string().check(z.maxLength(1000))),
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
  z.object({ kind: z.literal('out-of-stock'), productId: Text, available: z.int().check(z.nonnegative()) }),
  z.object({ kind: z.literal('price-changed'), productId: Text, unitPrice: MoneySchema }),
  z.object({ kind: z.literal('refused'), why: z.enum(['no-payment-or-address', 'unknown-product']) }),
  z.object({ kind: z.literal('cart-prepared'), cart: z.object({ checkoutUrl: z.url({ protocol: /^https?$/ }), total: MoneySchema }) }),
]);

const CheckoutLinesSchema = z
  .array(
    z.object({
      productId: Text,
      quantity: z.int().check(z.positive()),
      variant: z.optional(LineVariantSchema),
      unitPrice: MoneySchema,
    }),
  )
  .check(z.minLength(1));

/** What Shopvoice sends to place an order; the shopper is in the path, the key in a header. */
export const CheckoutRequestBodySchema = z
  .object({
    lines: CheckoutLinesSchema,
    placedAt: Instant,
  })
  .check(
    z.refine((body) => new Set(body.lines.map((line) => line.unitPrice.currency)).size === 1, {
      message: 'every line must be priced in the same currency',
      path: ['lines'],
    }),
  );

/** What Shopvoice sends to ask what an order would charge; the shopper is in the path. */
export const QuoteRequestBodySchema = z.object({ lines: CheckoutLinesSchema }).check(
  z.refine((body) => new Set(body.lines.map((line) => line.unitPrice.currency)).size === 1, {
    message: 'every line must be priced in the same currency',
    path: ['lines'],
  }),
);

/** What an order would charge: the total, and the tax and delivery in it where the store says them. */
export const CheckoutQuoteSchema = z
  .object({ total: MoneySchema, tax: z.optional(MoneySchema), delivery: z.optional(MoneySchema) })
  .check(
    z.refine((quote) => [quote.tax, quote.delivery].every((part) => part === undefined || (part.currency === quote.total.currency && part.minor <= quote.total.minor)), {
      message: 'tax and delivery are parts of the total, in its currency',
    }),
  );

/** The phone's look-up of a caller by their number (E.164); the answer is the Shopper, or 404 `not-found`. */
export const PhoneLookupBodySchema = z.object({ phone: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/)) });

/** A caller whose number names nobody: an order number and the postal code it went to, for an order placed since `placedSince`. */
export const OrderLookupBodySchema = z.object({
  orderNumber: z.string().check(z.regex(/^\d{3,12}$/)),
  postalCode: z.string().check(z.regex(/^\d{3,10}$/)),
  placedSince: Instant,
});
/** Only the shopper's id: never the postal code or anything else of theirs. */
export const OrderLookupAnswerSchema = z.object({ shopperId: Id });

/** Digits a caller gave as their second factor, and how recent an order number must be to count. */
export const SecondFactorBodySchema = z.object({ digits: z.string().check(z.regex(/^\d{3,12}$/)), placedSince: Instant });
/** Match or no match: the secret itself never travels back. */
export const SecondFactorAnswerSchema = z.object({ matches: z.boolean() });

/** An error answer (RFC 9457 problem details); `code` tells "no such resource" (`not-found`) from "no such path". */
export const ProblemSchema = z.object({
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  code: z.optional(z.string()),
  detail: z.optional(z.string()),
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
export function encodeWire<Schema extends z.ZodMiniType>(schema: Schema, value: DeepReadonly<z.output<Schema>>): z.input<Schema> {
  return z.encode(schema, value as z.output<Schema>);
}

/** Where a body did not match its schema, by field path, without the values themselves. */
export function describeIssues(error: z.core.$ZodError, limit = 3): string {
  const issues = error.issues.slice(0, limit).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return issues.join('; ') + more;
}
