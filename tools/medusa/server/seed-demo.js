// Seeds a fresh Medusa with Shopvoice's demo store, through Medusa's own workflows and modules, as
// `npx medusa exec ./seed-demo.js` (tools/medusa/medusa-server.ts runs it). Reads the plan that
// tools/medusa/demo-plan.ts wrote to $SHOPVOICE_SEED_PLAN and writes what the tests need (keys,
// customer ids, passwords) to $SHOPVOICE_SEED_RESULT.
//
// Medusa has no API to place an order in the past, so the one thing done beside its workflows is
// moving the seeded history to the demo's days with SQL afterwards (order and fulfillment dates,
// and the display ids the demo's order numbers are): a real store has that history already.
const fs = require('node:fs');
const crypto = require('node:crypto');
const { ContainerRegistrationKeys, Modules } = require('@medusajs/framework/utils');
const {
  cancelOrderWorkflow,
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createInventoryLevelsWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createOrderWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createReturnReasonsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  updateInventoryLevelsWorkflow,
  updateStoresWorkflow,
} = require('@medusajs/medusa/core-flows');

/** Medusa's return reasons a store sets up; the adapter matches Shopvoice's reasons to their values. */
const RETURN_REASONS = [
  ['size-too-small', 'Too small'],
  ['size-too-large', 'Too large'],
  ['wrong-size', "Doesn't fit"],
  ['color', 'Color not as expected'],
  ['damaged', 'Arrived damaged'],
  ['not-as-described', 'Not as described'],
  ['style', "Didn't like the style"],
  ['unwanted', 'No longer needed'],
  ['wrong-item', 'Wrong item'],
  ['other', 'Other'],
];

const TRACKING_URLS = {
  UPS: 'https://www.ups.com/track?tracknum=',
  FedEx: 'https://www.fedex.com/fedextrack/?trknbr=',
  USPS: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  DHL: 'https://www.dhl.com/us-en/home/tracking.html?tracking-id=',
};

/**
 * The demo store's prices again in euros, in a region of its own: the store a shopper of a euro
 * store (STORE_CURRENCY=EUR) hears, as the embedded demo store is priced in whichever currency it is set to.
 */
const SECOND_CURRENCY = { currency_code: 'eur', region: 'Europe', countries: ['de'] };

const phase = (timings, name, started) => timings.push({ phase: name, ms: Math.round(performance.now() - started) });

async function setUpStore(container, plan) {
  const storeModule = container.resolve(Modules.STORE);
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL);
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const currency = plan.currency;

  let [salesChannel] = await salesChannelModule.listSalesChannels({ name: 'Default Sales Channel' });
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: 'Default Sales Channel' }] } });
    salesChannel = result[0];
  }
  const second = currency === SECOND_CURRENCY.currency_code ? undefined : SECOND_CURRENCY;
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: 'United States', currency_code: currency, countries: ['us'], payment_providers: ['pp_system_default'] },
        ...(second ? [{ name: second.region, currency_code: second.currency_code, countries: second.countries, payment_providers: ['pp_system_default'] }] : []),
      ],
    },
  });
  const region = regions.find((candidate) => candidate.currency_code === currency);
  const [store] = await storeModule.listStores();
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: 'Northwind Outfitters',
        supported_currencies: [{ currency_code: currency, is_default: true }, ...(second ? [{ currency_code: second.currency_code }] : [])],
        default_sales_channel_id: salesChannel.id,
        default_region_id: region.id,
      },
    },
  });
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: 'us', provider_id: 'tp_system' }, ...(second ? second.countries.map((country_code) => ({ country_code, provider_id: 'tp_system' })) : [])],
  });

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: 'Columbus fulfillment center', address: { address_1: '1 Distribution Way', city: 'Columbus', province: 'OH', postal_code: '43215', country_code: 'us' } }] },
  });
  const location = locations[0];
  await link.create({ [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: 'manual_manual' } });
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannel.id] } });

  let [profile] = await fulfillmentModule.listShippingProfiles({ type: 'default' });
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: 'Default Shipping Profile', type: 'default' }] } });
    profile = result[0];
  }
  const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
    name: 'Columbus shipping',
    type: 'shipping',
    service_zones: [{ name: 'United States', geo_zones: [{ country_code: 'us', type: 'country' }] }],
  });
  await link.create({ [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id } });
  const option = (name, code, isReturn) => ({
    name,
    price_type: 'flat',
    provider_id: 'manual_manual',
    service_zone_id: fulfillmentSet.service_zones[0].id,
    shipping_profile_id: profile.id,
    type: { label: name, description: name, code },
    prices: [{ currency_code: currency, amount: 0 }, { region_id: region.id, amount: 0 }],
    rules: [
      { attribute: 'enabled_in_store', value: 'true', operator: 'eq' },
      { attribute: 'is_return', value: isReturn ? 'true' : 'false', operator: 'eq' },
    ],
  });
  const { result: shippingOptions } = await createShippingOptionsWorkflow(container).run({
    input: [option('Standard shipping', 'standard', false), option('Return by mail', 'return-by-mail', true)],
  });

  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [
        { title: 'Shopvoice', type: 'publishable', created_by: '' },
        { title: 'Shopvoice tests', type: 'secret', created_by: '' },
      ],
    },
  });
  const publishable = keys.find((key) => key.type === 'publishable');
  const secret = keys.find((key) => key.type === 'secret');
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: publishable.id, add: [salesChannel.id] } });
  await createReturnReasonsWorkflow(container).run({ input: { data: RETURN_REASONS.map(([value, label]) => ({ value, label })) } });

  return { salesChannel, region, location, profile, standard: shippingOptions.find((o) => o.name === 'Standard shipping'), publishable, secret };
}

