import type { RequestEnvelope } from 'ask-sdk-model';
import type { Speaker } from '../core/turn';

/**
 * `context.System.person` as Alexa sends it with skill personalization on (permission
 * `alexa::person_id:read`). ask-sdk-model's Person type predates the confidence level.
 */
interface AlexaPerson {
  readonly personId?: string;
  /** Present when the recognised speaker linked their own account (person-level account linking). */
  readonly accessToken?: string;
  readonly authenticationConfidenceLevel?: { readonly level?: number };
}

/** Who the shopper is on an Alexa request, and who Alexa says is speaking. */
export interface AlexaShopperIdentity {
  /** The recognised speaker's own token when they linked their own account; else the device account's. */
  readonly accessToken?: string;
  readonly speaker: Speaker;
}

/**
 * A recognised speaker with their own linked account is the shopper, not whoever linked the
 * device's account; anyone else (unrecognised, or recognised but not linked themselves) speaks
 * through the account's link. Alexa leaves `person` out for a speaker it did not recognise.
 */
export function alexaShopperIdentity(envelope: RequestEnvelope): AlexaShopperIdentity {
  const system = envelope.context?.System;
  const person = system?.person as AlexaPerson | undefined;
  const accountToken = system?.user?.accessToken ?? envelope.session?.user?.accessToken;
  const accountId = system?.user?.userId ?? envelope.session?.user?.userId;
  const level = person?.authenticationConfidenceLevel?.level;
  const ownLink = Boolean(person?.accessToken);
  return {
    accessToken: ownLink ? person!.accessToken : accountToken,
    speaker: {
      recognised: person !== undefined,
      ownLink,
      ...(typeof level === 'number' && Number.isFinite(level) ? { confidence: level } : {}),
      ...(accountId ? { accountId } : {}),
    },
  };
}
