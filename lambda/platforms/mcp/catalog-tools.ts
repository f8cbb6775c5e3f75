import * as z from 'zod';
import type { Product } from '../../commerce/ports';
import { EMPTY_QUERY, type ProductQuery } from '../../commerce/product-query';
import { defineTool, moneyOut, MoneySchema } from './tool-kit';

/** A page of products; a model asking for 5,000 gets this many and an offset to go on from. */
export const MAX_PRODUCTS_PER_PAGE = 10;
const MAX_OFFSET = 500;
const MAX_DESCRIPTION = 1_000;
const MAX_WORDS = 8;

const ProductCardSchema = z.object({
  productId: z.string(),
  name: z.string(),
  brand: z.string(),
  category: z.string(),
  price: MoneySchema,
  inStock: z.boolean(),
  restockOn: z.string().optional().describe('YYYY-MM-DD, when out of stock and the store knows.'),
});

function cardOf(product: Product): z.output<typeof ProductCardSchema> {
  return {
    productId: product.id,
    name: product.name,
    brand: product.brand,
    category: product.category,
    price: moneyOut(product.price),
    inStock: product.stock > 0,
    ...(product.restockOn && product.stock <= 0 ? { restockOn: product.restockOn } : {}),
  };
}

/** A price in the catalog's currency units (24.99) as minor units, or nothing. */
function minor(amount: number | undefined): number | undefined {
  return amount === undefined ? undefined : Math.round(amount * 100);
}

export const searchProducts = defineTool({
  name: 'search_products',
  title: 'Search products',
  description:
    "Searches the store's catalog. Needs no signed-in shopper. Filter by category, brand, attributes (e.g. {\"feature\": [\"waterproof\"], \"color\": [\"black\"]}), price range in the catalog's currency, and words that must appear. " +
    'Use it for "I need a waterproof jacket under 150 dollars"; then get_product for one result. In-stock products come first. ' +
    `Returns at most ${MAX_PRODUCTS_PER_PAGE} products per call with the total; pass nextOffset back as offset for more. Never places an order.`,
  input: {
    words: z.string().max(200).optional().describe('Words that must appear in the product, e.g. "hiking jacket". Leave out filler words.'),
    category: z.string().max(60).optional().describe('A catalog category id, e.g. "jackets", "shoes", "audio", "coffee".'),
    brand: z.string().max(60).optional(),
    attributes: z.record(z.string().max(40), z.array(z.string().max(60)).max(5)).optional().describe('Attribute name → values; a product must have every value.'),
    minPrice: z.number().min(0).optional(),
    maxPrice: z.number().min(0).optional(),
    cheapestFirst: z.boolean().default(false),
    offset: z.number().int().min(0).max(MAX_OFFSET).default(0),
    limit: z.number().int().min(1).default(5).describe(`Products per page; anything above ${MAX_PRODUCTS_PER_PAGE} is capped.`),
  },
  output: {
    products: z.array(ProductCardSchema),
    total: z.number().int().describe('Matching products in all; with moreThanTotal, how many were counted before counting stopped.'),
    moreThanTotal: z.boolean().optional().describe('Present (true) when more than total products match.'),
    nextOffset: z.number().int().optional().describe('Present when more products follow.'),
  },
  needsShopper: false,
  destructive: false,
  async run(args, context) {
    const words = (args.words ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
      .slice(0, MAX_WORDS);
    const query: ProductQuery = {
      ...EMPTY_QUERY,
      ...(args.category ? { category: args.category.toLowerCase() } : {}),
      ...(args.brand ? { brand: args.brand } : {}),
      attributes: Object.fromEntries(Object.entries(args.attributes ?? {}).map(([name, values]) => [name.toLowerCase(), values.map((value) => value.toLowerCase())])),
      words,
      price: { minMinor: minor(args.minPrice), maxMinor: minor(args.maxPrice) },
      cheapestFirst: args.cheapestFirst,
    };
    const limit = Math.min(args.limit, MAX_PRODUCTS_PER_PAGE);
    const page = await context.commerce.catalog.search(query, { offset: args.offset, limit });
    const products = page.products.slice(0, limit);
    const next = args.offset + products.length;
    return {
      output: {
        products: products.map(cardOf),
        total: page.total,
        ...(page.moreThanTotal ? { moreThanTotal: true } : {}),
        ...(next < page.total && products.length > 0 ? { nextOffset: next } : {}),
      },
    };
  },
});

export const getProduct = defineTool({
  name: 'get_product',
  title: 'Product details',
  description:
    'Gives one product\'s details: description, attributes (sizes, colors, features), price, stock, and whether it is final sale (not returnable). Needs no signed-in shopper. ' +
    'Use it after search_products or list_usual_items with a productId from there. An unknown productId answers found=false.',
  input: { productId: z.string().min(1).max(64) },
  output: {
    found: z.boolean(),
    product: ProductCardSchema.extend({
      sku: z.string(),
      description: z.string(),
      attributes: z.record(z.string(), z.array(z.string())),
      unitsInStock: z.number().int(),
      finalSale: z.boolean(),
    }).optional(),
  },
  needsShopper: false,
  destructive: false,
  async run({ productId }, context) {
    const product = await context.commerce.catalog.findById(productId);
    if (!product) return { output: { found: false } };
    return {
      output: {
        found: true,
        product: {
          ...cardOf(product),
          sku: product.sku,
          description: product.description.slice(0, MAX_DESCRIPTION),
          attributes: Object.fromEntries(Object.entries(product.attributes).map(([name, values]) => [name, [...values]])),
          unitsInStock: Math.max(0, product.stock),
          finalSale: product.finalSale === true,
        },
      },
    };
  },
});
