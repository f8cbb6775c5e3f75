import { randomBytes } from 'node:crypto';
import type { LineVariant } from '../../lambda/commerce/ports';
import type { CatalogRecord } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import { setDeliveredAt } from '../../tools/medusa/medusa-history';
import type { MedusaConnection } from '../../tools/medusa/medusa-server';
import type { HeldReturn, PlacedLine, StoreIds, StoreRecords } from '../support/store-records';
import { remember } from './medusa-changes';
import { medusaAdmin, medusaCustomerAuth, medusaStore } from './medusa-connection';

/**
 * What a real Medusa holds, read and changed through its Admin API (test/support/store-records.ts
 * says what each does). Every change is remembered and put back after the test (medusa-changes.ts),
 * since the next test talks to the same Medusa.
 */

/** The seeded store's return reasons (tools/medusa/server/seed-demo.js), as Shopvoice's reasons. */
const SHOPVOICE_REASON_OF: Readonly<Record<string, string>> = {
  'size-too-small': 'size-too-small',
  'size-too-large': 'size-too-large',
  'wrong-size': 'size',
  color: 'color',
  damaged: 'damaged',
  'not-as-described': 'not-as-described',
  style: 'style',
  unwanted: 'unwanted',
  'wrong-item': 'wrong-item',
  other: 'other',
};

/** Customers the tests added, by the demo-style id they were given (addShopper), with a token Medusa issued them. */
const addedCustomers = new Map<string, { readonly id: string; readonly token: string }>();

/** A customer the tests added, if `demoId` names one. */
export const addedCustomer = (demoId: string) => addedCustomers.get(demoId);

/** Medusa's own ids of the demo's shoppers and order lines, as the seed recorded them. */
export function medusaIds(connection: MedusaConnection): StoreIds {
  const customerIds = new Map(connection.customers.map((customer) => [customer.demoId, customer.id]));
  return {
    shopper(demoId) {
      const id = customerIds.get(demoId) ?? addedCustomers.get(demoId)?.id;
      if (!id) throw new Error(`No Medusa customer for ${demoId}`);
      return id;
    },
    line(demoLineId) {
      const id = connection.lineIds[demoLineId];
      if (!id) throw new Error(`No Medusa order line for ${demoLineId}`);
      return id;
    },
  };
}

/** The demo id of a Medusa customer, where it is one the tests know; else Medusa's own. */
export function demoIdOf(connection: MedusaConnection, customerId: string | null | undefined): string {
  const seeded = connection.customers.find((customer) => customer.id === customerId)?.demoId;
  const added = [...addedCustomers].find(([, customer]) => customer.id === customerId)?.[0];
  return seeded ?? added ?? customerId ?? '';
}

interface AdminPrice {
  readonly id: string;
  readonly currency_code: string;
  readonly amount: number;
}

interface AdminProduct {
  readonly id: string;
  readonly handle: string;
  readonly description: string | null;
  readonly metadata: Record<string, unknown> | null;
  readonly categories: readonly { readonly id: string }[];
  readonly tags: readonly { readonly id: string }[];
  readonly options: readonly { readonly title: string }[];
  readonly variants: readonly { readonly id: string; readonly prices: readonly AdminPrice[]; readonly inventory_items: readonly { readonly inventory_item_id: string }[] }[];
}

interface Level {
  readonly stocked_quantity: number;
  readonly reserved_quantity: number;
  readonly available_quantity: number;
}

/** Options as a variant's attributes, by lower-case name: nothing for Medusa's placeholder "Default". */
function variantOf(options: readonly { readonly value: string; readonly option?: { readonly title: string } | null }[] | null | undefined): LineVariant {
  const variant: Record<string, string> = {};
  for (const option of options ?? []) {
    const name = option.option?.title.toLowerCase();
    if (name && name !== 'default') variant[name] = option.value;
  }
  return variant as LineVariant;
}

