import type { CatalogRecord } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import type { CurrencyCode } from '../../lambda/commerce/ports';
import { plainDescription } from './description-text';
import type { ShopifyProduct, ShopifyVariant } from './shopify-csv';

/**
 * Shopify products as the embedded store's catalog holds them: one product per Handle, its
 * variants' options as attribute values (colour → `color`, size → `size`), tags as attributes
 * (`use:hiking` → use, a plain tag → feature), the product type (else the taxonomy's last level)
 * as its category, and the words shoppers use for each new category.
 */

/** What a variant whose inventory Shopify does not track (or that sells when out) counts as: in stock. */
export const UNTRACKED_UNITS = 100;

/** A spoken name longer than this many words or characters is cut at a word (the audit's limits). */
const MAX_SPOKEN_WORDS = 6;
const MAX_SPOKEN_CHARS = 40;

/** Shopify option and tag names → the catalog's attribute names, where they differ by more than case. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = { colour: 'color', color: 'color', farbe: 'color', size: 'size', 'größe': 'size', material: 'material' };

/** Attributes whose values are written as the store writes them: sizes go back to the store on an order. */
const VERBATIM_ATTRIBUTES = new Set(['size']);

export interface SkippedProduct {
  readonly handle: string;
  readonly why: string;
}

export interface MappedCatalog {
  readonly products: readonly CatalogRecord[];
  /** Category id → the words for it, in the catalog's own language, for the categories of these products. */
  readonly categoryTerms: Readonly<Record<string, readonly string[]>>;
  readonly skipped: readonly SkippedProduct[];
}

export interface MappingOptions {
  /** The store's currency (STORE_CURRENCY): every price is in it. */
  readonly currency: CurrencyCode;
  /** The catalog's language ("en" of STORE_CATALOG_LOCALE): English category words get their singular too. */
  readonly language: string;
}

/** "Sleeping Bags" → "sleeping-bags". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The short name shoppers hear, from the title: the part before a comma, a bracket or a dash
 * between words ("Trailhead Insulated Water Bottle, 32 oz" → "Trailhead Insulated Water Bottle"),
 * without ™ ® © °, cut at a word to six words and 40 characters. Title Case is undone for the
 * words the product's own data uses as common words (its type, tags, options): "Trailhead insulated
 * water bottle", so the proper name stands out as in the rest of the catalog, and the language
 * models can tell the kind of product ("water bottle") from the name.
 */
