/**
 * Every GraphQL document the Shopify adapter sends, as constants: nothing is put together at run
 * time but the variables, so a test can check each one against the schemas Shopify ships
 * (test/shopify/schema, from @shopify/hydrogen-react) before any store sees it.
 *
 * Page sizes are what a voice answer can use (wire-limits.ts), kept small because Shopify prices
 * a query by the connections it asks for.
 */

/** Which API a document is sent to. */
export type ShopifyApi = 'customer-account' | 'storefront';

export interface ShopifyDocument {
  readonly api: ShopifyApi;
  /** The operation's name, as it appears in the document; also the operation a StoreError names. */
  readonly name: string;
  readonly text: string;
}

const document = (api: ShopifyApi, name: string, text: string): ShopifyDocument => ({ api, name, text });

// --- Customer Account API: the signed-in customer's own data -----------------------------------

/** Who the token belongs to: how an opaque customer access token is checked. */
export const CUSTOMER_IDENTITY = document(
  'customer-account',
  'ShopvoiceCustomerIdentity',
  `query ShopvoiceCustomerIdentity {
  customer {
    id
  }
}`,
);

export const CUSTOMER_PROFILE = document(
  'customer-account',
  'ShopvoiceCustomerProfile',
  `query ShopvoiceCustomerProfile {
  customer {
    id
    firstName
    lastName
    emailAddress {
      emailAddress
    }
    phoneNumber {
      phoneNumber
    }
    defaultAddress {
      address1
      city
      zoneCode
      province
      zip
      territoryCode
    }
    orders(first: 1, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        customerLocale
      }
    }
  }
}`,
);

const ORDER_FIELDS = `fragment ShopvoiceOrder on Order {
  id
  number
  processedAt
  cancelledAt
  fulfillmentStatus
  totalPrice {
    amount
    currencyCode
  }
  lineItems(first: 50) {
    nodes {
      id
      title
      productId
      productType
      quantity
      sku
      giftCard
      price {
        amount
        currencyCode
      }
      variantOptions {
        name
        value
      }
    }
  }
  fulfillments(first: 10, sortKey: CREATED_AT) {
    nodes {
      id
      createdAt
      status
      estimatedDeliveryAt
      latestShipmentStatus
      trackingInformation {
        company
        number
      }
      pickupAddress {
        address1
        city
      }
      fulfillmentLineItems(first: 50) {
        nodes {
          lineItem {
            id
          }
        }
      }
      events(first: 10, sortKey: HAPPENED_AT, reverse: true) {
        nodes {
          happenedAt
          status
        }
      }
    }
  }
  returnInformation {
    nonReturnableLineItems(first: 50) {
      nodes {
        lineItem {
          id
        }
        quantityDetails {
          quantity
          reasonCode
        }
      }
    }
  }
}`;

/** A page of the customer's orders, newest first; `query` narrows it (processed_at, order_number). */
export const CUSTOMER_ORDERS = document(
  'customer-account',
  'ShopvoiceCustomerOrders',
  `query ShopvoiceCustomerOrders($first: Int!, $after: String, $query: String) {
  customer {
    id
    orders(first: $first, after: $after, sortKey: PROCESSED_AT, reverse: true, query: $query) {
      nodes {
        ...ShopvoiceOrder
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}

${ORDER_FIELDS}`,
);

/** One order of the customer's, by its number, with what returning its lines takes. */
export const ORDER_FOR_RETURN = document(
  'customer-account',
  'ShopvoiceOrderForReturn',
  `query ShopvoiceOrderForReturn($query: String!) {
  customer {
    id
    orders(first: 5, query: $query) {
      nodes {
        id
        number
        cancelledAt
        lineItems(first: 50) {
          nodes {
            id
            quantity
            giftCard
            productType
            price {
              amount
              currencyCode
            }
            suggestedReturnReasonDefinitions(first: 25) {
              nodes {
                id
                handle
                deleted
              }
            }
          }
        }
        returnInformation {
          returnableLineItems(first: 50) {
            nodes {
              quantity
              lineItem {
                id
              }
            }
          }
          nonReturnableLineItems(first: 50) {
            nodes {
              lineItem {
                id
              }
              quantityDetails {
                quantity
                reasonCode
              }
            }
          }
        }
      }
    }
  }
}`,
);

/** The returns of one of the customer's orders, by its number: how many units of each line are in one. */
export const ORDER_RETURNS = document(
  'customer-account',
  'ShopvoiceOrderReturns',
  `query ShopvoiceOrderReturns($query: String!) {
  customer {
    orders(first: 5, query: $query) {
      nodes {
        number
        returns(first: 25) {
          nodes {
            status
            returnLineItems(first: 50) {
              nodes {
                quantity
                lineItem {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
}`,
);

