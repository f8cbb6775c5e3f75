import express from 'express';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import type { Router } from '../../lambda/core/router';
import { end, linkAccount, listen } from '../../lambda/core/replies';
import type { Turn } from '../../lambda/core/turn';
import { createGoogleApp, createGoogleWebhook, googleTurn } from '../../lambda/platforms/google';
import { cheerful, text } from '../../lambda/speech/speech';
import { webhookRequest } from '../support/google-requests';
import { testStateSeal } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';

const PROJECT = 'northwind-shopvoice';

async function googleSigner() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'google-test', alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  const sign = (claims: { aud?: string; iss?: string; exp?: string } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'google-test' })
      .setIssuer(claims.iss ?? 'https://accounts.google.com')
      .setAudience(claims.aud ?? PROJECT)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(privateKey);
  return { keys, sign };
}

function webhookApp(router: Router, options: { projectId?: string; keys?: Awaited<ReturnType<typeof googleSigner>>['keys'] } = {}) {
  const app = express();
  app.post(
    '/google',
    express.json(),
    createGoogleWebhook({ app: createGoogleApp({ router, stateSeal: testStateSeal }), projectId: options.projectId, signingKeys: options.keys }),
  );
  return app;
}

describe('Google adapter', () => {
  it('maps intent, params, query, token, locale and device onto the Turn', async () => {
    const turns: Turn[] = [];
    const app = webhookApp(async (turn) => (turns.push(turn), end(turn, [text('ok')])));
    await request(app)
      .post('/google')
      .send(
        webhookRequest(
          'OrderStatusIntent',
          { orderNumber: { original: 'ten forty two', resolved: 1042 }, item: { original: 'sneakers', resolved: 'shoes' } },
          { bearerToken: 'token-123', query: 'where are my sneakers', locale: 'en-US', sessionId: 'session-1' },
        ),
      );
    await request(app).post('/google').send(webhookRequest('actions.intent.CANCEL'));
    await request(app).post('/google').send(webhookRequest('actions.intent.NO_MATCH_2'));
    await request(app).post('/google').send(webhookRequest('actions.intent.MAIN'));
    // Back from Google's sign-in (any outcome): the conversation starts over, now knowing the token.
    await request(app).post('/google').send(webhookRequest('', {}, { scene: 'AccountLinking_AccountLinking' }));
    expect(turns[0]).toMatchObject({
      platform: 'google',
      locale: 'en-US',
      accessToken: 'token-123',
      utterance: 'where are my sneakers',
      sessionId: 'session-1',
      device: { screen: true },
      event: { kind: 'intent', intent: 'OrderStatusIntent', slots: { orderNumber: { spoken: 'ten forty two', id: '1042' }, item: { spoken: 'sneakers', id: 'shoes' } } },
    });
    expect(turns.slice(1).map((turn) => (turn.event.kind === 'intent' ? turn.event.intent : turn.event.kind))).toEqual([
      'CancelIntent',
      'FallbackIntent',
      'launch',
      'launch',
    ]);
  });

  it('writes speech without amazon tags, a card, suggestions, state and the next scene', async () => {
    const app = webhookApp(async (turn) =>
      listen(turn, [cheerful([text('Hi & welcome')])], [text('Still there?')], {
        card: { title: 'Orders', text: 'Order 1042' },
        suggestions: ['Yes', 'A suggestion that is far too long for a chip'],
        active: { flow: 'order-status', step: 'offered-more', data: { remaining: ['1'] } },
      }),
    );
    const response = await request(app).post('/google').send(webhookRequest('OrderStatusIntent', {}, { scene: 'actions.scene.START_CONVERSATION' }));
    expect(response.status).toBe(200);
    const { prompt, session, scene } = response.body;
    expectValidSsml(prompt.firstSimple.speech, 'google');
    expect(prompt.firstSimple.speech).toBe('<speak>Hi &amp; welcome</speak>');
    expect(prompt.firstSimple.text).toBe('Hi & welcome');
    expect(prompt.content.card).toMatchObject({ title: 'Orders', text: 'Order 1042' });
    expect(prompt.suggestions).toEqual([{ title: 'Yes' }]);
    // Sealed for this conversation: readable, but opened only with the MAC intact.
    expect(session.params.shopvoice).toEqual({ state: expect.any(Object), mac: expect.stringMatching(/^[\w-]{43}$/) });
    expect(session.params.shopvoice.state.active).toEqual({ flow: 'order-status', step: 'offered-more', data: { remaining: ['1'] } });
    expect(scene.next.name).toBe('Conversation');
  });

  it('sends a shopper who must link to the account-linking scene, and ends conversations', async () => {
    const linking = await request(webhookApp(async (turn) => linkAccount(turn, [text('Please link')]))).post('/google').send(webhookRequest('OrderStatusIntent'));
    expect(linking.body.scene.next.name).toBe('AccountLinking');
    expect(linking.body.session.params.accountLinkingContext).toBe('Please link');
    const ending = await request(webhookApp(async (turn) => end(turn, [text('Bye')]))).post('/google').send(webhookRequest('StopIntent'));
    expect(ending.body.scene.next.name).toBe('actions.scene.END_CONVERSATION');
  });

  it('shows no card or chips on a speaker without a screen', async () => {
    const app = webhookApp(async (turn) => end(turn, [text('Hi')], { card: { title: 'T', text: 'x' }, suggestions: ['Yes'] }));
    const response = await request(app).post('/google').send(webhookRequest('OrderStatusIntent', {}, { screen: false }));
    expect(response.body.prompt.content).toBeUndefined();
    expect(response.body.prompt.suggestions).toBeUndefined();
  });

  it("reads Google's DateTime slot values as the ISO day or month, keeping the words", () => {
    const conv = (resolved: unknown) =>
      ({ intent: { name: 'ReturnItemIntent', params: { date: { original: 'last tuesday', resolved } }, query: '' }, session: { id: 's', params: {} }, user: { params: {} }, device: {} }) as any;
    const date = (resolved: unknown) => {
      const event = googleTurn(conv(resolved), testStateSeal).event;
      return event.kind === 'intent' ? event.slots.date : undefined;
    };
    expect(date({ year: 2026, month: 11, day: 24 })).toEqual({ spoken: 'last tuesday', id: '2026-11-24' });
    expect(date({ year: 2026, month: 3 })).toEqual({ spoken: 'last tuesday', id: '2026-03' });
    expect(date({ hours: 9 })).toEqual({ spoken: 'last tuesday' });
  });

  it('reads a turn without a session or user gracefully', () => {
    const turn = googleTurn({ intent: { name: 'HelpIntent', params: {}, query: '' }, session: { id: 's', params: {} }, user: { params: {} }, device: {} } as any, testStateSeal);
    expect(turn.event).toEqual({ kind: 'intent', intent: 'HelpIntent', slots: {} });
    expect(turn.locale).toBe('en-US');
  });
});

