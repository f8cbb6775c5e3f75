import type { RequestEnvelope } from 'ask-sdk-model';
import pino from 'pino';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { openAdapters } from '../../lambda/commerce/open-adapters';
import { composeShopvoice } from '../../lambda/compose';
import { loadConfig } from '../../lambda/config';
import { describeError } from '../../lambda/logging';
import { createAlexaSkill } from '../../lambda/platforms/alexa';
import { createGoogleApp } from '../../lambda/platforms/google';
import { LOCALES } from '../../lambda/speech/i18n';
import { CONVERSATIONS, type Platform, PLATFORMS } from '../bench/conversations';
import { alexaLaunch, googleMain, type SpokenTurn } from '../bench/requests';
import { flowOfReply } from './reply-flow';

/**
 * Real replies to time: everyday journeys of the demo shoppers, said on both platforms in every
 * locale, through the platform adapters over the embedded demo store, in process. The calibration
 * renders them with a synthesizer; the bench reports their listen times.
 */

type Turn = SpokenTurn | 'launch';

export interface Journey {
  readonly id: string;
  /** The demo shopper (lambda/commerce/sqlite/demo-shoppers.ts) who speaks; a guest when absent. */
  readonly shopperId?: string;
  readonly turns: readonly Turn[];
}

const say = (intent: SpokenTurn['intent'], slots?: SpokenTurn['slots']): SpokenTurn => (slots ? { intent, slots } : { intent });

const ORDER_STATUS_SHOPPERS = ['shopper-ava', 'shopper-ben', 'shopper-cleo', 'shopper-dan', 'shopper-eve', 'shopper-finn'];
const SEARCHES = ['waterproof jacket for hiking under 150 dollars', 'running shoes', 'wireless headphones', 'dark roast coffee beans', 'wool rug', 'dog food'];

/** The journeys, each a conversation of its own: where is my order, returns, search, reorder, help. */
export const JOURNEYS: readonly Journey[] = [
  { id: 'launch', turns: ['launch', say('HelpIntent'), say('FallbackIntent'), say('StopIntent')] },
  { id: 'guest-order-status', turns: [say('OrderStatusIntent')] },
  ...ORDER_STATUS_SHOPPERS.map((shopperId) => ({
    id: `order-status/${shopperId}`,
    shopperId,
    turns: [say('OrderStatusIntent'), say('YesIntent'), say('RepeatIntent'), say('StopIntent')],
  })),
  { id: 'order-by-item', shopperId: 'shopper-ava', turns: [say('OrderStatusIntent', { item: { spoken: 'running shoes', id: 'shoes' } })] },
  { id: 'order-by-number', shopperId: 'shopper-ben', turns: [say('OrderStatusIntent', { orderNumber: '99999' })] },
  {
    id: 'return-shoes',
    shopperId: 'shopper-ava',
    turns: [
      say('ReturnItemIntent', { item: { spoken: 'running shoes', id: 'shoes' } }),
      say('YesIntent'),
      say('ReturnReasonIntent', { reason: { spoken: "they don't fit", id: 'size' } }),
      say('YesIntent'),
    ],
  },
  { id: 'return-final-sale', shopperId: 'shopper-ava', turns: [say('ReturnItemIntent', { item: { spoken: 'headphones', id: 'audio' } }), say('TalkToAgentIntent')] },
  { id: 'return-unknown', shopperId: 'shopper-eve', turns: [say('ReturnItemIntent', { item: { spoken: 'blender', id: 'kitchen' } }), say('CancelIntent')] },
  ...SEARCHES.map((query, index) => ({
    id: `search/${query}`,
    shopperId: ORDER_STATUS_SHOPPERS[index % ORDER_STATUS_SHOPPERS.length]!,
    turns: [
      say('FindProductIntent', { query }),
      say('ProductDetailIntent', { ordinal: { spoken: 'second', id: 'second' } }),
      say('CheaperIntent'),
      say('BuyIntent', { ordinal: { spoken: 'first', id: 'first' } }),
      say('NoIntent'),
    ],
  })),
  { id: 'reorder-coffee', shopperId: 'shopper-ava', turns: [say('ReorderIntent', { item: 'coffee' }), say('YesIntent'), say('StopIntent')] },
  { id: 'reorder-usual', shopperId: 'shopper-finn', turns: [say('ReorderIntent'), say('YesIntent'), say('StopIntent')] },
  { id: 'talk-to-person', shopperId: 'shopper-ben', turns: [say('FrustrationIntent')] },
];

