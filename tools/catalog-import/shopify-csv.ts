import { parse } from 'csv-parse/sync';

/**
 * Shopify's product CSV (Admin → Products → Export), read into products with their variants.
 * One row per variant; the rows of one Handle are one product, and only the first of them carries
 * the product's own columns (Title, Body (HTML), Vendor, Type, Tags, …). Rows with nothing but an
 * image are the product's further images and are passed over.
 */

/** One of a product's options as Shopify names it ("Color", "Size"), with the value a variant has. */
export interface OptionValue {
  readonly name: string;
  readonly value: string;
}

export interface ShopifyVariant {
  /** The CSV line the variant was read from, for messages. */
  readonly line: number;
  readonly options: readonly OptionValue[];
  readonly sku: string;
  /** "129.99", as written. */
  readonly price: string;
  /** Units on hand; undefined when Shopify does not track this variant's inventory. */
  readonly inventory?: number;
  /** Shopify keeps selling the variant when it runs out (Variant Inventory Policy "continue"). */
  readonly sellsWhenOut: boolean;
}

export interface ShopifyProduct {
  readonly handle: string;
  readonly line: number;
  readonly title: string;
  readonly bodyHtml: string;
  readonly vendor: string;
  /** Shopify's standard product taxonomy, e.g. "Sporting Goods > … > Tents". */
  readonly productCategory: string;
  /** The store's own product type, e.g. "Tents". */
  readonly type: string;
  readonly tags: readonly string[];
  readonly giftCard: boolean;
  /** `active`, `draft` or `archived`; active when the export has no Status column. */
  readonly status: string;
  /** The store's own short spoken name, from a "Spoken Name" column or a `…spoken_name` metafield column. */
  readonly spokenName?: string;
  readonly variants: readonly ShopifyVariant[];
}

/** A file that is not a Shopify product CSV, or a row that cannot be read; the message names the line. */
export class ShopifyCsvError extends Error {
  override readonly name = 'ShopifyCsvError';
}

const REQUIRED_COLUMNS = ['Handle', 'Title', 'Variant Price'] as const;

type Row = Readonly<Record<string, string>>;

/** A record as csv-parse gives it with `info: true`: the row and where in the file it ended. */
interface ParsedRecord {
  readonly record: Row;
  readonly info: { readonly lines: number };
}

function cell(row: Row, column: string): string {
  return (row[column] ?? '').trim();
}

/** A "Spoken Name" column, or a metafield column such as "Spoken name (product.metafields.custom.spoken_name)". */
function spokenNameColumn(columns: readonly string[]): string | undefined {
  return columns.find((column) => /^spoken name$/i.test(column.trim())) ?? columns.find((column) => /\.spoken_name\)\s*$/i.test(column));
}

function optionsOf(row: Row, names: readonly string[]): OptionValue[] {
  const options: OptionValue[] = [];
  names.forEach((name, index) => {
    const value = cell(row, `Option${index + 1} Value`);
    if (name !== '' && value !== '') options.push({ name, value });
  });
  return options;
}

function inventoryOf(row: Row, line: number): number | undefined {
  const tracked = cell(row, 'Variant Inventory Tracker') !== '';
  const quantity = cell(row, 'Variant Inventory Qty');
  if (!tracked || quantity === '') return undefined;
  if (!/^-?\d+$/.test(quantity)) throw new ShopifyCsvError(`line ${line}: Variant Inventory Qty must be a whole number, not "${quantity}"`);
  return Number(quantity);
}

function isVariantRow(row: Row): boolean {
  return cell(row, 'Variant Price') !== '' || cell(row, 'Variant SKU') !== '' || cell(row, 'Option1 Value') !== '';
}

/** Reads the text of a Shopify product CSV export; throws ShopifyCsvError saying what is wrong. */
export function readShopifyProducts(text: string): ShopifyProduct[] {
  let records: ParsedRecord[];
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => (columns = header.map((column) => column.trim())),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    throw new ShopifyCsvError(`not a readable CSV file: ${(error as Error).message}`);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new ShopifyCsvError(`not a Shopify product CSV: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`);
  const spokenColumn = spokenNameColumn(columns);

  const products = new Map<string, { product: Omit<ShopifyProduct, 'variants'>; optionNames: string[]; variants: ShopifyVariant[] }>();
  for (const { record: row, info } of records) {
    // The line the record ends on: its own line, unless a quoted value (a description) spans several.
    const line = info.lines;
    const handle = cell(row, 'Handle');
    if (handle === '') throw new ShopifyCsvError(`line ${line}: no Handle; every row names the product it belongs to`);
    let entry = products.get(handle);
    if (!entry) {
      const title = cell(row, 'Title');
      if (title === '') throw new ShopifyCsvError(`line ${line}: the first row of "${handle}" has no Title`);
      const spokenName = spokenColumn ? cell(row, spokenColumn) : '';
      entry = {
        product: {
          handle,
          line,
          title,
          bodyHtml: row['Body (HTML)'] ?? '',
          vendor: cell(row, 'Vendor'),
          productCategory: cell(row, 'Product Category'),
          type: cell(row, 'Type'),
          tags: cell(row, 'Tags')
            .split(',')
            .map((tag) => tag.trim())
            .filter((tag) => tag !== ''),
          giftCard: /^true$/i.test(cell(row, 'Gift Card')),
          status: columns.includes('Status') ? cell(row, 'Status').toLowerCase() || 'active' : /^false$/i.test(cell(row, 'Published')) ? 'draft' : 'active',
          ...(spokenName !== '' ? { spokenName } : {}),
        },
        optionNames: [1, 2, 3].map((number) => cell(row, `Option${number} Name`)),
        variants: [],
      };
      products.set(handle, entry);
    }
    if (!isVariantRow(row)) continue;
    const inventory = inventoryOf(row, line);
    entry.variants.push({
      line,
      options: optionsOf(row, entry.optionNames),
      sku: cell(row, 'Variant SKU'),
      price: cell(row, 'Variant Price'),
      ...(inventory !== undefined ? { inventory } : {}),
      sellsWhenOut: /^continue$/i.test(cell(row, 'Variant Inventory Policy')),
    });
  }
  return [...products.values()].map(({ product, variants }) => ({ ...product, variants }));
}
