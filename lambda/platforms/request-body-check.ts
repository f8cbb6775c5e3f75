import * as z from 'zod';

/**
 * What the platform request checks (google-request-schema.ts, alexa-envelope-schema.ts) share. A
 * field that says what the request is must have its type, or the request is refused with a 400;
 * a field that only refines the answer is left out when it has the wrong type (`refinement`), and
 * the default for a missing one applies.
 */

/** Left out when it has the wrong type, so the default for a missing field applies. */
export function refinement<Schema extends z.ZodType>(schema: Schema) {
  return schema.optional().catch(undefined);
}

export const JsonObject = z.record(z.string(), z.unknown());

/**
 * Why a body was refused, in a few words: the field, never its value. Fields deeper than
 * `namedDepth` sit under keys the caller chose (slot names, parameter names), which are never
 * repeated back, so only their parent is named.
 */
export function refusalReason(error: z.ZodError, namedDepth: number): string {
  const [issue] = error.issues;
  const path = issue?.path ?? [];
  if (path.length > namedDepth) return `${path.slice(0, namedDepth).join('.')} has a malformed entry`;
  const field = path.length > 0 ? path.join('.') : 'the body';
  const expected = issue?.code === 'invalid_type' && issue.expected !== 'record' ? issue.expected : 'object';
  return `${field} must be ${expected === 'object' || expected === 'array' ? 'an' : 'a'} ${expected}`;
}
