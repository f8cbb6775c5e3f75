/**
 * DynamoDB's typed attribute values (`{"S": "…"}`, `{"N": "12"}`, `{"M": {…}}`) to and from plain
 * JavaScript values, as the AWS SDK's document client converts them with `removeUndefinedValues`:
 * strings, finite numbers, booleans, null, arrays, plain objects, sets of strings or numbers, and
 * bytes. Attributes left undefined are not written. Anything else (a Date, a class instance, NaN)
 * is refused rather than stored as something it is not.
 */

/** What an attribute holds, as the adapters read and write it (the SDK's document client types it `any` too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NativeValue = any;
export type NativeItem = Record<string, NativeValue>;

export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly B: string }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: AttributeMap }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] };

export type AttributeMap = { readonly [name: string]: AttributeValue };

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function numberText(value: number, where: string): string {
  if (!Number.isFinite(value)) throw new TypeError(`DynamoDB: ${where} is ${value}, which DynamoDB cannot store`);
  return String(value);
}

function setValue(set: Set<unknown>, where: string): AttributeValue {
  const members = [...set];
  if (members.length === 0) throw new TypeError(`DynamoDB: ${where} is an empty set, which DynamoDB cannot store`);
  if (members.every((member) => typeof member === 'string')) return { SS: members as string[] };
  if (members.every((member) => typeof member === 'number')) return { NS: members.map((member, index) => numberText(member as number, `${where}[${index}]`)) };
  throw new TypeError(`DynamoDB: ${where} is a set that is neither all strings nor all numbers`);
}

/** One value as DynamoDB stores it; `undefined` when it is undefined (and so not written). */
function toAttribute(value: unknown, where: string): AttributeValue | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      return { S: value };
    case 'number':
      return { N: numberText(value, where) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      if (value === null) return { NULL: true };
      if (Array.isArray(value)) {
        return { L: value.flatMap((member, index) => toAttribute(member, `${where}[${index}]`) ?? []) };
      }
      if (value instanceof Set) return setValue(value, where);
      if (value instanceof Uint8Array) return { B: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
      if (isPlainObject(value)) return { M: toAttributeMap(value as NativeItem, where) };
      break;
    default:
      break;
  }
  throw new TypeError(`DynamoDB: ${where} is a ${value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}, which this client does not store`);
}

/** An item, key or set of expression values as DynamoDB takes them. */
export function toAttributeMap(item: NativeItem, where = 'item'): AttributeMap {
  const map: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(item)) {
    const attribute = toAttribute(value, `${where}.${name}`);
    if (attribute !== undefined) map[name] = attribute;
  }
  return map;
}

function fromAttribute(attribute: AttributeValue): NativeValue {
  if ('S' in attribute) return attribute.S;
  if ('N' in attribute) return Number(attribute.N);
  if ('BOOL' in attribute) return attribute.BOOL;
  if ('NULL' in attribute) return null;
  if ('M' in attribute) return fromAttributeMap(attribute.M);
  if ('L' in attribute) return attribute.L.map(fromAttribute);
  if ('SS' in attribute) return new Set(attribute.SS);
  if ('NS' in attribute) return new Set(attribute.NS.map(Number));
  if ('B' in attribute) return new Uint8Array(Buffer.from(attribute.B, 'base64'));
  if ('BS' in attribute) return new Set(attribute.BS.map((bytes) => new Uint8Array(Buffer.from(bytes, 'base64'))));
  throw new TypeError(`DynamoDB: an attribute of a type this client does not read (${Object.keys(attribute).join(', ')})`);
}

/** An item or key as DynamoDB sent it, in plain values. */
export function fromAttributeMap(map: AttributeMap): NativeItem {
  const item: NativeItem = {};
  for (const [name, attribute] of Object.entries(map)) item[name] = fromAttribute(attribute);
  return item;
}