export function spokenNameFromTitle(title: string, commonWords: ReadonlySet<string> = new Set()): string {
  const head = title.replace(/[™®©°]/g, '').split(/\s*(?:,|\(|\[|\s[-–—|/]\s)/)[0] ?? title;
  const words = head.replace(/\s+/g, ' ').trim().split(' ').slice(0, MAX_SPOKEN_WORDS);
  while (words.length > 1 && words.join(' ').length > MAX_SPOKEN_CHARS) words.pop();
  return words.map((word) => (commonWords.has(word.toLowerCase()) ? word.toLowerCase() : word)).join(' ');
}

/** Every word of the product's type, taxonomy level, tags and option values, lowercase: the words its data treats as common. */
function commonWordsOf(categoryPhrases: readonly string[], attributes: Readonly<Record<string, readonly string[]>>): Set<string> {
  const phrases = [...categoryPhrases, ...Object.values(attributes).flat()];
  return new Set(phrases.flatMap((phrase) => phrase.toLowerCase().split(/\s+/)).filter((word) => /^\p{L}+$/u.test(word)));
}

/** "2", "129.99" → minor units, exactly (no float); undefined when it is not a price. */
export function minorUnitsOf(price: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(price.replace(/,/g, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The taxonomy's last level ("… > Camping & Hiking > Tents" → "Tents"); ids (gid://…) name nothing. */
function taxonomyLeaf(productCategory: string): string {
  if (productCategory === '' || productCategory.startsWith('gid://')) return '';
  return productCategory.split('>').at(-1)?.trim() ?? '';
}

/**
 * The singulars an English plural may have: "tents" → "tent", "boxes" → "box"; "-ies" is either
 * ("beanies" → "beanie", "batteries" → "battery"), so both are given. Other words as they are.
 */
function singulars(word: string): string[] {
  if (/ies$/.test(word) && word.length > 4) return [word.replace(/s$/, ''), word.replace(/ies$/, 'y')];
  if (/(?:ch|sh|x|ss)es$/.test(word)) return [word.replace(/es$/, '')];
  if (/[^su]s$/.test(word) && word.length > 3) return [word.replace(/s$/, '')];
  return [word];
}

/** The words for a category: the type and the taxonomy's last level as written, split at "&", and their singulars in English. */
function categoryWords(product: ShopifyProduct, language: string): string[] {
  const names = [product.type, taxonomyLeaf(product.productCategory)].filter((name) => name !== '');
  const words = names.flatMap((name) => [name, ...name.split(/\s+(?:&|and)\s+/)]).map((name) => name.toLowerCase().replace(/\s+/g, ' ').trim());
  const withSingulars =
    language === 'en' ? words.flatMap((phrase) => [phrase, ...singulars(phrase.split(' ').at(-1) ?? '').map((last) => phrase.replace(/\S+$/, last))]) : words;
  return [...new Set(withSingulars)].filter((phrase) => phrase !== '');
}

function attributeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return ATTRIBUTE_NAMES[lower] ?? slug(lower);
}

function attributeValue(name: string, value: string): string {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return VERBATIM_ATTRIBUTES.has(name) ? trimmed : trimmed.toLowerCase();
}

function attributesOf(product: ShopifyProduct): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  const add = (rawName: string, rawValue: string) => {
    const name = attributeName(rawName);
    const value = attributeValue(name, rawValue);
    if (name === '' || value === '') return;
    const values = (attributes[name] ??= []);
    if (!values.includes(value)) values.push(value);
  };
  for (const variant of product.variants) {
    for (const option of variant.options) {
      // A product without options has one variant, "Default Title" of the option "Title".
      if (option.name.toLowerCase() !== 'title') add(option.name, option.value);
    }
  }
  for (const tag of product.tags) {
    const colon = tag.indexOf(':');
    if (colon > 0) add(tag.slice(0, colon), tag.slice(colon + 1));
    else add('feature', tag);
  }
  return attributes;
}

function unitsOf(variant: ShopifyVariant): number {
  if (variant.inventory === undefined || variant.sellsWhenOut) return UNTRACKED_UNITS;
  return Math.max(0, variant.inventory);
}

function mapProduct(product: ShopifyProduct, options: MappingOptions): CatalogRecord | SkippedProduct {
  const { handle } = product;
  if (product.status !== 'active') return { handle, why: `${product.status}: only active products are sold by voice` };
  if (product.variants.length === 0) return { handle, why: 'no variant with a price' };
  const prices = product.variants.map((variant) => ({ variant, minor: minorUnitsOf(variant.price) }));
  const unpriced = prices.find((price) => price.minor === undefined);
  if (unpriced) return { handle, why: `line ${unpriced.variant.line}: "${unpriced.variant.price}" is not a price` };
  const category = slug(product.type || taxonomyLeaf(product.productCategory));
  if (category === '') return { handle, why: 'no Type and no Product Category: a product needs a category' };
  const attributes = attributesOf(product);
  return {
    id: handle,
    sku: product.variants.find((variant) => variant.sku !== '')?.sku ?? handle,
    name: product.title,
    spokenName: product.spokenName ?? spokenNameFromTitle(product.title, commonWordsOf(categoryWords(product, options.language), attributes)),
    brand: product.vendor,
    category,
    description: plainDescription(product.bodyHtml),
    // The price a shopper hears is the lowest of the variants' ("from …").
    priceMinor: Math.min(...prices.map((price) => price.minor ?? 0)),
    currency: options.currency,
    stock: product.variants.reduce((units, variant) => units + unitsOf(variant), 0),
    ...(product.giftCard ? { finalSale: true } : {}),
    attributes,
  };
}

export function mapShopifyCatalog(products: readonly ShopifyProduct[], options: MappingOptions): MappedCatalog {
  const mapped: CatalogRecord[] = [];
  const skipped: SkippedProduct[] = [];
  const categoryTerms: Record<string, string[]> = {};
  for (const product of products) {
    const result = mapProduct(product, options);
    if ('why' in result) {
      skipped.push(result);
      continue;
    }
    mapped.push(result);
    const own = result.category.replace(/-/g, ' ');
    const terms = (categoryTerms[result.category] ??= []);
    for (const word of categoryWords(product, options.language)) if (word !== own && !terms.includes(word)) terms.push(word);
  }
  return { products: mapped, categoryTerms, skipped };
}
