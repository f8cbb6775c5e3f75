import type { Product } from '../../commerce/ports';
import { slotOf, type Turn } from '../../core/turn';
import { packSizeOf, packSizesOf } from './pack-sizes';

export type SizeRequest =
  | { readonly kind: 'bigger' }
  | { readonly kind: 'smaller' }
  /** A size by name: "M", "10"; `id` when the language model named one of the catalog's sizes ("l-xl" for L/XL). */
  | { readonly kind: 'named'; readonly size: string; readonly id?: string };

export type SizeChange =
  /** The same product in another of its sizes (clothing, shoes). */
  | { readonly kind: 'variant'; readonly size: string }
  /** Another pack size, which is another product. */
  | { readonly kind: 'product'; readonly product: Product }
  | { readonly kind: 'none'; readonly why: 'no-bigger' | 'no-smaller' | 'one-size' }
  /** No such size; `options` are the nearest the item does come in. */
  | { readonly kind: 'not-offered'; readonly size: string; readonly options: readonly string[] };

/**
 * The SizeChoice value id of a catalog size, as `npm run models -- --from-store` names it: "L/XL" →
 * "l-xl", "one size" → "one-size". The lettered sizes keep the ids below.
 */
export function sizeValueId(size: string): string {
  return size
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** SizeChoice value ids → the catalog's lettered sizes. */
const LETTERED: Readonly<Record<string, string>> = {
  'extra-small': 'XS',
  small: 'S',
  medium: 'M',
  large: 'L',
  'extra-large': 'XL',
  'double-extra-large': 'XXL',
};

/** "XL", "x. l.", "m" heard without a SizeChoice match: the lettered size itself. */
function letteredSize(spoken: string): string | undefined {
  const letters = spoken.replace(/[\s.]/g, '').toUpperCase();
  return Object.values(LETTERED).includes(letters) ? letters : undefined;
}

/** Never name more sizes than this when the one asked for does not exist. */
const OPTIONS_NAMED = 3;

/** The sizes an item comes in, when it comes in more than one. */
export function sizesOf(product: Product): readonly string[] {
  const sizes = product.attributes.size ?? [];
  return sizes.length > 1 ? sizes : [];
}

/** The size the shopper asked for: "a bigger bag", "medium", "size ten". */
export function sizeRequestOf(turn: Turn): SizeRequest | undefined {
  const size = slotOf(turn, 'size');
  const id = size ? (size.id ?? size.spoken.trim().toLowerCase()) : undefined;
  if (id === 'bigger' || id === 'smaller') return { kind: id };
  const lettered = id ? (LETTERED[id] ?? letteredSize(id)) : undefined;
  if (lettered) return { kind: 'named', size: lettered };
  // Another of the catalog's sizes the model knows ("large extra large" → l-xl): found by its id, named as said.
  if (size?.id && size.id === sizeValueId(size.id)) return { kind: 'named', size: size.spoken.trim(), id: size.id };
  const number = slotOf(turn, 'sizeNumber');
  const digits = number ? (number.id ?? number.spoken).trim() : '';
  return /^\d{1,3}$/.test(digits) ? { kind: 'named', size: digits } : undefined;
}

/** Up to three options around position `at`, in their own order. */
function around<T>(options: readonly T[], at: number): T[] {
  const start = Math.min(Math.max(0, at - 1), Math.max(0, options.length - OPTIONS_NAMED));
  return options.slice(start, start + OPTIONS_NAMED);
}

function step<T>(options: readonly T[], at: number, request: SizeRequest): T | 'no-bigger' | 'no-smaller' | undefined {
  if (request.kind === 'named') return undefined;
  const next = options[request.kind === 'bigger' ? at + 1 : at - 1];
  return next ?? (request.kind === 'bigger' ? 'no-bigger' : 'no-smaller');
}

function changeVariantSize(sizes: readonly string[], current: string | undefined, request: SizeRequest): SizeChange {
  const found = current ? sizes.findIndex((size) => size.toLowerCase() === current.toLowerCase()) : -1;
  // Without a size bought before, "bigger" counts from the middle of the range.
  const at = found >= 0 ? found : Math.floor(sizes.length / 2);
  if (request.kind === 'named') {
    const wanted = request.size.toLowerCase();
    // "Small" is the S of a vest sold as S/M and L/XL.
    const named =
      sizes.find((size) => size.toLowerCase() === wanted) ??
      (request.id ? sizes.find((size) => sizeValueId(size) === request.id) : undefined) ??
      sizes.find((size) => size.toLowerCase().split('/').includes(wanted));
    return named ? { kind: 'variant', size: named } : { kind: 'not-offered', size: request.size, options: around(sizes, at) };
  }
  const next = step(sizes, at, request);
  return next === 'no-bigger' || next === 'no-smaller' || next === undefined ? { kind: 'none', why: next ?? 'one-size' } : { kind: 'variant', size: next };
}

function changePackSize(product: Product, packs: readonly Product[], request: SizeRequest): SizeChange {
  const at = packs.findIndex((pack) => pack.id === product.id);
  if (request.kind === 'named') {
    const labels = packs.map((pack) => packSizeOf(pack)?.size.label ?? pack.name);
    return { kind: 'not-offered', size: request.size, options: around(labels, at) };
  }
  const next = step(packs, at, request);
  return next === 'no-bigger' || next === 'no-smaller' || next === undefined ? { kind: 'none', why: next ?? 'one-size' } : { kind: 'product', product: next };
}

/**
 * What a size request means for the item being ordered: another of its sizes (clothing, shoes),
 * another pack size (another product), or why there is none.
 */
export function changeSize(product: Product, currentSize: string | undefined, sameCategory: readonly Product[], request: SizeRequest): SizeChange {
  const sizes = sizesOf(product);
  if (sizes.length > 0) return changeVariantSize(sizes, currentSize, request);
  const packs = packSizesOf(product, sameCategory);
  if (packs.length > 1) return changePackSize(product, packs, request);
  return { kind: 'none', why: 'one-size' };
}
