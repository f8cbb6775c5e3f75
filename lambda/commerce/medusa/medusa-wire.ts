import * as z from 'zod';

/**
 * What Shopvoice reads of Medusa v2's answers, checked before use. Only the fields asked for (the
 * `fields` parameter of each call) are described; anything else Medusa sends is ignored.
 */

const Id = z.string().min(1).max(100);
const Text = z.string().max(10_000);
const Metadata = z.record(z.string(), z.unknown()).nullish();
/** Medusa v2 keeps amounts in major units, as numbers. */
const Amount = z.number().finite().nonnegative();
const Quantity = z.number().int().nonnegative();

export const AddressSchema = z.object({
  address_1: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  postal_code: z.string().nullish(),
  country_code: z.string().nullish(),
  is_default_shipping: z.boolean().nullish(),
});

export const CustomerSchema = z.object({
  customer: z.object({
    id: Id,
    email: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    phone: z.string().nullish(),
    metadata: Metadata,
    addresses: z.array(AddressSchema).max(100).optional(),
  }),
});
export type MedusaCustomer = z.output<typeof CustomerSchema>['customer'];

export const CustomerIdSchema = z.object({ customer: z.object({ id: Id }) });

const OptionValueSchema = z.object({ value: z.string(), option: z.object({ title: z.string() }).nullish() });

export const ProductSchema = z.object({
  id: Id,
  handle: z.string().min(1).max(200),
  title: Text,
  description: Text.nullish(),
  metadata: Metadata,
  categories: z.array(z.object({ handle: z.string() })).nullish(),
  tags: z.array(z.object({ value: z.string() })).nullish(),
  options: z.array(z.object({ title: z.string(), values: z.array(z.object({ value: z.string() })).nullish() })).nullish(),
  variants: z
    .array(
      z.object({
        id: Id,
        sku: z.string().nullish(),
        manage_inventory: z.boolean().nullish(),
        allow_backorder: z.boolean().nullish(),
        inventory_quantity: z.number().nullish(),
        options: z.array(OptionValueSchema).nullish(),
        calculated_price: z.object({ calculated_amount: Amount.nullish(), currency_code: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});
export type MedusaProduct = z.output<typeof ProductSchema>;

export const ProductListSchema = z.object({ products: z.array(ProductSchema), count: Quantity });

export const CategoryListSchema = z.object({ product_categories: z.array(z.object({ id: Id, handle: z.string() })), count: Quantity });
export const TagListSchema = z.object({ product_tags: z.array(z.object({ id: Id, value: z.string() })), count: Quantity });

const ItemDetailSchema = z.object({
  fulfilled_quantity: z.number().nullish(),
  delivered_quantity: z.number().nullish(),
  return_requested_quantity: z.number().nullish(),
  return_received_quantity: z.number().nullish(),
});

export const OrderItemSchema = z.object({
  id: Id,
  created_at: z.iso.datetime({ offset: true }).nullish(),
  title: Text,
  product_id: z.string().nullish(),
  product_handle: z.string().nullish(),
  variant_id: z.string().nullish(),
  variant_sku: z.string().nullish(),
  is_giftcard: z.boolean().nullish(),
  unit_price: Amount,
  quantity: Quantity,
  detail: ItemDetailSchema.nullish(),
  product: z.object({ metadata: Metadata, categories: z.array(z.object({ handle: z.string() })).nullish() }).nullish(),
});
export type MedusaOrderItem = z.output<typeof OrderItemSchema>;

export const StoreOrderSchema = z.object({
  id: Id,
  display_id: z.number().int().nonnegative(),
  customer_id: z.string().nullish(),
  status: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  canceled_at: z.iso.datetime({ offset: true }).nullish(),
  fulfillment_status: z.string().nullish(),
  currency_code: z.string(),
  total: Amount,
  items: z.array(OrderItemSchema).max(500).nullish(),
  fulfillments: z
    .array(
      z.object({
        id: Id,
        created_at: z.iso.datetime({ offset: true }),
        shipped_at: z.iso.datetime({ offset: true }).nullish(),
        delivered_at: z.iso.datetime({ offset: true }).nullish(),
        canceled_at: z.iso.datetime({ offset: true }).nullish(),
        metadata: Metadata,
      }),
    )
    .max(100)
    .nullish(),
});
export type MedusaStoreOrder = z.output<typeof StoreOrderSchema>;

export const StoreOrderListSchema = z.object({ orders: z.array(StoreOrderSchema), count: Quantity });

/** What only the Admin API gives of an order: the labels and items of its fulfillments, and each item's variant options. */
export const AdminOrderDetailSchema = z.object({
  orders: z.array(
    z.object({
      id: Id,
      customer_id: z.string().nullish(),
      items: z
        .array(
          z.object({
            id: Id,
            variant: z.object({ options: z.array(OptionValueSchema).nullish() }).nullish(),
            product: z.object({ metadata: Metadata, categories: z.array(z.object({ handle: z.string() })).nullish() }).nullish(),
          }),
        )
        .nullish(),
      fulfillments: z
        .array(
          z.object({
            id: Id,
            labels: z.array(z.object({ tracking_number: z.string().nullish(), tracking_url: z.string().nullish() })).nullish(),
            items: z.array(z.object({ line_item_id: z.string().nullish(), quantity: z.number().nullish() })).nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});
export type MedusaOrderDetail = z.output<typeof AdminOrderDetailSchema>['orders'][number];

export const ReturnReasonListSchema = z.object({ return_reasons: z.array(z.object({ id: Id, value: z.string(), label: z.string().nullish() })) });

export const ShippingOptionListSchema = z.object({
  shipping_options: z.array(z.object({ id: Id, name: z.string().nullish(), amount: z.number().nullish(), calculated_price: z.object({ calculated_amount: z.number().nullish() }).nullish() })),
});

export const CreatedReturnSchema = z.object({ return: z.object({ id: Id, display_id: z.number().int().nonnegative(), created_at: z.iso.datetime({ offset: true }).nullish() }) });

export const CartSchema = z.object({ cart: z.object({ id: Id, currency_code: z.string(), total: Amount, item_total: Amount.nullish() }) });
