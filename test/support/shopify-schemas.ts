import fs from 'node:fs';
import path from 'node:path';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { ShopifyApi } from '../../lambda/commerce/shopify/shopify-documents';

/**
 * Shopify's GraphQL schemas as @shopify/hydrogen-react 2026.4.4 ships them (API version 2026-04),
 * vendored under test/shopify/schema: the package itself pulls in React, Vite and a 3D viewer.
 */
const FILES: Record<ShopifyApi, string> = {
  'customer-account': 'customer-account.schema.json',
  storefront: 'storefront.schema.json',
};

const built = new Map<ShopifyApi, GraphQLSchema>();

export function shopifySchema(api: ShopifyApi): GraphQLSchema {
  let schema = built.get(api);
  if (!schema) {
    const introspection = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'shopify', 'schema', FILES[api]), 'utf8')) as IntrospectionQuery;
    schema = buildClientSchema(introspection);
    built.set(api, schema);
  }
  return schema;
}
