import { randomUUID } from 'node:crypto';

/** Builds Actions Builder webhook request bodies shaped as Google sends them. */
export interface GoogleRequestOptions {
  readonly locale?: string;
  readonly bearerToken?: string;
  readonly sessionId?: string;
  readonly sessionParams?: Record<string, unknown>;
  readonly scene?: string;
  readonly query?: string;
  readonly screen?: boolean;
}

export type GoogleParamInput = string | number | { readonly original: string; readonly resolved: string | number };

export function webhookRequest(intent: string, params: Record<string, GoogleParamInput> = {}, options: GoogleRequestOptions = {}) {
  return {
    handler: { name: 'shopvoice' },
    intent: {
      name: intent,
      params: Object.fromEntries(
        Object.entries(params).map(([name, value]) => [
          name,
          typeof value === 'object' ? value : { original: String(value), resolved: value },
        ]),
      ),
      query: options.query ?? '',
    },
    scene: { name: options.scene ?? 'Conversation', slotFillingStatus: 'UNSPECIFIED', slots: {}, next: { name: options.scene ?? 'Conversation' } },
    session: {
      id: options.sessionId ?? `ABwppHF${randomUUID().replace(/-/g, '')}`,
      params: options.sessionParams ?? {},
      typeOverrides: [],
      languageCode: '',
    },
    user: {
      locale: options.locale ?? 'en-US',
      params: options.bearerToken ? { bearerToken: options.bearerToken } : {},
      accountLinkingStatus: options.bearerToken ? 'LINKED' : 'NOT_LINKED',
      verificationStatus: 'VERIFIED',
      packageEntitlements: [],
      gaiamint: '',
      permissions: [],
      lastSeenTime: new Date().toISOString(),
    },
    home: { params: {} },
    device: {
      capabilities: options.screen === false ? ['SPEECH', 'LONG_FORM_AUDIO'] : ['SPEECH', 'RICH_RESPONSE', 'LONG_FORM_AUDIO'],
      timeZone: { id: 'America/New_York', version: '' },
    },
  };
}

export function mainInvocation(options: GoogleRequestOptions = {}) {
  return webhookRequest('actions.intent.MAIN', {}, { scene: 'actions.scene.START_CONVERSATION', ...options });
}
