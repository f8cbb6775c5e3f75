import type { Commerce, Order, OrderLine, Product } from './ports';

/** Something the assistant calls by its spoken name: a product or an order line. */
type Named = Pick<Product, 'spokenName' | 'spokenNames' | 'spokenNameLang'>;

const languageOf = (locale: string) => locale.split('-')[0]?.toLowerCase() ?? locale;

/**
 * The item as the shopper's locale calls it: its name in that locale (or another locale of the
 * same language) where the store has one. Otherwise the catalog's own name, marked with the
 * catalog's language when the shopper speaks another, so the speech can say it as such.
 */
export function namedFor<T extends Named>(item: T, locale: string, catalogLocale: string): T {
  const names = item.spokenNames ?? {};
  const own =
    names[locale] ?? Object.entries(names).find(([nameLocale]) => languageOf(nameLocale) === languageOf(locale))?.[1];
  if (own !== undefined) return { ...item, spokenName: own };
  return languageOf(catalogLocale) === languageOf(locale) ? item : { ...item, spokenNameLang: catalogLocale };
}

/**
 * The commerce ports as one shopper hears them: the catalog's products and the order lines carry
 * the spoken name for the shopper's locale. Everything else reads through unchanged; a shopper in
 * the catalog's own locale gets the ports as they are.
 */
export function commerceInLocale(commerce: Commerce, locale: string, catalogLocale: string): Commerce {
  // The catalog's own names are already in the catalog's locale: nothing to choose, nothing to copy.
  if (locale.toLowerCase() === catalogLocale.toLowerCase()) return commerce;
  const product = (item: Product): Product => namedFor(item, locale, catalogLocale);
  const line = (item: OrderLine): OrderLine => namedFor(item, locale, catalogLocale);
  const order = (item: Order): Order => ({ ...item, lines: item.lines.map(line) });
  const { catalog, orders } = commerce;
  return {
    ...commerce,
    catalog: {
      findById: async (productId) => {
        const found = await catalog.findById(productId);
        return found && product(found);
      },
      search: async (query, page) => {
        const found = await catalog.search(query, page);
        return { ...found, products: found.products.map(product) };
      },
      vocabulary: (vocabularyLocale) => catalog.vocabulary(vocabularyLocale),
    },
    orders: {
      listForShopper: async (shopperId, query) => (await orders.listForShopper(shopperId, query)).map(order),
      findForShopper: async (shopperId, orderNumber) => {
        const found = await orders.findForShopper(shopperId, orderNumber);
        return found && order(found);
      },
    },
  };
}