const minorOf = (amount: number) => Math.round(amount * 100);
/** Metadata written back as it was: a key that was not there is removed (Medusa drops keys set to ""). */
const asBefore = (value: unknown) => (typeof value === 'string' ? value : '');

/** Medusa's Admin API as the test's store records; `startedAt` is when the test app was made (orders after it were placed by it). */
export function medusaStoreRecords(connection: MedusaConnection, startedAt: Date): StoreRecords {
  let settings: Promise<{ locationId: string; salesChannelId: string; shippingProfileId: string; currencies: string[] }> | undefined;
  const storeSettings = () =>
    (settings ??= Promise.all([
      medusaAdmin<{ stock_locations: { id: string }[] }>('/admin/stock-locations?fields=id&limit=1'),
      medusaAdmin<{ sales_channels: { id: string }[] }>('/admin/sales-channels?fields=id&limit=1'),
      medusaAdmin<{ shipping_profiles: { id: string; type: string }[] }>('/admin/shipping-profiles?fields=id,type'),
      medusaAdmin<{ regions: { currency_code: string }[] }>('/admin/regions?fields=currency_code'),
    ]).then(([locations, channels, profiles, regions]) => ({
      locationId: locations.stock_locations[0]!.id,
      salesChannelId: channels.sales_channels[0]!.id,
      shippingProfileId: (profiles.shipping_profiles.find((profile) => profile.type === 'default') ?? profiles.shipping_profiles[0]!).id,
      currencies: [...new Set(regions.regions.map((region) => region.currency_code))],
    })));

  async function product(handle: string): Promise<AdminProduct> {
    const { products } = await medusaAdmin<{ products: AdminProduct[] }>(
      `/admin/products?handle=${encodeURIComponent(handle)}&fields=id,handle,description,metadata,categories.id,tags.id,options.title,variants.id,*variants.prices,variants.inventory_items.inventory_item_id`,
    );
    const found = products.find((candidate) => candidate.handle === handle);
    if (!found) throw new Error(`Medusa has no product ${handle}`);
    return found;
  }

  const updateMetadata = (productId: string, metadata: Record<string, string>) => medusaAdmin(`/admin/products/${productId}?fields=id`, { method: 'POST', body: { metadata } });

  /** Each variant's stock level at the store's location. */
  async function levels(found: AdminProduct): Promise<{ inventoryItemId: string; level: Level }[]> {
    const { locationId } = await storeSettings();
    return Promise.all(
      found.variants.flatMap((variant) => variant.inventory_items).map(async ({ inventory_item_id: inventoryItemId }) => {
        const { inventory_levels: list } = await medusaAdmin<{ inventory_levels: (Level & { location_id: string })[] }>(`/admin/inventory-items/${inventoryItemId}/location-levels`);
        const level = list.find((candidate) => candidate.location_id === locationId);
        if (!level) throw new Error(`no stock level for ${found.handle} at the store's location`);
        return { inventoryItemId, level };
      }),
    );
  }

  async function setStocked(inventoryItemId: string, stocked: number): Promise<void> {
    const { locationId } = await storeSettings();
    await medusaAdmin(`/admin/inventory-items/${inventoryItemId}/location-levels/${locationId}`, { method: 'POST', body: { stocked_quantity: stocked } });
  }

  /** The store's tags by value, made where missing; answers the ids of those it made. */
  async function tagIds(values: readonly string[]): Promise<{ ids: Map<string, string>; made: string[] }> {
    const { product_tags: tags } = await medusaAdmin<{ product_tags: { id: string; value: string }[] }>('/admin/product-tags?fields=id,value&limit=5000');
    const ids = new Map(tags.map((tag) => [tag.value, tag.id]));
    const made: string[] = [];
    for (const value of new Set(values)) {
      if (ids.has(value)) continue;
      const { product_tag: tag } = await medusaAdmin<{ product_tag: { id: string } }>('/admin/product-tags?fields=id', { method: 'POST', body: { value } });
      ids.set(value, tag.id);
      made.push(tag.id);
    }
    return { ids, made };
  }

  return {
    async returns() {
      const { returns } = await medusaAdmin<{
        returns: { id: string; display_id: number; order_id: string; created_at: string; canceled_at: string | null; items: { item_id: string; quantity: number; reason_id: string | null; note: string | null }[] }[];
      }>('/admin/returns?fields=id,display_id,order_id,created_at,canceled_at,items.item_id,items.quantity,items.reason_id,items.note&order=-created_at&limit=200');
      // Newest first from Medusa (earlier tests' cancelled returns pile up behind them), oldest first here.
      const held = returns.filter((each) => !each.canceled_at).reverse();
      if (held.length === 0) return [];
      const [{ orders }, { return_reasons: reasons }] = await Promise.all([
        medusaAdmin<{ orders: { id: string; display_id: number; items: { id: string; unit_price: number }[] }[] }>(
          `/admin/orders?${held.map((each) => `id[]=${each.order_id}`).join('&')}&fields=id,display_id,items.id,items.unit_price&limit=${held.length}`,
        ),
        medusaAdmin<{ return_reasons: { id: string; value: string }[] }>('/admin/return-reasons?fields=id,value&limit=100'),
      ]);
      const reasonOf = new Map(reasons.map((reason) => [reason.id, SHOPVOICE_REASON_OF[reason.value] ?? reason.value]));
      return held.flatMap((each) => {
        const order = orders.find((candidate) => candidate.id === each.order_id);
        return each.items.map((item): HeldReturn => ({
          number: String(each.display_id),
          order_number: String(order?.display_id ?? ''),
          line_id: item.item_id,
          quantity: item.quantity,
          reason: (item.reason_id ? reasonOf.get(item.reason_id) : undefined) ?? item.note ?? '',
          // Medusa refunds a returned item at the price it was sold for, once the store has it back.
          refund_minor: minorOf(order?.items.find((line) => line.id === item.item_id)?.unit_price ?? 0) * item.quantity,
        }));
      });
    },

    async ordersPlaced() {
      const { orders } = await medusaAdmin<{
        orders: {
          display_id: number;
          created_at: string;
          customer_id: string | null;
          items: { created_at: string; product_handle: string | null; quantity: number; unit_price: number; variant?: { options?: { value: string; option?: { title: string } | null }[] } | null }[];
        }[];
      }>('/admin/orders?fields=display_id,created_at,customer_id,items.created_at,items.product_handle,items.quantity,items.unit_price,items.variant.options.value,items.variant.options.option.title&order=-created_at&limit=50');
      return orders
        .filter((order) => new Date(order.created_at).getTime() >= startedAt.getTime())
        .sort((a, b) => a.display_id - b.display_id)
        .flatMap((order) =>
          [...order.items]
            .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
            .map((item): PlacedLine => ({
              number: String(order.display_id),
              shopperId: demoIdOf(connection, order.customer_id),
              line: { productId: item.product_handle ?? '', quantity: item.quantity, unitPriceMinor: minorOf(item.unit_price), variant: variantOf(item.variant?.options) },
            })),
        );
    },

    async orderCount() {
      return (await medusaAdmin<{ count: number }>('/admin/orders?fields=id&limit=1')).count;
    },

    async stockOf(productId) {
      return (await levels(await product(productId))).reduce((sum, { level }) => sum + level.available_quantity, 0);
    },

    async setStock(productId, stock, restockOn = null) {
      const found = await product(productId);
      const before = await levels(found);
      for (const { inventoryItemId, level } of before) await setStocked(inventoryItemId, stock + level.reserved_quantity);
      await updateMetadata(found.id, { restock_on: restockOn ?? '' });
      return remember(async () => {
        for (const { inventoryItemId, level } of before) await setStocked(inventoryItemId, level.stocked_quantity);
        await updateMetadata(found.id, { restock_on: asBefore(found.metadata?.restock_on) });
      });
    },

    async setPrice(productId, minor) {
      const found = await product(productId);
      const setPrices = (amountOf: (price: AdminPrice) => number) =>
        Promise.all(
          found.variants.map((variant) =>
            medusaAdmin(`/admin/products/${found.id}/variants/${variant.id}?fields=id`, {
              method: 'POST',
              body: { prices: variant.prices.map((price) => ({ id: price.id, currency_code: price.currency_code, amount: amountOf(price) })) },
            }),
          ),
        );
      await setPrices(() => minor / 100);
      return remember(async () => {
        await setPrices((price) => price.amount);
      });
    },

    async setSpokenName(productId, spokenName) {
      const found = await product(productId);
      await updateMetadata(found.id, { spoken_name: spokenName });
      return remember(async () => {
        await updateMetadata(found.id, { spoken_name: asBefore(found.metadata?.spoken_name) });
      });
    },

    async forgetTranslatedNames(productIds) {
      const found = await Promise.all(productIds.map(product));
      for (const each of found) await updateMetadata(each.id, { spoken_names: '' });
      return remember(async () => {
        for (const each of found) await updateMetadata(each.id, { spoken_names: asBefore(each.metadata?.spoken_names) });
      });
    },

    async addProductLike(productId, like) {
      const source = await product(productId);
      if (source.options.some((option) => option.title !== 'Default')) throw new Error(`${productId} has options: addProductLike copies products sold in one variant`);
      const { salesChannelId, shippingProfileId, currencies } = await storeSettings();
      const spokenName = source.metadata?.spoken_name;
      const { product: created } = await medusaAdmin<{ product: { id: string; variants: { inventory_items: { inventory_item_id: string }[] }[] } }>(
        '/admin/products?fields=id,variants.inventory_items.inventory_item_id',
        {
          method: 'POST',
          body: {
            title: like.name,
            handle: like.id,
            description: source.description ?? '',
            status: 'published',
            options: [{ title: 'Default', values: ['Default'] }],
            variants: [{ title: like.name, sku: like.sku, options: { Default: 'Default' }, manage_inventory: true, prices: currencies.map((currency_code) => ({ currency_code, amount: like.priceMinor / 100 })) }],
            categories: source.categories.map(({ id }) => ({ id })),
            tags: source.tags.map(({ id }) => ({ id })),
            sales_channels: [{ id: salesChannelId }],
            shipping_profile_id: shippingProfileId,
            metadata: typeof spokenName === 'string' ? { spoken_name: spokenName } : {},
          },
        },
      );
      const { locationId } = await storeSettings();
      for (const item of created.variants.flatMap((variant) => variant.inventory_items)) {
        await medusaAdmin(`/admin/inventory-items/${item.inventory_item_id}/location-levels`, { method: 'POST', body: { location_id: locationId, stocked_quantity: like.stock } });
      }
      return remember(async () => {
        await medusaAdmin(`/admin/products/${created.id}`, { method: 'DELETE' });
      });
    },

    async addProducts(records: readonly CatalogRecord[]) {
      if (records.length === 0) return async () => {};
      const { salesChannelId, shippingProfileId, currencies } = await storeSettings();
      const handles = [...new Set(records.map((record) => record.category))];
      const { product_categories: categories } = await medusaAdmin<{ product_categories: { id: string; handle: string }[] }>(
        `/admin/product-categories?${handles.map((handle) => `handle[]=${encodeURIComponent(handle)}`).join('&')}&fields=id,handle&limit=${handles.length}`,
      );
      const tagsOf = (record: CatalogRecord) => [`brand:${record.brand}`, ...Object.entries(record.attributes).flatMap(([name, values]) => values.map((value) => `${name}:${value}`))];
      const tags = await tagIds(records.flatMap(tagsOf));
      const created: string[] = [];
      const putBackProducts = remember(async () => {
        for (let start = 0; start < created.length; start += 100) await medusaAdmin('/admin/products/batch', { method: 'POST', body: { delete: created.slice(start, start + 100) } });
        for (const id of tags.made) await medusaAdmin(`/admin/product-tags/${id}`, { method: 'DELETE' });
      });
      // One variant each, sold without counting stock (as many as asked), every attribute a `name:value`
      // tag, and no SKU (generated ones repeat the seeded variants'): what a search counts and ranks,
      // made in a few calls.
      for (let start = 0; start < records.length; start += 50) {
        const { created: made } = await medusaAdmin<{ created: { id: string }[] }>('/admin/products/batch', {
          method: 'POST',
          body: {
            create: records.slice(start, start + 50).map((record) => ({
              title: record.name,
              handle: record.id,
              description: record.description,
              status: 'published',
              options: [{ title: 'Default', values: ['Default'] }],
              variants: [{ title: record.name, options: { Default: 'Default' }, manage_inventory: false, prices: currencies.map((currency_code) => ({ currency_code, amount: record.priceMinor / 100 })) }],
              categories: categories.filter((category) => category.handle === record.category).map(({ id }) => ({ id })),
              tags: tagsOf(record).map((value) => ({ id: tags.ids.get(value)! })),
              sales_channels: [{ id: salesChannelId }],
              shipping_profile_id: shippingProfileId,
              metadata: { spoken_name: record.spokenName, ...(record.finalSale ? { final_sale: 'true' } : {}), ...(record.restockOn ? { restock_on: record.restockOn } : {}) },
            })),
          },
        });
        created.push(...made.map(({ id }) => id));
      }
      return putBackProducts;
    },

    async addShopper(shopper) {
      // Medusa keeps a sign-in after its customer is deleted, so each added shopper signs up with an address of their own.
      const email = shopper.email.replace('@', `+${randomBytes(4).toString('hex')}@`);
      const password = randomBytes(18).toString('base64url');
      const registration = await medusaCustomerAuth('/register', email, password);
      await medusaStore('/store/customers', { token: registration, method: 'POST', body: { email, first_name: shopper.givenName, last_name: shopper.familyName, metadata: { locale: shopper.locale } } });
      const token = await medusaCustomerAuth('', email, password);
      const { address } = shopper;
      await medusaStore('/store/customers/me/addresses', {
        token,
        method: 'POST',
        body: {
          first_name: shopper.givenName,
          last_name: shopper.familyName,
          address_1: address.line1,
          city: address.city,
          province: address.region,
          postal_code: address.postalCode,
          country_code: address.country.toLowerCase(),
          is_default_shipping: true,
          is_default_billing: true,
        },
      });
      const { customer } = await medusaStore<{ customer: { id: string } }>('/store/customers/me?fields=id', { token });
      addedCustomers.set(shopper.id, { id: customer.id, token });
      return remember(async () => {
        addedCustomers.delete(shopper.id);
        await medusaAdmin(`/admin/customers/${customer.id}`, { method: 'DELETE' });
      });
    },

    async deliver(orderNumber, trackingNumber, at) {
      const { orders } = await medusaAdmin<{ orders: { display_id: number; fulfillments: { id: string; labels: { tracking_number: string }[] }[] }[] }>(
        `/admin/orders?q=${encodeURIComponent(orderNumber)}&fields=display_id,fulfillments.id,fulfillments.labels.tracking_number`,
      );
      const fulfillment = orders
        .find((order) => String(order.display_id) === orderNumber)
        ?.fulfillments.find((candidate) => candidate.labels.some((label) => label.tracking_number === trackingNumber));
      if (!fulfillment) throw new Error(`order ${orderNumber} has no package ${trackingNumber} in Medusa`);
      const before = await setDeliveredAt(connection, fulfillment.id, at);
      return remember(async () => {
        await setDeliveredAt(connection, fulfillment.id, before);
      });
    },
  };
}