describe('Google request verification', () => {
  const router: Router = async (turn) => end(turn, [text('verified')]);

  it('accepts a request signed by Google for this project', async () => {
    const { keys, sign } = await googleSigner();
    const response = await request(webhookApp(router, { projectId: PROJECT, keys }))
      .post('/google')
      .set('google-assistant-signature', await sign())
      .send(webhookRequest('HelpIntent'));
    expect(response.status).toBe(200);
    expect(response.body.prompt.firstSimple.speech).toBe('<speak>verified</speak>');
  });

  it.each([
    ['no signature', async () => undefined],
    ['a signature for another project', async (sign: (c?: object) => Promise<string>) => sign({ aud: 'someone-else' })],
    ['an expired signature', async (sign: (c?: object) => Promise<string>) => sign({ exp: '-1m' })],
    ['another issuer', async (sign: (c?: object) => Promise<string>) => sign({ iss: 'https://evil.example' })],
    ['a forged signature', async () => (await googleSigner()).sign()],
  ])('refuses %s with 401 and no internals', async (_name, makeSignature) => {
    const { keys, sign } = await googleSigner();
    const signature = await makeSignature(sign);
    const call = request(webhookApp(router, { projectId: PROJECT, keys })).post('/google');
    const response = await (signature ? call.set('google-assistant-signature', signature) : call).send(webhookRequest('HelpIntent'));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'request signature could not be verified' });
  });
});
