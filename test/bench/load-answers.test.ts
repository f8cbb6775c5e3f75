import type { RequestEnvelope } from 'ask-sdk-model';
import { linkAccount, listen } from '../../lambda/core/replies';
import type { Router } from '../../lambda/core/router';
import { createAlexaSkill } from '../../lambda/platforms/alexa';
import { createGoogleApp } from '../../lambda/platforms/google';
import { voiceFor } from '../../lambda/speech/voice';
import { CONVERSATIONS, type Platform } from '../../tools/bench/conversations';
import { judgeAnswer } from '../../tools/bench/load-answers';
import type { SpokenTurn } from '../../tools/bench/requests';
import { testStateSeal } from '../support/sealed-state';

/**
 * The load run counts an apology as an error. These answers come from the real platform adapters,
 * so the check is proven on the SSML and session state they really send.
 */
const voice = voiceFor('en-US', 'UTC');
const TURN: SpokenTurn = { intent: 'OrderStatusIntent', utterance: 'where is my order' };

async function answerBody(platform: Platform, router: Router): Promise<string> {
  const onError = () => undefined;
  const request = CONVERSATIONS[platform]('a-token').requestFor(TURN);
  if (platform === 'alexa') return JSON.stringify(await createAlexaSkill({ router, stateSeal: testStateSeal, onError }).invoke(request as RequestEnvelope));
  const result = await createGoogleApp({ router, stateSeal: testStateSeal, onError }).handler(request, {});
  return JSON.stringify(result.body);
}

const answering: Router = async (turn) =>
  listen(turn, voice.say('orderStatus.onTheWayCount', { count: 2 }), voice.say('orderStatus.moreReprompt'), {
    active: { flow: 'order-status', step: 'offered-more', data: {} },
  });
const apologizing: Router = async (turn) => listen(turn, voice.say('assistance.apology'), voice.say('assistance.apologyReprompt'));
const storeDown: Router = async (turn) =>
  listen(turn, voice.say('assistance.storeUnavailable', { phone: voice.telephone('18005550199') }), voice.say('assistance.apologyReprompt'));
const askingToLink: Router = async (turn) =>
  linkAccount(turn, voice.say(turn.platform === 'alexa' ? 'auth.linkAccountAlexa' : 'auth.linkAccountGoogle', { store: 'Northwind' }));
const failing: Router = async () => {
  throw new Error('the store fell over');
};

describe.each(['alexa', 'google'] as const)('judging load answers on %s', (platform) => {
  it('takes an answer that leaves the expected step as answered, and one that leaves another as unexpected', async () => {
    const body = await answerBody(platform, answering);
    expect(judgeAnswer(platform, body, 'order-status/offered-more')).toMatchObject({ verdict: 'answered', step: 'order-status/offered-more' });
    expect(judgeAnswer(platform, body, 'discovery/results').verdict).toBe('unexpected');
    expect(judgeAnswer(platform, body).said).toContain('You have 2 orders on the way.');
  });

  it('counts both apologies, whatever step was expected', async () => {
    expect(judgeAnswer(platform, await answerBody(platform, apologizing)).verdict).toBe('apology');
    expect(judgeAnswer(platform, await answerBody(platform, storeDown), 'none').verdict).toBe('apology');
  });

  it('counts a request to link the account', async () => {
    expect(judgeAnswer(platform, await answerBody(platform, askingToLink)).verdict).toBe('link-account');
  });

  it('takes a body without speech, or not JSON, as unexpected', () => {
    expect(judgeAnswer(platform, '{}').verdict).toBe('unexpected');
    expect(judgeAnswer(platform, '<html>').verdict).toBe('unexpected');
  });
});

it("counts the Alexa skill's own apology when the router throws", async () => {
  expect(judgeAnswer('alexa', await answerBody('alexa', failing)).verdict).toBe('apology');
});