async function seedCatalog(container, plan, setUp) {
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: [...new Set(plan.products.map((p) => p.category))].map((handle) => ({
        name: handle,
        handle,
        is_active: true,
        metadata: plan.terms.categories[handle] ? { terms: JSON.stringify(plan.terms.categories[handle]) } : {},
      })),
    },
  });
  const categoryId = new Map(categories.map((category) => [category.handle, category.id]));
  // A tag for every attribute value with words of its own, whether products carry it as a tag or
  // as an option value (colors, sizes): the tag's metadata is where a store keeps those words.
  const { result: tags } = await createProductTagsWorkflow(container).run({
    input: {
      product_tags: [...new Set([...plan.products.flatMap((p) => p.tags), ...Object.keys(plan.terms.tags)])].map((value) => ({
        value,
        metadata: plan.terms.tags[value] ? { terms: JSON.stringify(plan.terms.tags[value]) } : {},
      })),
    },
  });
  const tagId = new Map(tags.map((tag) => [tag.value, tag.id]));

  const variantsOf = (product) => {
    const [first, second] = product.options;
    const combos = !first ? [{}] : first.values.flatMap((a) => (second ? second.values.map((b) => ({ [first.title]: a, [second.title]: b })) : [{ [first.title]: a }]));
    return combos.map((options, index) => ({
      title: Object.values(options).join(' / ') || product.title,
      sku: index === 0 && combos.length === 1 ? product.sku : `${product.sku}-${index + 1}`,
      options: first ? options : { Default: 'Default' },
      manage_inventory: true,
      prices: [plan.currency, ...(plan.currency === SECOND_CURRENCY.currency_code ? [] : [SECOND_CURRENCY.currency_code])].map((currency_code) => ({ currency_code, amount: product.price })),
    }));
  };
  const created = [];
  const BATCH = 25;
  for (let start = 0; start < plan.products.length; start += BATCH) {
    const { result } = await createProductsWorkflow(container).run({
      input: {
        products: plan.products.slice(start, start + BATCH).map((product) => ({
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: 'published',
          options: product.options.length > 0 ? product.options.map((o) => ({ title: o.title, values: [...o.values] })) : [{ title: 'Default', values: ['Default'] }],
          variants: variantsOf(product),
          category_ids: [categoryId.get(product.category)],
          tag_ids: product.tags.map((tag) => tagId.get(tag)),
          sales_channels: [{ id: setUp.salesChannel.id }],
          shipping_profile_id: setUp.profile.id,
          metadata: product.metadata,
        })),
      },
    });
    created.push(...result);
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data: variants } = await query.graph({ entity: 'product_variant', fields: ['id', 'product.handle', 'options.value', 'options.option.title', 'inventory_items.inventory_item_id'] });
  const byHandle = new Map();
  for (const variant of variants) {
    const list = byHandle.get(variant.product.handle) ?? [];
    list.push(variant);
    byHandle.set(variant.product.handle, list);
  }
  // Plenty to sell while the history is placed; set to the demo's levels once it is.
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((variant) => ({ inventory_item_id: variant.inventory_items[0].inventory_item_id, location_id: setUp.location.id, stocked_quantity: 1000 })),
    },
  });
  return byHandle;
}

