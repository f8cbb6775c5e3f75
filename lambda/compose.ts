import type { AccessTokenVerifier } from './auth/access-token-verifier';
import { createAccessTokenVerifierFromConfig } from './auth/verifier-from-config';
import { configuredWebhookRelay } from './commerce/handoff-webhook/configured-relay';
import { relayedHandoffs, type WebhookRelay } from './commerce/handoff-webhook/webhook-relay';
import type { Adapters } from './commerce/adapters';
import type { AccountLinkState, CallStates, Commerce, SkillState, StoreCommerce, TurnEvents } from './commerce/ports';
import type { Config } from './config';
import type { TextReader } from './core/own-reading';
import { createRouter, type Router, TurnEventNotRecordedError } from './core/router';
import { createSessionStateSeal, type SessionStateSeal } from './core/sealed-state';
import { createTurnWrites, type TurnWrites } from './core/turn-writes';
import { assistance } from './flows/assistance';
import { FLOWS } from './flows/all-flows';
import { createHousehold } from './household/household';
import { configuredOrderEvents, type OrderEvents } from './events/configured-order-events';
import type { OrderNotificationSender } from './events/order-notification-sender';
import { describeError, type Logger } from './logging';
import { forgetShopper } from './privacy/forget-shopper';
import { redactText } from './privacy/redact';

/**
 * How long ago a token may have expired and still name the shopper to forget when they disable
 * the skill: access tokens last about an hour, and the event can come any time after the last use.
 */
export const FORGET_TOKEN_EXPIRY_ALLOWANCE_MS = 30 * 86_400_000;

/** The platform-neutral application: everything but the adapters. */
export interface Shopvoice {
  readonly router: Router;
  readonly commerce: Commerce;
  /** Seals the state each reply leaves with the platform, and opens what the next request brings back. */
  readonly stateSeal: SessionStateSeal;
  /** Who an access token names: what the router and the MCP endpoint identify shoppers with. */
  readonly accessTokens: AccessTokenVerifier;
  /** Where channels without a router (MCP) record their turn events; the router records its own. */
  readonly turnEvents: TurnEvents;
  /** What turns write about themselves after their reply (log lines, turn events): a Lambda function settles them before it returns. */
  readonly turnWrites: Pick<TurnWrites, 'start' | 'settle' | 'pending'>;
  /** Where the phone keeps its calls, when the state store can (the phone carries no session). */
  readonly callStates?: CallStates;
  /** What the account linking served for a Medusa store keeps between requests, when the state store can. */
  readonly accountLinks?: AccountLinkState;
  /** Telling shoppers when their orders move, when configured and the state store can (events/). */
  readonly orderEvents?: OrderEvents;
  /**
   * Forgets what the skill kept from the voice of the shopper this access token names (signature,
   * issuer and audience checked; expired up to FORGET_TOKEN_EXPIRY_ALLOWANCE_MS accepted). A token
   * that names no one forgets nothing. Logs counts only; never rejects.
   */
  forgetByAccessToken(accessToken: string): Promise<void>;
  close(): void;
}

export interface ComposeOptions {
  readonly logger: Logger;
  /** The store's systems and the skill's own state; the caller opened them and closes them. */
  readonly adapters: Pick<Adapters, 'store' | 'state'>;
  readonly clock?: () => Date;
  /** Who an access token names; as configured (createAccessTokenVerifierFromConfig) by default. */
  readonly accessTokens?: AccessTokenVerifier;
  /**
   * Reads the words of turns the platform could not place (Google's no-match). Given by the
   * channels that carry words, so the Alexa function does not bundle the language models.
   */
  readonly readText?: TextReader;
  /** The platform that notifies shoppers of their orders (Alexa's proactive events), when ORDER_EVENTS_SECRET is set. */
  readonly orderNotificationSender?: OrderNotificationSender;
}

/** With a webhook configured, every filed ticket is also delivered there, and anything queued earlier now. */
function webhookRelayFor(config: Config, state: SkillState, logger: Logger): WebhookRelay | undefined {
  const relay = configuredWebhookRelay(config, state.handoffOutbox, logger);
  relay?.kick();
  return relay;
}

/** What the flows see: the store's answers, and the skill's own state for everything it keeps. */
function commerceOf(store: StoreCommerce, state: SkillState, relay: WebhookRelay | undefined): Commerce {
  return {
    shoppers: store.shoppers,
    orders: store.orders,
    catalog: store.catalog,
    returns: store.returns,
    checkout: store.checkout,
    handoffs: relay ? relayedHandoffs(state.handoffs, relay) : state.handoffs,
    conversations: state.conversations,
    purchasePins: state.purchasePins,
    checkoutClaims: state.checkoutClaims,
  };
}

