import request from 'supertest';
import { createMedusaAccessTokenVerifier } from '../../lambda/commerce/medusa/medusa-store-commerce';
import { answered, PLATFORMS } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';
import { medusaConnection, medusaCustomer, medusaSource, TEST_CHECKOUT_URL } from './medusa-store-under-test';

/**
 * Account linking over a real Medusa: Alexa's Auth Code Grant against Shopvoice's
 * /link/medusa/* (platforms/medusa-link), a demo customer signing in with their Medusa password,
 * and the token Alexa ends up with being that Medusa customer's on the next turn.
 */
const CLIENT_ID = 'alexa-skill';
const CLIENT_SECRET = 'a-client-secret-of-at-least-24-chars';
const REDIRECT = 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA';
const SLOW_STORE = { TURN_BUDGET_MS: '7000', PROGRESS_AFTER_MS: '400' };

let medusa: TestApp;
let embedded: TestApp;

beforeAll(() => {
  const connection = medusaConnection();
  medusa = createTestApp({
    ...SLOW_STORE,
    STORE_ADAPTER: 'medusa',
    MEDUSA_BACKEND_URL: connection.url,
    MEDUSA_PUBLISHABLE_KEY: connection.publishableKey,
    MEDUSA_SECRET_API_KEY: connection.secretKey,
    MEDUSA_CHECKOUT_URL: TEST_CHECKOUT_URL,
    MEDUSA_LINK_CLIENT_ID: CLIENT_ID,
    MEDUSA_LINK_CLIENT_SECRET: CLIENT_SECRET,
    MEDUSA_LINK_REDIRECT_URIS: REDIRECT,
  });
  embedded = createTestApp({}, { store: (store) => ({ store: store.store, close: () => {} }) });
});
afterAll(() => {
  medusa.close();
  embedded.close();
});

const [, alexa] = PLATFORMS[0];
const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

describe('account linking over Medusa', () => {
  it('links a demo customer by their Medusa password, and Alexa then tells them where their orders are', async () => {
    const ben = medusaCustomer('shopper-ben');
    const page = await request(medusa.app).get('/link/medusa/authorize').query({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, state: 'st-42' }).expect(200);
    const requestToken = /name="request" value="([^"]+)"/.exec(page.text)![1]!;

    const wrong = await request(medusa.app).post('/link/medusa/authorize').type('form').send({ request: requestToken, email: ben.email, password: `${ben.password}x` }).expect(200);
    expect(wrong.headers.location).toBeUndefined();
    expect(wrong.text).toContain('That email and password didn&apos;t work');

    const signedIn = await request(medusa.app).post('/link/medusa/authorize').type('form').send({ request: requestToken, email: ben.email, password: ben.password }).expect(302);
    const back = new URL(signedIn.headers.location!);
    expect(back.searchParams.get('state')).toBe('st-42');

    const tokens = await request(medusa.app)
      .post('/link/medusa/token')
      .set('authorization', basic)
      .type('form')
      .send({ grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: REDIRECT })
      .expect(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    // The adapter's own token check: Medusa says whose token it is.
    expect(await createMedusaAccessTokenVerifier(medusaSource()).verify(tokens.body.access_token)).toEqual({ shopperId: ben.id });

    const heard = answered(await alexa(medusa.app, { token: tokens.body.access_token }).say('OrderStatusIntent'), 'alexa');
    expect(heard.linkAccount).toBe(false);
    expect(heard.text).toBe(answered(await alexa(embedded.app, { token: await embedded.token('shopper-ben') }).say('OrderStatusIntent'), 'alexa').text);

    // Medusa's refresh (POST /auth/token/refresh) gives a token for the same customer.
    const refreshed = await request(medusa.app).post('/link/medusa/token').set('authorization', basic).type('form').send({ grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token }).expect(200);
    expect(await createMedusaAccessTokenVerifier(medusaSource()).verify(refreshed.body.access_token)).toEqual({ shopperId: ben.id });

    const reused = await request(medusa.app).post('/link/medusa/token').set('authorization', basic).type('form').send({ grant_type: 'authorization_code', code: back.searchParams.get('code') }).expect(400);
    expect(reused.body).toEqual({ error: 'invalid_grant' });
  });
});
