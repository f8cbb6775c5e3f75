import type { RequestHandler } from 'express';
import * as z from 'zod';
import { JsonObject, refinement, refusalReason } from './request-body-check';

/**
 * The parts of an Actions Builder webhook request that Shopvoice and @assistant/conversation read,
 * as Google sends them. The library trusts the body's shape (a `null` section or a string where it
 * expects a list throws a TypeError deep inside it), so a body is checked before it gets there:
 *
 * - what says what the request is (the handler, the intent and its parameters, the scene, the
 *   session's id, the user and their parameters, where the account-linking token travels) must
 *   have its type, or the request is refused with a 400 naming the field;
 * - what only refines the answer (the device's capabilities, locale and language, the raw query,
 *   the session's state, type overrides, slots, home storage) is left out when it has the wrong
 *   type: the library's default stands in, and the shopper still gets a spoken answer.
 *
 * Fields nobody reads pass through untouched, so the library echoes back what Google sent.
 */

/** One intent parameter: the words said, and the value they resolved to. */
const IntentParameterSchema = z.looseObject({
  original: z.string().optional(),
  resolved: z.unknown().optional(),
});

export const GoogleWebhookBodySchema = z.looseObject({
  handler: z.looseObject({ name: z.string() }),
  intent: z
    .looseObject({
      name: z.string().optional(),
      params: z.record(z.string(), IntentParameterSchema).optional(),
      query: refinement(z.string()),
    })
    .optional(),
  scene: z
    .looseObject({
      name: z.string().optional(),
      slots: refinement(JsonObject),
      next: refinement(z.looseObject({ name: z.string().optional() })),
    })
    .optional(),
  session: z
    .looseObject({
      id: z.string().optional(),
      // What does not read as Shopvoice's state starts the conversation fresh, as a bad seal does.
      params: refinement(JsonObject),
      typeOverrides: refinement(z.array(z.looseObject({}))),
      languageCode: refinement(z.string()),
    })
    .optional(),
  user: z
    .looseObject({
      locale: refinement(z.string()),
      params: JsonObject.optional(),
    })
    .optional(),
  home: refinement(z.looseObject({ params: refinement(JsonObject) })),
  device: refinement(
    z.looseObject({
      capabilities: refinement(z.array(z.string())),
      currentLocation: refinement(JsonObject),
      timeZone: refinement(JsonObject),
    }),
  ),
  context: refinement(JsonObject),
});

export type GoogleWebhookBody = z.output<typeof GoogleWebhookBodySchema>;

/** How deep a refusal names a field: below this are keys the caller chose, which are never repeated back. */
const NAMED_PATH_DEPTH = 2;

export type CheckedGoogleBody = { readonly ok: true; readonly body: GoogleWebhookBody } | { readonly ok: false; readonly reason: string };

/** The body with wrong-typed refinements left out, or why it cannot be a webhook request (no values, no caller's keys). */
export function checkGoogleWebhookBody(body: unknown): CheckedGoogleBody {
  const parsed = GoogleWebhookBodySchema.safeParse(body);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, reason: refusalReason(parsed.error, NAMED_PATH_DEPTH) };
}

/**
 * `webhook` behind the body check: a body that cannot be a webhook request gets a 400 with the
 * field that is wrong; any other goes on with its wrong-typed refinements left out.
 */
export function withCheckedGoogleBody(webhook: RequestHandler): RequestHandler {
  return (request, response, next) => {
    const checked = checkGoogleWebhookBody(request.body);
    if (!checked.ok) {
      response.status(400).json({ error: `not an Actions Builder webhook request: ${checked.reason}` });
      return;
    }
    request.body = checked.body;
    return webhook(request, response, next);
  };
}
