import type { Order, Product } from '../../lambda/commerce/ports';
import type { CatalogVocabulary, ProductPage } from '../../lambda/commerce/product-query';
import { CatalogVocabularySchema, ProductPageSchema, ProductSchema } from '../../lambda/commerce/http/wire-schemas';
import { type CheckContext, checkAnswer, checkNotFound } from './check-context';

/** findProduct, searchProducts and catalogVocabulary: what the discovery flow and every purchase read. */

const PRODUCT = { status: [200], schema: ProductSchema, schemaName: 'Product' } as const;
const PAGE = { status: [200], schema: ProductPageSchema, schemaName: 'ProductPage' } as const;
const VOCABULARY = { status: [200], schema: CatalogVocabularySchema, schemaName: 'CatalogVocabulary' } as const;

/** What later checks use: a page of products and the catalog's words in the first locale. */
export interface CatalogSample {
  readonly products: readonly Product[];
  readonly vocabulary?: CatalogVocabulary;
}

type Query = readonly (readonly [string, string])[];

function search(context: CheckContext, query: Query): ReturnType<CheckContext['caller']['call']> {
  return context.caller.call('searchProducts', { path: {}, query });
}

function pageProblem(page: ProductPage, limit: number): string | undefined {
  if (page.products.length > limit) return `answered ${page.products.length} products for limit=${limit}: answer at most \`limit\``;
  if (!page.moreThanTotal && page.total < page.products.length) return `total is ${page.total} with ${page.products.length} products on the page: count every match`;
  return undefined;
}

function inStockFirstProblem(products: readonly Product[]): string | undefined {
  const firstOut = products.findIndex((product) => product.stock <= 0);
  const laterIn = firstOut < 0 ? undefined : products.slice(firstOut).find((product) => product.stock > 0);
  return laterIn ? `${laterIn.id} (in stock) comes after ${products[firstOut]!.id} (out of stock): rank products in stock first` : undefined;
}

/** Every product on the page satisfies `matches`, else the first that does not, described. */
function everyProduct(page: ProductPage, matches: (product: Product) => boolean, filter: string): string | undefined {
  const stray = page.products.find((product) => !matches(product));
  if (stray) return `${stray.id} does not match ${filter}: a product must match every filter given`;
  return page.total === 0 ? `nothing matches ${filter}, though the catalog's own words or products name it` : undefined;
}

async function checkSearch(context: CheckContext): Promise<readonly Product[]> {
  const { log } = context;
  const first = checkAnswer(context, 'searchProducts', 'a search without filters answers a page of at most `limit` products', await search(context, [['limit', '4']]), PAGE, (page) =>
    pageProblem(page, 4),
  );
  const wide = checkAnswer(context, 'searchProducts', 'products in stock come before products out of stock', await search(context, [['limit', '50']]), PAGE, (page) =>
    pageProblem(page, 50) ?? inStockFirstProblem(page.products),
  );
  if (!first || first.total < 3) {
    log.skip('searchProducts', 'offset pages through the matches without repeating one', first ? 'the catalog has fewer than 3 products' : 'the first page could not be read');
  } else {
    const [one, two] = [await search(context, [['offset', '0'], ['limit', '2']]), await search(context, [['offset', '2'], ['limit', '2']])];
    const pageOne = checkAnswer(context, 'searchProducts', 'offset pages through the matches without repeating one', one, PAGE, (page) => pageProblem(page, 2));
    if (pageOne) {
      const ids = new Set(pageOne.products.map((product) => product.id));
      checkAnswer(context, 'searchProducts', 'the second page (offset=2) holds other products than the first', two, PAGE, (page) => {
        const repeated = page.products.find((product) => ids.has(product.id));
        if (repeated) return `${repeated.id} is on both the first page and the one at offset=2: apply \`offset\``;
        return page.products.length === 0 ? `the page at offset=2 is empty though total is ${first.total}` : undefined;
      });
    }
  }
  const products = wide?.products ?? first?.products ?? [];
  const prices = products.map((product) => product.price.minor).sort((a, b) => a - b);
  const median = prices[Math.floor(prices.length / 2)];
  if (median === undefined) {
    log.skip('searchProducts', 'maxPrice and minPrice bound the price', 'no products to take a price from');
  } else {
    checkAnswer(context, 'searchProducts', 'maxPrice and minPrice bound the price', await search(context, [['maxPrice', String(median)], ['limit', '50']]), PAGE, (page) =>
      everyProduct(page, (product) => product.price.minor <= median, `maxPrice=${median}`),
    );
    checkAnswer(context, 'searchProducts', 'minPrice leaves out cheaper products', await search(context, [['minPrice', String(median)], ['limit', '50']]), PAGE, (page) =>
      everyProduct(page, (product) => product.price.minor >= median, `minPrice=${median}`),
    );
  }
  return products;
}

