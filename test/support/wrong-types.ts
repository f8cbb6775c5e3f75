/**
 * Request bodies with one field of the wrong type: every field at every level of a valid body
 * (the body itself included) replaced in turn by each JSON type it is not.
 */

/** A string no reply has any reason to contain: a 4xx that repeats it echoes the body. */
export const MARKER = 'zz-wrong-type-marker';

export const WRONG_VALUES = {
  string: MARKER,
  number: 7,
  boolean: true,
  null: null,
  array: [MARKER],
  object: { [MARKER]: MARKER },
} as const satisfies Record<string, unknown>;

export type JsonType = keyof typeof WRONG_VALUES;

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

export type Path = readonly (string | number)[];

/** Every path in `value`, the empty path (the value itself) first, parents before their children. */
export function pathsIn(value: unknown, at: Path = []): Path[] {
  const children =
    Array.isArray(value)
      ? value.flatMap((item, index) => pathsIn(item, [...at, index]))
      : typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...at, key]))
        : [];
  return [at, ...children];
}

/** `value` with the field at `path` replaced by `replacement`; the original is left as it was. */
export function replacedAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[key as number] = replacedAt(copy[key as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[key as string] = replacedAt(copy[key as string], rest, replacement);
  return copy;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], value);
}

export interface WrongTypedBody {
  /** Where the wrong value is, e.g. "device.capabilities". */
  readonly field: string;
  readonly type: JsonType;
  readonly body: unknown;
}

/** `valid` once for every field and every JSON type that field does not have. */
export function wrongTypedBodies(valid: unknown): WrongTypedBody[] {
  return pathsIn(valid).flatMap((path) => {
    const actual = jsonTypeOf(valueAt(valid, path));
    return (Object.keys(WRONG_VALUES) as JsonType[])
      .filter((type) => type !== actual)
      .map((type) => ({ field: path.length === 0 ? '(body)' : path.join('.'), type, body: replacedAt(valid, path, WRONG_VALUES[type]) }));
  });
}

/** What a response must never show: a stack frame, an error class, a file of the server. */
export const LEAKS = /\bat \S+ \(|\bat .+:\d+:\d+|TypeError|ReferenceError|SyntaxError|node_modules|\/lambda\/|\.ts:\d+/;
