import type { RequestEnvelope } from 'ask-sdk-model';
import { ORDER_STATUS_EVENT } from './order-status-event';

/** The skill events through which Alexa tells the skill a shopper's word on notifications (manifest `events.subscriptions`). */
export const PERMISSION_EVENTS = [
  'AlexaSkillEvent.ProactiveSubscriptionChanged',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
] as const;

/** The permission a shopper grants in the Alexa app for the skill's notifications. */
export const NOTIFICATIONS_PERMISSION = 'alexa::devices:all:notifications:write';

/** What a permission event says, before anyone checked whose token it carries. */
export interface AlexaPermissionEvent {
  readonly accessToken?: string;
  /** The account's userId: whom proactive events go to (Unicast). */
  readonly recipient?: string;
  readonly locale?: string;
  readonly subscribed: boolean;
  readonly at: Date;
}

interface EventRequest {
  readonly type?: string;
  readonly timestamp?: string;
  readonly eventCreationTime?: string;
  readonly locale?: string;
  readonly body?: {
    readonly subscriptions?: readonly { readonly eventName?: string }[];
    readonly acceptedPermissions?: readonly { readonly scope?: string }[];
    readonly acceptedPersonPermissions?: readonly { readonly scope?: string }[];
  };
}

export function isPermissionEvent(envelope: RequestEnvelope): boolean {
  return (PERMISSION_EVENTS as readonly string[]).includes(envelope.request.type);
}

/**
 * A subscription event says which proactive events the shopper still receives (an empty list: none);
 * a permission event which permissions they granted, the notifications one among them or not.
 * Events arrive out of order: when each was created travels with it.
 */
export function readPermissionEvent(envelope: RequestEnvelope): AlexaPermissionEvent {
  const request = envelope.request as EventRequest;
  const system = envelope.context?.System;
  const person = system?.person;
  const body = request.body ?? {};
  const subscribed =
    request.type === 'AlexaSkillEvent.ProactiveSubscriptionChanged'
      ? (body.subscriptions ?? []).some((subscription) => subscription.eventName === ORDER_STATUS_EVENT)
      : [...(body.acceptedPermissions ?? []), ...(body.acceptedPersonPermissions ?? [])].some((permission) => permission.scope === NOTIFICATIONS_PERMISSION);
  const stamp = Date.parse(request.eventCreationTime ?? request.timestamp ?? '');
  return {
    accessToken: person?.accessToken ?? system?.user?.accessToken,
    recipient: system?.user?.userId,
    locale: request.locale,
    subscribed,
    at: new Date(Number.isNaN(stamp) ? 0 : stamp),
  };
}