async function checkFilters(context: CheckContext, vocabulary: CatalogVocabulary | undefined): Promise<void> {
  const { log } = context;
  const category = vocabulary?.categories[0]?.id;
  const attribute = vocabulary?.attributes[0];
  const noWords = vocabulary ? 'the vocabulary names none' : 'the vocabulary could not be read';
  if (category === undefined) log.skip('searchProducts', 'category=<id> answers only that category', noWords);
  else {
    checkAnswer(context, 'searchProducts', 'category=<id> answers only that category', await search(context, [['category', category], ['limit', '50']]), PAGE, (page) =>
      everyProduct(page, (product) => product.category === category, `category=${category}`),
    );
  }
  if (attribute === undefined) log.skip('searchProducts', 'attribute=name:value answers only products with it', noWords);
  else {
    const filter = `${attribute.name}:${attribute.value}`;
    const wanted = attribute.value.toLowerCase();
    checkAnswer(context, 'searchProducts', 'attribute=name:value answers only products with it', await search(context, [['attribute', filter], ['limit', '50']]), PAGE, (page) =>
      everyProduct(page, (product) => (product.attributes[attribute.name] ?? []).some((value) => value.toLowerCase() === wanted), `attribute=${filter}`),
    );
  }
}

async function checkVocabulary(context: CheckContext): Promise<CatalogVocabulary | undefined> {
  let first: CatalogVocabulary | undefined;
  for (const locale of context.locales) {
    const vocabulary = checkAnswer(context, 'catalogVocabulary', `answers the catalog's words for ${locale}`, await context.caller.call('catalogVocabulary', { path: {}, query: [['locale', locale]] }), VOCABULARY, (words) =>
      words.categories.length === 0 ? 'names no category: give every category id with the words shoppers use for it, or the discovery flow understands no product' : undefined,
    );
    first ??= vocabulary;
  }
  return first;
}

async function checkProductLookup(context: CheckContext, orders: readonly Order[] | undefined, products: readonly Product[]): Promise<void> {
  const productId = products[0]?.id ?? orders?.flatMap((order) => order.lines)[0]?.productId;
  if (productId === undefined) context.log.skip('findProduct', 'answers a product by id', 'no product id was found in the search or the orders');
  else {
    checkAnswer(context, 'findProduct', 'answers a product by id', await context.caller.call('findProduct', { path: { productId } }), PRODUCT, (product) =>
      product.id === productId ? undefined : `answered product ${product.id} when asked for ${productId}`,
    );
  }
  checkNotFound(
    context,
    'findProduct',
    'an unknown product is 404 not-found',
    await context.caller.call('findProduct', { path: { productId: `store-check-${context.runId}` } }),
    'answer 404 with {"code": "not-found"} for a product id you do not have',
  );
}

export async function checkCatalog(context: CheckContext, orders: readonly Order[] | undefined): Promise<CatalogSample> {
  const vocabulary = await checkVocabulary(context);
  const products = await checkSearch(context);
  await checkFilters(context, vocabulary);
  await checkProductLookup(context, orders, products);
  return { products, ...(vocabulary ? { vocabulary } : {}) };
}
