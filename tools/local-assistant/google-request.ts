import { randomUUID } from 'node:crypto';
import {
  AccountLinkingStatus,
  Capability,
  type HandlerRequest,
  type IntentParameterValue,
  SlotFillingStatus,
  VerificationStatus,
} from '@assistant/conversation/dist/api/schema';
import type { SlotFill } from '../../lambda/understanding/slot-fill';
import type { ConversationSettings, LocalSession } from './conversation-settings';
import { GOOGLE_START_SCENE, GOOGLE_WEBHOOK_HANDLER } from './platform-intents';

export interface GoogleRequestInput {
  /** As Google names it: a custom intent, `actions.intent.MAIN`, `actions.intent.CANCEL`, a no-match. */
  readonly intent: string;
  readonly slots: readonly SlotFill[];
  /** What the shopper said, as Google passes it along. */
  readonly query: string;
  readonly settings: ConversationSettings;
  readonly session: LocalSession;
  readonly bearerToken?: string;
}

/**
 * A slot as Google fills an intent parameter, or undefined where Google would leave it out: a value
 * its type does not list (types match their synonyms only) or a date that is not one day.
 */
function parameter(fill: SlotFill): IntentParameterValue | undefined {
  if (fill.resolution === 'no-match') return undefined;
  if (fill.resolution) return { original: fill.spoken, resolved: fill.resolution.id };
  if (fill.type === 'AMAZON.NUMBER' || fill.type === 'AMAZON.FOUR_DIGIT_NUMBER' || fill.type === 'AMAZON.Ordinal') {
    return { original: fill.spoken, resolved: Number(fill.value) };
  }
  if (fill.type === 'AMAZON.DATE') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fill.value);
    return day ? { original: fill.spoken, resolved: { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) } } : undefined;
  }
  return { original: fill.spoken, resolved: fill.value };
}

/** An Actions Builder webhook request shaped as Google sends it to the `shopvoice` handler. */
export function googleRequest(input: GoogleRequestInput, now = new Date()): HandlerRequest {
  const { settings, session, bearerToken } = input;
  const scene = session.scene ?? GOOGLE_START_SCENE;
  const params: Record<string, IntentParameterValue> = {};
  for (const fill of input.slots) {
    const value = parameter(fill);
    if (value) params[fill.slot] = value;
  }
  return {
    handler: { name: GOOGLE_WEBHOOK_HANDLER },
    intent: { name: input.intent, params, query: input.query },
    scene: { name: scene, slotFillingStatus: SlotFillingStatus.Unspecified, slots: {} },
    session: { id: session.id, params: { ...session.attributes }, typeOverrides: [], languageCode: '' },
    user: {
      locale: settings.locale,
      params: bearerToken ? { bearerToken } : {},
      accountLinkingStatus: bearerToken ? AccountLinkingStatus.Linked : AccountLinkingStatus.NotLinked,
      verificationStatus: VerificationStatus.Verified,
      packageEntitlements: [],
      permissions: [],
      lastSeenTime: now.toISOString(),
    },
    home: { params: {} },
    device: {
      capabilities: settings.screen
        ? [Capability.Speech, Capability.RichResponse, Capability.LongFormAudio]
        : [Capability.Speech, Capability.LongFormAudio],
    },
  };
}

export function newGoogleSessionId(): string {
  return `ABwppHF${randomUUID().replace(/-/g, '')}`;
}