export function composeShopvoice(config: Config, options: ComposeOptions): Shopvoice {
  const { store, state } = options.adapters;
  const relay = webhookRelayFor(config, state, options.logger);
  const commerce = commerceOf(store, state, relay);
  const verifier = options.accessTokens ?? createAccessTokenVerifierFromConfig(config);
  const stateSeal = createSessionStateSeal({
    secret: config.sessionStateSecret,
    // Never the state itself: it is what somebody may have forged.
    onRejected: (rejection, binding) =>
      options.logger.warn({ platform: binding.platform, rejection }, 'session state failed its seal check; the conversation starts afresh'),
  });
  const turnWrites = createTurnWrites();
  const router = createRouter({
    flows: FLOWS,
    assistance,
    commerce,
    store: config.store,
    verifyAccessToken: (token) => verifier.verify(token),
    clock: options.clock,
    turnBudgetMs: config.turn.budgetMs,
    progressAfterMs: config.turn.progressAfterMs,
    turnWrites,
    ...(options.readText ? { readText: options.readText } : {}),
    // Account ids are kept only as keyed hashes, under the same key that pseudonymises shoppers.
    household: createHousehold({
      policy: config.store.household,
      accounts: state.sharedAccounts,
      keySecret: config.analytics.shopperHashSecret,
      onError: (error) => options.logger.warn({ error: describeError(error) }, 'shared account not remembered; the turn goes on'),
    }),
    // The skill's own record of each turn's outcome; the flows never see it.
    turnEvents: {
      sink: state.turnEvents,
      shopperHashSecret: config.analytics.shopperHashSecret,
      storeUtterances: config.analytics.storeUtterances,
      redact: redactText,
    },
    onError: (error, turn) =>
      error instanceof TurnEventNotRecordedError
        ? options.logger.warn(
            { error: describeError(error), cause: error.cause === undefined ? undefined : describeError(error.cause), platform: turn.platform },
            'turn event not recorded; the turn was answered',
          )
        : options.logger.error(
        { error: describeError(error), platform: turn.platform, event: turn.event.kind, flow: turn.state.active?.flow },
        'turn failed',
      ),
    onProgressFailed: (error, turn) =>
      options.logger.warn({ error: describeError(error), platform: turn.platform }, 'progressive response not delivered'),
  });
  const { notificationSubscriptions, orderNotifications } = state;
  const orderEvents =
    options.orderNotificationSender && notificationSubscriptions && orderNotifications
      ? configuredOrderEvents(config, {
          subscriptions: notificationSubscriptions,
          outbox: orderNotifications,
          sender: options.orderNotificationSender,
          accessTokens: verifier,
          localeOf: async (shopperId) => (await store.shoppers.findById(shopperId))?.locale,
          logger: options.logger,
          clock: options.clock,
        })
      : undefined;

  async function forgetByAccessToken(accessToken: string): Promise<void> {
    try {
      const shopper = await verifier.verify(accessToken, { acceptExpiredUpToMs: FORGET_TOKEN_EXPIRY_ALLOWANCE_MS });
      if (!shopper) {
        options.logger.warn({}, 'skill disabled: the access token is not valid; nothing forgotten');
        return;
      }
      const forgotten = await forgetShopper(
        { turnEvents: state.turnEvents, erasure: state.erasure, hashSecret: config.analytics.shopperHashSecret },
        shopper.shopperId,
      );
      // Nobody is notified through a skill they disabled.
      const notifications = (await notificationSubscriptions?.forgetShopper(shopper.shopperId)) ?? 0;
      options.logger.info({ forgotten, notifications }, 'skill disabled: shopper forgotten');
    } catch (error) {
      options.logger.error({ error: describeError(error) }, 'skill disabled: forgetting the shopper failed');
    }
  }

  return {
    router,
    commerce,
    accessTokens: verifier,
    stateSeal,
    turnEvents: state.turnEvents,
    turnWrites,
    ...(state.callStates ? { callStates: state.callStates } : {}),
    ...(state.accountLinks ? { accountLinks: state.accountLinks } : {}),
    ...(orderEvents ? { orderEvents } : {}),
    forgetByAccessToken,
    close() {
      relay?.close();
      orderEvents?.close();
    },
  };
}