function boughtVariant(product, variants) {
  const matches = (variant) => Object.entries(product.bought).every(([name, value]) => variant.options.some((o) => o.option.title.toLowerCase() === name && o.value === value));
  return variants.find(matches) ?? variants[0];
}

async function seedCustomers(container, plan) {
  const auth = container.resolve(Modules.AUTH);
  const customers = [];
  for (const planned of plan.customers) {
    const password = crypto.randomBytes(18).toString('base64url');
    const { success, authIdentity, error } = await auth.register('emailpass', { body: { email: planned.email, password } });
    if (!success) throw new Error(`registering ${planned.demoId}: ${error}`);
    const { result: customer } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: authIdentity.id,
        customerData: {
          email: planned.email,
          first_name: planned.firstName,
          last_name: planned.lastName,
          phone: planned.phone ?? null,
          metadata: { locale: planned.locale },
          addresses: planned.address ? [{ ...planned.address, first_name: planned.firstName, last_name: planned.lastName, is_default_shipping: true, is_default_billing: true }] : [],
        },
      },
    });
    customers.push({ demoId: planned.demoId, id: customer.id, email: planned.email, password, address: planned.address, firstName: planned.firstName, lastName: planned.lastName });
  }
  return customers;
}

/** Seeds the plan's orders; answers each demo line's Medusa item id, by the demo's line id ("10605-1": the order's first line). */
async function seedOrders(container, plan, setUp, variantsByHandle, customers, productsByHandle) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const customerOf = new Map(customers.map((customer) => [customer.demoId, customer]));
  const lineIds = {};
  for (const planned of plan.orders) {
    const customer = customerOf.get(planned.customer);
    const address = { ...customer.address, first_name: customer.firstName, last_name: customer.lastName };
    const variantIds = planned.lines.map((line) => boughtVariant(productsByHandle.get(line.handle), variantsByHandle.get(line.handle)).id);
    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: setUp.region.id,
        sales_channel_id: setUp.salesChannel.id,
        customer_id: customer.id,
        email: customer.email,
        currency_code: plan.currency,
        status: 'pending',
        shipping_address: address,
        billing_address: address,
        items: planned.lines.map((line, index) => ({ variant_id: variantIds[index], quantity: line.quantity })),
        shipping_methods: [{ name: 'Standard shipping', amount: 0, shipping_option_id: setUp.standard.id }],
      },
    });
    // The order's items in the plan's line order (Medusa gives them back in its own).
    const items = variantIds.map((variantId) => order.items.find((item) => item.variant_id === variantId));
    // An order made beside a cart holds no stock until a reservation says so; fulfilling takes it from there.
    const inventory = container.resolve(Modules.INVENTORY);
    await inventory.createReservationItems(
      planned.lines.map((line, index) => ({
        line_item_id: items[index].id,
        inventory_item_id: boughtVariant(productsByHandle.get(line.handle), variantsByHandle.get(line.handle)).inventory_items[0].inventory_item_id,
        location_id: setUp.location.id,
        quantity: line.quantity,
      })),
    );
    if (planned.cancelledAt) {
      await cancelOrderWorkflow(container).run({ input: { order_id: order.id } });
    }
    for (const shipment of planned.shipments) {
      const shipped = shipment.lines.map((position) => ({ id: items[position - 1].id, quantity: items[position - 1].quantity }));
      const labels = [{ tracking_number: shipment.trackingNumber, tracking_url: `${TRACKING_URLS[shipment.carrier] ?? ''}${shipment.trackingNumber}`, label_url: '#' }];
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: order.id, items: shipped, location_id: setUp.location.id, labels, metadata: shipment.metadata },
      });
      await createOrderShipmentWorkflow(container).run({ input: { order_id: order.id, fulfillment_id: fulfillment.id, items: shipped, labels } });
      if (shipment.deliveredAt) await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: order.id, fulfillmentId: fulfillment.id } });
      await pg.raw('UPDATE fulfillment SET created_at = ?, packed_at = ?, shipped_at = ?, delivered_at = ? WHERE id = ?', [
        shipment.shippedAt,
        shipment.shippedAt,
        shipment.shippedAt,
        shipment.deliveredAt ?? null,
        fulfillment.id,
      ]);
    }
    await pg.raw('UPDATE "order" SET display_id = ?, created_at = ?, canceled_at = ? WHERE id = ?', [planned.displayId, planned.placedAt, planned.cancelledAt ?? null, order.id]);
    await pg.raw('UPDATE order_item SET created_at = ? WHERE order_id = ?', [planned.placedAt, order.id]);
    // Each line added a second after the one before, as a shopper fills a cart: the order the
    // adapter lists them in.
    for (const [index, item] of items.entries()) {
      lineIds[`${planned.displayId}-${index + 1}`] = item.id;
      const added = new Date(new Date(planned.placedAt).getTime() + index * 1000);
      await pg.raw('UPDATE order_line_item SET created_at = ? WHERE id = ?', [added, item.id]);
      await pg.raw('UPDATE order_item SET created_at = ? WHERE order_id = ? AND item_id = ?', [added, order.id, item.id]);
    }
  }
  await pg.raw(`SELECT setval(pg_get_serial_sequence('"order"', 'display_id'), (SELECT max(display_id) FROM "order"))`);
  return lineIds;
}

