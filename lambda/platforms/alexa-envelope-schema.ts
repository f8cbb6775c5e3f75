import type { RequestEnvelope } from 'ask-sdk-model';
import * as z from 'zod';
import { JsonObject, refinement, refusalReason } from './request-body-check';

/**
 * The parts of an Alexa request envelope that Shopvoice and ask-sdk-core read. ask-sdk-core trusts
 * the envelope's shape (a `null` intent or slot throws deep inside the skill), so the envelope is
 * checked before the skill sees it, like the Google webhook body (google-request-schema.ts):
 *
 * - what says what the request is (its type and id, the intent and its slots, the session's id,
 *   the skill's id, the user and the recognised person, and their access tokens) must have its
 *   type, or the request is refused with a 400 naming the field;
 * - what only refines the answer (the locale, the device's interfaces, the session's attributes,
 *   entity resolutions, the API endpoint for progressive responses) is left out when it has the
 *   wrong type, and the shopper still gets a spoken answer.
 *
 * Fields nobody reads pass through untouched.
 */

const ApplicationSchema = z.looseObject({ applicationId: z.string().optional() });
/** Where the account-linking token travels. */
const UserSchema = z.looseObject({ userId: z.string().optional(), accessToken: z.string().optional() });

/**
 * The recognised speaker (skill personalization): their own account-linking token says who the
 * shopper is, so it must have its type; how sure Alexa is only refines what they may do.
 */
const PersonSchema = z.looseObject({
  personId: z.string().optional(),
  accessToken: z.string().optional(),
  authenticationConfidenceLevel: refinement(z.looseObject({ level: refinement(z.number()) })),
});

/** One authority's resolution of a slot value to the catalog's canonical value. */
const ResolutionSchema = z.looseObject({
  status: refinement(z.looseObject({ code: z.string().optional() })),
  values: refinement(z.array(z.looseObject({ value: z.looseObject({ name: z.string(), id: z.string() }) }))),
});

const SlotSchema = z.looseObject({
  name: z.string().optional(),
  value: z.string().optional(),
  // Without its resolutions a slot is still what the shopper said.
  resolutions: refinement(z.looseObject({ resolutionsPerAuthority: refinement(z.array(ResolutionSchema)) })),
});

const RequestSchema = z
  .looseObject({
    type: z.string(),
    requestId: z.string(),
    locale: refinement(z.string()),
    intent: z.looseObject({ name: z.string(), slots: z.record(z.string(), SlotSchema).optional() }).optional(),
    reason: refinement(z.string()),
  })
  .refine((request) => request.type !== 'IntentRequest' || request.intent !== undefined, { path: ['intent'] });

export const AlexaEnvelopeSchema = z.looseObject({
  version: z.string(),
  session: z
    .looseObject({
      sessionId: z.string().optional(),
      application: ApplicationSchema.optional(),
      user: UserSchema.optional(),
      // What does not read as Shopvoice's state starts the conversation fresh, as a bad seal does.
      attributes: refinement(JsonObject),
      new: refinement(z.boolean()),
    })
    .optional(),
  context: z.looseObject({
    System: z
      .looseObject({
        application: ApplicationSchema.optional(),
        user: UserSchema.optional(),
        person: PersonSchema.optional(),
        device: refinement(z.looseObject({ deviceId: refinement(z.string()), supportedInterfaces: refinement(JsonObject) })),
        apiEndpoint: refinement(z.string()),
        apiAccessToken: refinement(z.string()),
      })
      .optional(),
  }),
  request: RequestSchema,
});

/** How deep a refusal names a field: below `request.intent.slots` are the slot names. */
const NAMED_PATH_DEPTH = 3;

export type CheckedAlexaEnvelope = { readonly ok: true; readonly envelope: RequestEnvelope } | { readonly ok: false; readonly reason: string };

/** The envelope with wrong-typed refinements left out, or why it cannot be an Alexa request (no values, no slot names). */
export function checkAlexaEnvelope(body: unknown): CheckedAlexaEnvelope {
  const parsed = AlexaEnvelopeSchema.safeParse(body);
  // Checked for everything Shopvoice and ask-sdk-core read; the rest is as Alexa sent it.
  if (parsed.success) return { ok: true, envelope: parsed.data as unknown as RequestEnvelope };
  return { ok: false, reason: refusalReason(parsed.error, NAMED_PATH_DEPTH) };
}
