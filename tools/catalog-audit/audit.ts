import type { Product } from '../../lambda/commerce/ports';

/** What the audit reads of a product. */
export type AuditedProduct = Pick<Product, 'id' | 'name' | 'spokenName' | 'category' | 'attributes'>;

export type FindingKind = 'missing-spoken-name' | 'long-spoken-name' | 'unspeakable-characters' | 'missing-filter-attributes' | 'duplicate-spoken-name';

export interface Finding {
  readonly kind: FindingKind;
  readonly productId: string;
  readonly detail: string;
}

export interface AuditLimits {
  /** A spoken name longer than this many words is too long to listen to in a list of three. */
  readonly maxSpokenWords: number;
  readonly maxSpokenCharacters: number;
  /** An attribute most of a category has (this share or more) is one shoppers filter that category on. */
  readonly filterAttributeShare: number;
  /** Share of products with any finding above which the audit fails. */
  readonly maxProblemShare: number;
}

export const DEFAULT_LIMITS: AuditLimits = { maxSpokenWords: 6, maxSpokenCharacters: 40, filterAttributeShare: 0.6, maxProblemShare: 0.05 };

/** Kinds that fail the audit however rare: a shopper cannot choose between or hear these at all. */
const BLOCKING: ReadonlySet<FindingKind> = new Set(['missing-spoken-name', 'duplicate-spoken-name']);

/**
 * SKU-like codes ("XR-2000", "B07Q9") and symbols speech engines read out badly or not at all.
 * Apostrophes, hyphens, commas, periods and ampersands ("salt & pepper") are spoken fine.
 */
const SKU_CODE = /\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b|\b[A-Z]{1,3}\d{3,}\b|\b\d{4,}\b/;
const UNSPEAKABLE = /[<>#@*_~^|\\/{}[\]+=%$"“”™®©]/;

function spokenNameFindings(product: AuditedProduct, limits: AuditLimits): Finding[] {
  const name = product.spokenName.trim();
  if (name.length === 0) return [{ kind: 'missing-spoken-name', productId: product.id, detail: product.name }];
  const findings: Finding[] = [];
  const words = name.split(/\s+/).length;
  if (words > limits.maxSpokenWords || name.length > limits.maxSpokenCharacters) {
    findings.push({ kind: 'long-spoken-name', productId: product.id, detail: `${name} (${words} words)` });
  }
  const code = SKU_CODE.exec(name)?.[0];
  const symbol = UNSPEAKABLE.exec(name)?.[0];
  if (code || symbol) findings.push({ kind: 'unspeakable-characters', productId: product.id, detail: `${name} (${code ?? symbol})` });
  return findings;
}

/**
 * Attributes a spoken search narrows on ("waterproof", "for hiking"). Colour and material are
 * left out: for many products (food, gift cards) they mean nothing.
 */
const FILTER_ATTRIBUTES: ReadonlySet<string> = new Set(['feature', 'use']);

/** The filter attributes most products of each category carry. */
function filterAttributesByCategory(products: readonly AuditedProduct[], share: number): Map<string, string[]> {
  const byCategory = new Map<string, AuditedProduct[]>();
  for (const product of products) byCategory.set(product.category, [...(byCategory.get(product.category) ?? []), product]);
  const out = new Map<string, string[]>();
  for (const [category, members] of byCategory) {
    const counts = new Map<string, number>();
    for (const member of members) {
      for (const [name, values] of Object.entries(member.attributes)) {
        if (FILTER_ATTRIBUTES.has(name) && values.length > 0) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    out.set(category, [...counts].filter(([, count]) => count / members.length >= share).map(([name]) => name));
  }
  return out;
}

export interface AuditReport {
  readonly products: number;
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<FindingKind, number>>;
  /** Products with at least one finding. */
  readonly productsWithFindings: number;
  readonly passed: boolean;
}

/** What in a catalog will sound bad or fail by voice. */
export function auditCatalog(products: readonly AuditedProduct[], limits: AuditLimits = DEFAULT_LIMITS): AuditReport {
  const findings: Finding[] = [];
  for (const product of products) findings.push(...spokenNameFindings(product, limits));

  const expected = filterAttributesByCategory(products, limits.filterAttributeShare);
  for (const product of products) {
    const missing = (expected.get(product.category) ?? []).filter((name) => (product.attributes[name] ?? []).length === 0);
    if (missing.length > 0) findings.push({ kind: 'missing-filter-attributes', productId: product.id, detail: `${product.spokenName || product.name}: no ${missing.join(', ')}` });
  }

  const byName = new Map<string, AuditedProduct[]>();
  for (const product of products) {
    const key = product.spokenName.trim().toLowerCase();
    if (key) byName.set(key, [...(byName.get(key) ?? []), product]);
  }
  for (const [name, same] of byName) {
    if (same.length < 2) continue;
    for (const product of same) findings.push({ kind: 'duplicate-spoken-name', productId: product.id, detail: `"${name}" is also ${same.filter((other) => other !== product).map((other) => other.id).join(', ')}` });
  }

  const counts = { 'missing-spoken-name': 0, 'long-spoken-name': 0, 'unspeakable-characters': 0, 'missing-filter-attributes': 0, 'duplicate-spoken-name': 0 };
  for (const finding of findings) counts[finding.kind] += 1;
  const productsWithFindings = new Set(findings.map((finding) => finding.productId)).size;
  const blocked = findings.some((finding) => BLOCKING.has(finding.kind));
  const passed = !blocked && (products.length === 0 || productsWithFindings / products.length <= limits.maxProblemShare);
  return { products: products.length, findings, counts, productsWithFindings, passed };
}