export interface CorpusReply {
  readonly journey: string;
  readonly platform: Platform;
  readonly locale: string;
  /** The intent said, or "launch". */
  readonly request: string;
  readonly flow: string;
  readonly ssml: string;
}

/** The bench's requests are en-US; the same request in another locale. */
function inLocale(platform: Platform, request: object, locale: string): object {
  const copy = structuredClone(request) as { request?: { locale?: string }; user?: { locale?: string } };
  if (platform === 'alexa' && copy.request) copy.request.locale = locale;
  if (platform === 'google' && copy.user) copy.user.locale = locale;
  return copy;
}

function speechOf(platform: Platform, answer: unknown): string {
  const body = answer as { response?: { outputSpeech?: { ssml?: string } }; prompt?: { firstSimple?: { speech?: string } } };
  return (platform === 'alexa' ? body.response?.outputSpeech?.ssml : body.prompt?.firstSimple?.speech) ?? '';
}

/**
 * Says every journey on every platform in every locale to a fresh demo store in `dataDir`, and
 * returns every reply. Fails on any turn the skill logged a problem for.
 */
export async function collectReplies(dataDir: string, locales: readonly string[] = LOCALES): Promise<CorpusReply[]> {
  const problems: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void problems.push(line) });
  const config = loadConfig({ NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir });
  const adapters = openAdapters(config);
  const shopvoice = composeShopvoice(config, { logger, adapters });
  const onError = (error: unknown) => problems.push(JSON.stringify(describeError(error)));
  const skill = createAlexaSkill({ router: shopvoice.router, stateSeal: shopvoice.stateSeal, onError });
  const googleApp = createGoogleApp({ router: shopvoice.router, stateSeal: shopvoice.stateSeal, onError });
  const invoke: Record<Platform, (request: object) => Promise<unknown>> = {
    alexa: (request) => skill.invoke(request as RequestEnvelope),
    async google(request) {
      const { status, body } = await googleApp.handler(request, {});
      if (status !== 200) throw new Error(`listen time: the Google app answered ${status}`);
      return body;
    },
  };
  const tokenFor = (shopperId: string) => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId, expiresIn: '1h' });
  const replies: CorpusReply[] = [];
  let conversations = 0;
  try {
    for (const journey of JOURNEYS) {
      const token = journey.shopperId ? await tokenFor(journey.shopperId) : undefined;
      for (const platform of PLATFORMS) {
        for (const locale of locales) {
          const conversation = CONVERSATIONS[platform](token);
          // A session of its own, so one journey's order or return is never another's retry.
          conversations += 1;
          for (const turn of journey.turns) {
            const before = conversation.active()?.flow;
            const fixed = turn === 'launch' ? (platform === 'alexa' ? alexaLaunch() : googleMain()) : conversation.requestFor(turn);
            const request = inLocale(platform, conversation.asNewConversation(fixed, conversations), locale);
            const answer = await invoke[platform](request);
            conversation.heard(answer);
            const name = turn === 'launch' ? 'launch' : turn.intent;
            const flow = flowOfReply({ request: name, before, after: conversation.active()?.flow });
            replies.push({ journey: journey.id, platform, locale, request: name, flow, ssml: speechOf(platform, answer) });
          }
          if (problems.length > 0) throw new Error(`listen time: journey ${journey.id} on ${platform} (${locale}) logged problems:\n${problems.join('\n')}`);
        }
      }
    }
  } finally {
    shopvoice.close();
    adapters.close();
  }
  return replies;
}