/** The demo's stock levels, counting what unshipped orders hold: available = stocked − reserved. */
async function setStockLevels(container, plan, setUp, variantsByHandle) {
  const inventory = container.resolve(Modules.INVENTORY);
  const levels = await inventory.listInventoryLevels({ location_id: setUp.location.id });
  const levelOf = new Map(levels.map((level) => [level.inventory_item_id, level]));
  const updates = [];
  for (const product of plan.products) {
    for (const variant of variantsByHandle.get(product.handle) ?? []) {
      const level = levelOf.get(variant.inventory_items[0].inventory_item_id);
      updates.push({ inventory_item_id: level.inventory_item_id, location_id: setUp.location.id, stocked_quantity: product.stock + Number(level.reserved_quantity ?? 0) });
    }
  }
  await updateInventoryLevelsWorkflow(container).run({ input: { updates } });
}

async function seedDemo({ container }) {
  const plan = JSON.parse(fs.readFileSync(process.env.SHOPVOICE_SEED_PLAN, 'utf8'));
  const timings = [];
  let started = performance.now();
  const setUp = await setUpStore(container, plan);
  phase(timings, 'store settings', started);
  started = performance.now();
  const variantsByHandle = await seedCatalog(container, plan, setUp);
  phase(timings, `catalog (${plan.products.length} products)`, started);
  started = performance.now();
  const customers = await seedCustomers(container, plan);
  phase(timings, `customers (${customers.length})`, started);
  started = performance.now();
  const productsByHandle = new Map(plan.products.map((product) => [product.handle, product]));
  const lineIds = await seedOrders(container, plan, setUp, variantsByHandle, customers, productsByHandle);
  await setStockLevels(container, plan, setUp, variantsByHandle);
  phase(timings, `orders (${plan.orders.length})`, started);
  fs.writeFileSync(
    process.env.SHOPVOICE_SEED_RESULT,
    JSON.stringify({
      publishableKey: setUp.publishable.token,
      secretKey: setUp.secret.token,
      regionId: setUp.region.id,
      customers: customers.map(({ demoId, id, email, password }) => ({ demoId, id, email, password })),
      lineIds,
      timings,
    }),
  );
};

// `medusa exec` runs the module's default export.
exports.default = seedDemo;