export const REQUEST_RETURN = document(
  'customer-account',
  'ShopvoiceRequestReturn',
  `mutation ShopvoiceRequestReturn($orderId: ID!, $requestedLineItems: [RequestedLineItemInput!]!) {
  orderRequestReturn(orderId: $orderId, requestedLineItems: $requestedLineItems) {
    return {
      id
      name
      status
      createdAt
    }
    userErrors {
      code
      field
      message
    }
  }
}`,
);

// --- Storefront API: the catalog and carts ------------------------------------------------------

/** Shopvoice's own product metafields: the short spoken name, and spoken names per locale as JSON. */
const SPOKEN_NAME_METAFIELDS = `metafields(identifiers: [{namespace: "shopvoice", key: "spoken_name"}, {namespace: "shopvoice", key: "spoken_names"}, {namespace: "shopvoice", key: "restock_on"}]) {
    key
    value
  }`;

const PRODUCT_FIELDS = `fragment ShopvoiceProduct on Product {
  id
  title
  vendor
  productType
  tags
  description(truncateAt: 400)
  availableForSale
  priceRange {
    minVariantPrice {
      amount
      currencyCode
    }
  }
  options(first: 10) {
    name
    optionValues {
      name
    }
  }
  variants(first: 100) {
    nodes {
      id
      sku
      availableForSale
      quantityAvailable
      price {
        amount
        currencyCode
      }
      selectedOptions {
        name
        value
      }
    }
  }
  ${SPOKEN_NAME_METAFIELDS}
}`;

export const PRODUCT_BY_ID = document(
  'storefront',
  'ShopvoiceProduct',
  `query ShopvoiceProduct($id: ID!) {
  product(id: $id) {
    ...ShopvoiceProduct
  }
}

${PRODUCT_FIELDS}`,
);

/** Products matching words and filters; `first` covers the offset too (Shopify pages by cursor). */
export const PRODUCT_SEARCH = document(
  'storefront',
  'ShopvoiceProductSearch',
  `query ShopvoiceProductSearch($query: String!, $filters: [ProductFilter!], $first: Int!, $sortKey: SearchSortKeys!) {
  search(query: $query, productFilters: $filters, first: $first, sortKey: $sortKey, types: [PRODUCT], unavailableProducts: LAST, prefix: LAST) {
    totalCount
    nodes {
      ... on Product {
        ...ShopvoiceProduct
      }
    }
  }
}

${PRODUCT_FIELDS}`,
);

/** The spoken names of the products an order's lines are of: order lines carry only the catalog title. */
export const PRODUCT_NAMES = document(
  'storefront',
  'ShopvoiceProductNames',
  `query ShopvoiceProductNames($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Product {
      id
      ${SPOKEN_NAME_METAFIELDS}
    }
  }
}`,
);

/** One page of the whole catalog, for its words: product types, vendors, tags and option values. */
export const CATALOG_PAGE = document(
  'storefront',
  'ShopvoiceCatalogPage',
  `query ShopvoiceCatalogPage($first: Int!, $after: String) {
  products(first: $first, after: $after) {
    nodes {
      productType
      vendor
      tags
      options(first: 10) {
        name
        optionValues {
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  shop {
    vocabulary: metafield(namespace: "shopvoice", key: "vocabulary") {
      value
    }
  }
  localization {
    country {
      currency {
        isoCode
      }
    }
  }
}`,
);

export const CART_CREATE = document(
  'storefront',
  'ShopvoiceCartCreate',
  `mutation ShopvoiceCartCreate($input: CartInput!) {
  cartCreate(input: $input) {
    cart {
      id
      checkoutUrl
      cost {
        totalAmount {
          amount
          currencyCode
        }
      }
      lines(first: 10) {
        nodes {
          quantity
          merchandise {
            ... on ProductVariant {
              id
              price {
                amount
                currencyCode
              }
            }
          }
        }
      }
    }
    userErrors {
      code
      field
      message
    }
  }
}`,
);

/** Every document the adapter sends, for the test that validates them against Shopify's schemas. */
export const SHOPIFY_DOCUMENTS: readonly ShopifyDocument[] = [
  CUSTOMER_IDENTITY,
  CUSTOMER_PROFILE,
  CUSTOMER_ORDERS,
  ORDER_FOR_RETURN,
  ORDER_RETURNS,
  REQUEST_RETURN,
  PRODUCT_BY_ID,
  PRODUCT_SEARCH,
  PRODUCT_NAMES,
  CATALOG_PAGE,
  CART_CREATE,
];
