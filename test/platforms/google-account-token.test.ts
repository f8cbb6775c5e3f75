import request from 'supertest';
import { expectValidSsml } from '../support/ssml-checks';
import { mainInvocation, webhookRequest } from '../support/google-requests';
import { speechText } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Which token a Google webhook request carries for the shopper, through the real express app:
 * `user.params.bearerToken` in the body; an `Authorization: Bearer` header only when the body has
 * none. A garbage header never cancels a valid token in the body.
 */

let testApp: TestApp;
let ava: string;
let ben: string;
beforeAll(async () => {
  testApp = createTestApp();
  ava = await testApp.token('shopper-ava');
  ben = await testApp.token('shopper-ben');
});
afterAll(() => testApp.close());

const GARBAGE_HEADERS = ['garbage', 'Bearer', 'Bearer ', 'Bearer not-a-jwt', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'Bearer x Bearer y', ''];

interface Sent {
  readonly bodyToken?: string;
  readonly authorization?: string;
}

/** A launch ("talk to Northwind") as Google sends it, marked linked whenever a token travels anywhere. */
async function launch({ bodyToken, authorization }: Sent) {
  const body = mainInvocation({ bearerToken: bodyToken });
  const linked = bodyToken !== undefined || authorization !== undefined;
  const sent = { ...body, user: { ...body.user, accountLinkingStatus: linked ? 'LINKED' : 'NOT_LINKED' } };
  const call = request(testApp.app).post('/google');
  const response = authorization === undefined ? await call.send(sent) : await call.set('Authorization', authorization).send(sent);
  expect(response.status).toBe(200);
  const ssml = String(response.body.prompt?.firstSimple?.speech ?? '');
  expectValidSsml(ssml, 'google');
  return { text: speechText(ssml), body: response.body as Record<string, unknown>, raw: JSON.stringify(response.body) };
}

/** "Where is my order", which needs a linked shopper. */
async function orderStatus({ bodyToken, authorization }: Sent) {
  const body = webhookRequest('OrderStatusIntent', {}, { bearerToken: bodyToken });
  const call = request(testApp.app).post('/google');
  const response = authorization === undefined ? await call.send(body) : await call.set('Authorization', authorization).send(body);
  expect(response.status).toBe(200);
  return { text: speechText(String(response.body.prompt?.firstSimple?.speech ?? '')), nextScene: response.body.scene?.next?.name as string | undefined };
}

const WELCOME_AVA = /^Welcome back to Northwind Outfitters, Ava!/;
const WELCOME_BEN = /^Welcome back to Northwind Outfitters, Ben!/;
const WELCOME_GUEST = /^Welcome to Northwind Outfitters!/;

describe('the shopper token on Google', () => {
  it('both carry a valid token: the body token speaks (the same shopper, as Google sends it)', async () => {
    expect((await launch({ bodyToken: ava, authorization: `Bearer ${ava}` })).text).toMatch(WELCOME_AVA);
    // Two different valid tokens only come from someone other than Google: the body still decides.
    expect((await launch({ bodyToken: ava, authorization: `Bearer ${ben}` })).text).toMatch(WELCOME_AVA);
    expect((await launch({ bodyToken: ben, authorization: `Bearer ${ava}` })).text).toMatch(WELCOME_BEN);
  });

  it('a garbage Authorization header no longer cancels a valid token in user.params', async () => {
    for (const authorization of GARBAGE_HEADERS) {
      const heard = await launch({ bodyToken: ava, authorization });
      expect({ authorization, text: heard.text }).toEqual({ authorization, text: expect.stringMatching(WELCOME_AVA) });
      const asked = await orderStatus({ bodyToken: ava, authorization });
      expect({ authorization, scene: asked.nextScene }).not.toEqual({ authorization, scene: 'AccountLinking' });
      expect(asked.text).not.toContain('link your');
    }
  });

  it('a valid header with a garbage token in user.params: the body decides, the shopper is asked to link', async () => {
    for (const garbage of ['not-a-jwt', 'a.b.c', ben.slice(0, -4)]) {
      const heard = await orderStatus({ bodyToken: garbage, authorization: `Bearer ${ava}` });
      expect(heard.nextScene).toBe('AccountLinking');
      expect(heard.text).toContain('link your Northwind Outfitters account');
      expect((await launch({ bodyToken: garbage, authorization: `Bearer ${ava}` })).text).toMatch(WELCOME_GUEST);
    }
  });

  it('a valid header with no token in the body stands in for it', async () => {
    expect((await launch({ authorization: `Bearer ${ava}` })).text).toMatch(WELCOME_AVA);
    expect((await launch({ authorization: `bearer ${ben}` })).text).toMatch(WELCOME_BEN);
    expect((await orderStatus({ authorization: `Bearer ${ava}` })).nextScene).not.toBe('AccountLinking');
  });

  it('neither: a guest, asked to link for what needs an account', async () => {
    expect((await launch({})).text).toMatch(WELCOME_GUEST);
    for (const authorization of [undefined, ...GARBAGE_HEADERS]) {
      const heard = await orderStatus({ authorization });
      expect({ authorization, scene: heard.nextScene }).toEqual({ authorization, scene: 'AccountLinking' });
      expect(heard.text).toContain('link your Northwind Outfitters account');
    }
  });

  it('never echoes a token back to Google in the response', async () => {
    for (const sent of [{ bodyToken: ava, authorization: 'garbage' }, { authorization: `Bearer ${ava}` }, { bodyToken: ava, authorization: `Bearer ${ben}` }]) {
      const heard = await launch(sent);
      expect(heard.body.user).toBeUndefined();
      expect(heard.raw).not.toContain(ava.split('.')[2]!);
      expect(heard.raw).not.toContain(ben.split('.')[2]!);
    }
  });
});
