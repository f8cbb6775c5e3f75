import * as z from 'zod';
import { boundedList, boundedTerms, MAX_ATTRIBUTES_PER_PRODUCT, MAX_EVENTS_PER_SHIPMENT, MAX_LINES_PER_ORDER, MAX_ORDERS_PER_LIST, MAX_PRODUCTS_PER_PAGE, MAX_SHIPMENTS_PER_ORDER, MAX_VALUES_PER_ATTRIBUTE, MAX_VOCABULARY_ENTRIES } from '../http/wire-limits';

/**
 * The `data` of each Shopify answer the adapter reads, as zod schemas: only the fields the
 * documents (shopify-documents.ts) ask for, checked before anything is mapped to the ports.
 * Lists are read no further than a voice answer can use (wire-limits.ts).
 */

const GlobalId = z.string().min(1).max(200);
/** Shopify's Decimal scalar: a decimal number as a string, e.g. "129.00". */
const Decimal = z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'not a decimal amount');
const Instant = z.iso.datetime({ offset: true });

export const MoneyV2Schema = z.object({ amount: Decimal, currencyCode: z.string() });
export type MoneyV2 = z.output<typeof MoneyV2Schema>;

const Connection = <Item extends z.ZodType>(item: Item, maxItems: number) => z.object({ nodes: boundedList(item, maxItems) });
const PageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

// --- Customer Account API -----------------------------------------------------------------------

export const CustomerIdentitySchema = z.object({ customer: z.object({ id: GlobalId }) });

export const CustomerProfileSchema = z.object({
  customer: z.object({
    id: GlobalId,
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    emailAddress: z.object({ emailAddress: z.string().nullable() }).nullable(),
    phoneNumber: z.object({ phoneNumber: z.string() }).nullable(),
    defaultAddress: z
      .object({
        address1: z.string().nullable(),
        city: z.string().nullable(),
        zoneCode: z.string().nullable(),
        province: z.string().nullable(),
        zip: z.string().nullable(),
        territoryCode: z.string().nullable(),
      })
      .nullable(),
    orders: Connection(z.object({ customerLocale: z.string().nullable() }), 1),
  }),
});
export type CustomerProfile = z.output<typeof CustomerProfileSchema>['customer'];

const NonReturnableSchema = z.object({
  lineItem: z.object({ id: GlobalId }),
  quantityDetails: z.array(z.object({ quantity: z.number().int(), reasonCode: z.string() })),
});

const FulfillmentSchema = z.object({
  id: GlobalId,
  createdAt: Instant,
  status: z.string().nullable(),
  estimatedDeliveryAt: Instant.nullable(),
  latestShipmentStatus: z.string().nullable(),
  trackingInformation: z.array(z.object({ company: z.string().nullable(), number: z.string().nullable() })),
  /** Where a package waits to be picked up, when it does. */
  pickupAddress: z.object({ address1: z.string().nullable(), city: z.string().nullable() }).nullable().optional(),
  fulfillmentLineItems: Connection(z.object({ lineItem: z.object({ id: GlobalId }) }), MAX_LINES_PER_ORDER),
  events: Connection(z.object({ happenedAt: Instant, status: z.string() }), MAX_EVENTS_PER_SHIPMENT),
});
export type Fulfillment = z.output<typeof FulfillmentSchema>;

const LineItemSchema = z.object({
  id: GlobalId,
  title: z.string(),
  productId: GlobalId.nullable(),
  productType: z.string().nullable(),
  quantity: z.number().int().positive(),
  sku: z.string().nullable(),
  giftCard: z.boolean(),
  price: MoneyV2Schema.nullable(),
  variantOptions: z.array(z.object({ name: z.string(), value: z.string() })).nullable(),
});
export type LineItem = z.output<typeof LineItemSchema>;

