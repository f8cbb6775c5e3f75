import * as z from '../../zod-mini';
import { boundedList, boundedTerms, MAX_ATTRIBUTES_PER_PRODUCT, MAX_EVENTS_PER_SHIPMENT, MAX_LINES_PER_ORDER, MAX_ORDERS_PER_LIST, MAX_PRODUCTS_PER_PAGE, MAX_SHIPMENTS_PER_ORDER, MAX_VALUES_PER_ATTRIBUTE, MAX_VOCABULARY_ENTRIES } from '../http/wire-limits';

/**
 * The `data` of each Shopify answer the adapter reads, as zod schemas: only the fields the
 * documents (shopify-documents.ts) ask for, checked before anything is mapped to the ports.
 * Lists are read no further than a voice answer can use (wire-limits.ts).
 */

const GlobalId = z.string().check(z.minLength(1), z.maxLength(200));
/** Shopify's Decimal scalar: a decimal number as a string, e.g. "129.00". */
const Decimal = z.string().check(z.regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'not a decimal amount'));
const Instant = z.iso.datetime({ offset: true });

export const MoneyV2Schema = z.object({ amount: Decimal, currencyCode: z.string() });
export type MoneyV2 = z.output<typeof MoneyV2Schema>;

const Connection = <Item extends z.ZodMiniType>(item: Item, maxItems: number) => z.object({ nodes: boundedList(item, maxItems) });
const PageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) });

// --- Customer Account API -----------------------------------------------------------------------

export const CustomerIdentitySchema = z.object({ customer: z.object({ id: GlobalId }) });

export const CustomerProfileSchema = z.object({
  customer: z.object({
    id: GlobalId,
    firstName: z.nullable(z.string()),
    lastName: z.nullable(z.string()),
    emailAddress: z.nullable(z.object({ emailAddress: z.nullable(z.string()) })),
    phoneNumber: z.nullable(z.object({ phoneNumber: z.string() })),
    defaultAddress: z.nullable(
      z.object({
        address1: z.nullable(z.string()),
        city: z.nullable(z.string()),
        zoneCode: z.nullable(z.string()),
        province: z.nullable(z.string()),
        zip: z.nullable(z.string()),
        territoryCode: z.nullable(z.string()),
      }),
    ),
    orders: Connection(z.object({ customerLocale: z.nullable(z.string()) }), 1),
  }),
});
export type CustomerProfile = z.output<typeof CustomerProfileSchema>['customer'];

const NonReturnableSchema = z.object({
  lineItem: z.object({ id: GlobalId }),
  quantityDetails: z.array(z.object({ quantity: z.int(), reasonCode: z.string() })),
});

const FulfillmentSchema = z.object({
  id: GlobalId,
  createdAt: Instant,
  status: z.nullable(z.string()),
  estimatedDeliveryAt: z.nullable(Instant),
  latestShipmentStatus: z.nullable(z.string()),
  trackingInformation: z.array(z.object({ company: z.nullable(z.string()), number: z.nullable(z.string()) })),
  /** Where a package waits to be picked up, when it does. */
  pickupAddress: z.optional(z.nullable(z.object({ address1: z.nullable(z.string()), city: z.nullable(z.string()) }))),
  fulfillmentLineItems: Connection(z.object({ lineItem: z.object({ id: GlobalId }) }), MAX_LINES_PER_ORDER),
  events: Connection(z.object({ happenedAt: Instant, status: z.string() }), MAX_EVENTS_PER_SHIPMENT),
});
export type Fulfillment = z.output<typeof FulfillmentSchema>;

const LineItemSchema = z.object({
  id: GlobalId,
  title: z.string(),
  productId: z.nullable(GlobalId),
  productType: z.nullable(z.string()),
  quantity: z.int().check(z.positive()),
  sku: z.nullable(z.string()),
  giftCard: z.boolean(),
  price: z.nullable(MoneyV2Schema),
  variantOptions: z.nullable(z.array(z.object({ name: z.string(), value: z.string() }))),
});
export type LineItem = z.output<typeof LineItemSchema>;

export const OrderSchema = z.object({
  id: GlobalId,
  number: z.int().check(z.nonnegative()),
  processedAt: Instant,
  cancelledAt: z.nullable(Instant),
  fulfillmentStatus: z.string(),
  totalPrice: MoneyV2Schema,
  lineItems: Connection(LineItemSchema, MAX_LINES_PER_ORDER),
  fulfillments: Connection(FulfillmentSchema, MAX_SHIPMENTS_PER_ORDER),
  returnInformation: z.object({ nonReturnableLineItems: Connection(NonReturnableSchema, MAX_LINES_PER_ORDER) }),
});
export type ShopifyOrder = z.output<typeof OrderSchema>;

export const CustomerOrdersSchema = z.object({
  customer: z.object({
    id: GlobalId,
    orders: z.object({ nodes: boundedList(OrderSchema, MAX_ORDERS_PER_LIST), pageInfo: PageInfoSchema }),
  }),
});

