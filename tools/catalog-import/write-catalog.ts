import type { CatalogRecord } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { writeCatalogTerms } from '../../lambda/commerce/sqlite/sqlite-catalog-terms';
import type { MappedCatalog } from './catalog-mapping';

export interface WrittenCatalog {
  readonly added: readonly CatalogRecord[];
  readonly updated: readonly CatalogRecord[];
  /** Products whose SKU another product already has: they keep their handle as SKU. */
  readonly renamedSkus: readonly { readonly id: string; readonly sku: string }[];
}

/** A product's SKU is unique in the store; this one is taken by another product. */
export class SkuConflictError extends Error {
  override readonly name = 'SkuConflictError';
}

/**
 * Adds the products to the embedded store, or updates those it has (same handle), in one
 * transaction: all of them or none. The store's triggers keep search current as they go in, and
 * the categories' words are added for `locale` beside the words already there. Products already
 * bought keep their id, so past orders still find them.
 */
export function writeImportedCatalog(db: SqliteDatabase, catalog: MappedCatalog, locale: string): WrittenCatalog {
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM products WHERE id = ?');
  const skuOwner = db.prepare<[string, string], { id: string }>('SELECT id FROM products WHERE sku = ? AND id <> ?');
  const upsert = db.prepare(
    `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, restock_on, final_sale, attributes)
     VALUES (@id, @sku, @name, @spokenName, @brand, @category, @description, @priceMinor, @currency, @stock, NULL, @finalSale, @attributes)
     ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, spoken_name = excluded.spoken_name, brand = excluded.brand,
       category = excluded.category, description = excluded.description, price_minor = excluded.price_minor, currency = excluded.currency,
       stock = excluded.stock, restock_on = NULL, final_sale = excluded.final_sale, attributes = excluded.attributes`,
  );
  const added: CatalogRecord[] = [];
  const updated: CatalogRecord[] = [];
  const renamedSkus: { id: string; sku: string }[] = [];
  db.transaction(() => {
    for (const product of catalog.products) {
      let sku = product.sku;
      if (skuOwner.get(sku, product.id)) {
        if (skuOwner.get(product.id, product.id)) throw new SkuConflictError(`${product.id}: its SKU ${sku} and its handle are both another product's SKU`);
        sku = product.id;
        renamedSkus.push({ id: product.id, sku: product.sku });
      }
      (exists.get(product.id) ? updated : added).push(product);
      upsert.run({
        ...product,
        sku,
        finalSale: product.finalSale ? 1 : 0,
        attributes: JSON.stringify(product.attributes),
      });
    }
    writeCatalogTerms(db, { [locale]: { categories: catalog.categoryTerms, attributeValues: {} } });
  })();
  return { added, updated, renamedSkus };
}