export const OrderSchema = z.object({
  id: GlobalId,
  number: z.number().int().nonnegative(),
  processedAt: Instant,
  cancelledAt: Instant.nullable(),
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
        number: z.number().int().nonnegative(),
        cancelledAt: Instant.nullable(),
        lineItems: Connection(
          z.object({
            id: GlobalId,
            quantity: z.number().int().positive(),
            giftCard: z.boolean(),
            productType: z.string().nullable(),
            price: MoneyV2Schema.nullable(),
            suggestedReturnReasonDefinitions: Connection(z.object({ id: GlobalId, handle: z.string(), deleted: z.boolean() }), 50).nullable(),
          }),
          MAX_LINES_PER_ORDER,
        ),
        returnInformation: z.object({
          returnableLineItems: Connection(z.object({ quantity: z.number().int(), lineItem: z.object({ id: GlobalId }) }), MAX_LINES_PER_ORDER),
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
        number: z.number().int().nonnegative(),
        returns: Connection(
          z.object({
            status: z.string(),
            returnLineItems: Connection(z.object({ quantity: z.number().int().nonnegative(), lineItem: z.object({ id: GlobalId }) }), MAX_LINES_PER_ORDER),
          }),
          50,
        ),
      }),
      5,
    ),
  }),
});

const UserErrorSchema = z.object({ code: z.string().nullable(), field: z.array(z.string()).nullable(), message: z.string() });

export const RequestReturnSchema = z.object({
  orderRequestReturn: z
    .object({
      return: z.object({ id: GlobalId, name: z.string(), status: z.string(), createdAt: Instant.nullable() }).nullable(),
      userErrors: z.array(UserErrorSchema),
    })
    .nullable(),
});

// --- Storefront API -----------------------------------------------------------------------------

/** A metafield asked for by identifier: null where the product has none. */
const MetafieldsSchema = z.array(z.object({ key: z.string(), value: z.string() }).nullable());

const OptionsSchema = boundedList(
  z.object({ name: z.string(), optionValues: boundedList(z.object({ name: z.string() }), MAX_VALUES_PER_ATTRIBUTE) }),
  MAX_ATTRIBUTES_PER_PRODUCT,
);

const VariantSchema = z.object({
  id: GlobalId,
  sku: z.string().nullable(),
  availableForSale: z.boolean(),
  /** Null where the app may not read inventory (unauthenticated_read_product_inventory) or the variant is not tracked. */
  quantityAvailable: z.number().int().nullable(),
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
const NotAProduct = z
  .object({})
  .strict()
  .transform(() => null);

export const ProductByIdSchema = z.object({ product: ProductSchema.nullable() });

export const ProductSearchSchema = z.object({
  search: z.object({
    totalCount: z.number().int().nonnegative(),
    // Articles and pages come back as empty objects (null here); only products are read.
    nodes: boundedList(z.union([ProductSchema, NotAProduct]), MAX_PRODUCTS_PER_PAGE * 5),
  }),
});

export const ProductNamesSchema = z.object({
  nodes: z.array(z.union([z.object({ id: GlobalId, metafields: MetafieldsSchema }), NotAProduct]).nullable()),
});

export const CatalogPageSchema = z.object({
  products: z.object({
    nodes: boundedList(z.object({ productType: z.string(), vendor: z.string(), tags: boundedTerms(100, 120), options: OptionsSchema }), 250),
    pageInfo: PageInfoSchema,
  }),
  shop: z.object({ vocabulary: z.object({ value: z.string() }).nullable() }),
  localization: z.object({ country: z.object({ currency: z.object({ isoCode: z.string() }) }) }),
});

export const CartCreateSchema = z.object({
  cartCreate: z
    .object({
      cart: z
        .object({
          id: GlobalId,
          checkoutUrl: z.url({ protocol: /^https?$/ }),
          cost: z.object({ totalAmount: MoneyV2Schema }),
          lines: Connection(z.object({ quantity: z.number().int(), merchandise: z.object({ id: GlobalId, price: MoneyV2Schema }) }), 10),
        })
        .nullable(),
      userErrors: z.array(UserErrorSchema),
    })
    .nullable(),
});

/** How many catalog entries the vocabulary reads at most, as the HTTP adapter does. */
export const MAX_CATALOG_WORDS = MAX_VOCABULARY_ENTRIES;