export const OrderForReturnSchema = z.object({
  customer: z.object({
    id: GlobalId,
    orders: Connection(
      z.object({
        id: GlobalId,
        number: z.int().check(z.nonnegative()),
        cancelledAt: z.nullable(Instant),
        lineItems: Connection(
          z.object({
            id: GlobalId,
            quantity: z.int().check(z.positive()),
            giftCard: z.boolean(),
            productType: z.nullable(z.string()),
            price: z.nullable(MoneyV2Schema),
            suggestedReturnReasonDefinitions: z.nullable(Connection(z.object({ id: GlobalId, handle: z.string(), deleted: z.boolean() }), 50)),
          }),
          MAX_LINES_PER_ORDER,
        ),
        returnInformation: z.object({
          returnableLineItems: Connection(z.object({ quantity: z.int(), lineItem: z.object({ id: GlobalId }) }), MAX_LINES_PER_ORDER),
          nonReturnableLineItems: Connection(NonReturnableSchema, MAX_LINES_PER_ORDER),
        }),
      }),
      5,
    ),
  }),
});
export type OrderForReturn = z.output<typeof OrderForReturnSchema>['customer']['orders']['nodes'][number];

export const OrderReturnsSchema = z.object({
  customer: z.object({
    orders: Connection(
      z.object({
        number: z.int().check(z.nonnegative()),
        returns: Connection(
          z.object({
            status: z.string(),
            returnLineItems: Connection(z.object({ quantity: z.int().check(z.nonnegative()), lineItem: z.object({ id: GlobalId }) }), MAX_LINES_PER_ORDER),
          }),
          50,
        ),
      }),
      5,
    ),
  }),
});

const UserErrorSchema = z.object({ code: z.nullable(z.string()), field: z.nullable(z.array(z.string())), message: z.string() });

export const RequestReturnSchema = z.object({
  orderRequestReturn: z.nullable(
    z.object({
      return: z.nullable(z.object({ id: GlobalId, name: z.string(), status: z.string(), createdAt: z.nullable(Instant) })),
      userErrors: z.array(UserErrorSchema),
    }),
  ),
});

// --- Storefront API -----------------------------------------------------------------------------

/** A metafield asked for by identifier: null where the product has none. */
const MetafieldsSchema = z.array(z.nullable(z.object({ key: z.string(), value: z.string() })));

const OptionsSchema = boundedList(
  z.object({ name: z.string(), optionValues: boundedList(z.object({ name: z.string() }), MAX_VALUES_PER_ATTRIBUTE) }),
  MAX_ATTRIBUTES_PER_PRODUCT,
);

const VariantSchema = z.object({
  id: GlobalId,
  sku: z.nullable(z.string()),
  availableForSale: z.boolean(),
  /** Null where the app may not read inventory (unauthenticated_read_product_inventory) or the variant is not tracked. */
  quantityAvailable: z.nullable(z.int()),
  price: MoneyV2Schema,
  selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type ShopifyVariant = z.output<typeof VariantSchema>;

export const ProductSchema = z.object({
  id: GlobalId,
  title: z.string(),
  vendor: z.string(),
  productType: z.string(),
  tags: boundedTerms(100, 120),
  description: z.string(),
  availableForSale: z.boolean(),
  priceRange: z.object({ minVariantPrice: MoneyV2Schema }),
  options: OptionsSchema,
  variants: Connection(VariantSchema, 100),
  metafields: MetafieldsSchema,
});
export type ShopifyProduct = z.output<typeof ProductSchema>;

/** A node an inline fragment on Product selected nothing from: some other type. */
const NotAProduct = z.pipe(z.strictObject({}), z.transform(() => null));

export const ProductByIdSchema = z.object({ product: z.nullable(ProductSchema) });

export const ProductSearchSchema = z.object({
  search: z.object({
    totalCount: z.int().check(z.nonnegative()),
    // Articles and pages come back as empty objects (null here); only products are read.
    nodes: boundedList(z.union([ProductSchema, NotAProduct]), MAX_PRODUCTS_PER_PAGE * 5),
  }),
});

export const ProductNamesSchema = z.object({
  nodes: z.array(z.nullable(z.union([z.object({ id: GlobalId, metafields: MetafieldsSchema }), NotAProduct]))),
});

export const CatalogPageSchema = z.object({
  products: z.object({
    nodes: boundedList(z.object({ productType: z.string(), vendor: z.string(), tags: boundedTerms(100, 120), options: OptionsSchema }), 250),
    pageInfo: PageInfoSchema,
  }),
  shop: z.object({ vocabulary: z.nullable(z.object({ value: z.string() })) }),
  localization: z.object({ country: z.object({ currency: z.object({ isoCode: z.string() }) }) }),
});

export const CartCreateSchema = z.object({
  cartCreate: z.nullable(
    z.object({
      cart: z.nullable(
        z.object({
          id: GlobalId,
          checkoutUrl: z.url({ protocol: /^https?$/ }),
          cost: z.object({ totalAmount: MoneyV2Schema }),
          lines: Connection(z.object({ quantity: z.int(), merchandise: z.object({ id: GlobalId, price: MoneyV2Schema }) }), 10),
        }),
      ),
      userErrors: z.array(UserErrorSchema),
    }),
  ),
});

/** How many catalog entries the vocabulary reads at most, as the HTTP adapter does. */
export const MAX_CATALOG_WORDS = MAX_VOCABULARY_ENTRIES;
