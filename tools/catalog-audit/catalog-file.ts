import fs from 'node:fs';
import { z } from 'zod';
import type { AuditedProduct } from './audit';

/**
 * A catalog exported as JSON for `npm run catalog:audit -- --file`: an array of products with the
 * fields the audit reads. Anything else a product carries (sku, price, stock, …) is allowed and
 * ignored, so an export of the Catalog port's Product passes as it is.
 */
const AuditedProductSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** "" is allowed: the audit reports it as a product without a spoken name. */
  spokenName: z.string(),
  category: z.string(),
  /** Left out, a product has no attributes (and may miss those its category is filtered on). */
  attributes: z.record(z.string(), z.array(z.string())).default({}),
});

/** The shape, as the usage text and the README show it. */
export const CATALOG_FILE_EXAMPLE = `[
  {
    "id": "trailblazer-shoes-m",
    "name": "Trailblazer Trail Running Shoes, Men's",
    "spokenName": "Trailblazer running shoes",
    "category": "shoes",
    "attributes": { "feature": ["waterproof"], "use": ["running", "hiking"] }
  }
]`;

/** A catalog file the audit cannot read; the message is one line and names the file. */
export class CatalogFileError extends Error {
  override readonly name = 'CatalogFileError';
}

function describeIssue(issue: z.core.$ZodIssue, products: readonly unknown[]): string {
  const [index, field] = issue.path;
  if (typeof index !== 'number') return issue.message;
  const raw = products[index];
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? ` (id "${(raw as { id: string }).id}")` : '';
  const where = `product ${index + 1}${id}`;
  if (field === undefined) return `${where} is not an object`;
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<PropertyKey, unknown>)[field] : undefined;
  if (value === undefined) return `${where} has no "${String(field)}"`;
  const path = issue.path.slice(1).map(String).join('.');
  if (field === 'attributes') return `${where}: "${path}" must map each attribute name to a list of strings`;
  if (field === 'id') return `${where}: "id" must be a non-empty string`;
  return `${where}: "${path}" must be a string`;
}

/** The products in `file`, or a CatalogFileError saying in one line what is wrong with it. */
export function readCatalogFile(file: string): AuditedProduct[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CatalogFileError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a directory` : `${file} cannot be read (${code ?? 'unknown error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CatalogFileError(`${file} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(parsed)) throw new CatalogFileError(`${file} must hold a JSON array of products, not ${parsed === null ? 'null' : typeof parsed}`);
  const result = z.array(AuditedProductSchema).safeParse(parsed);
  if (result.success) return result.data;
  const products = new Set(result.error.issues.map((issue) => issue.path[0]));
  const more = products.size > 1 ? ` (and ${products.size - 1} more product${products.size > 2 ? 's' : ''} with problems)` : '';
  throw new CatalogFileError(`${file}: ${describeIssue(result.error.issues[0]!, parsed)}${more}`);
}
