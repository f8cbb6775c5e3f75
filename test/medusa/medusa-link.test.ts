import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import request from 'supertest';
import { ConfigError, loadConfig } from '../../lambda/config';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Shopvoice's account linking for Medusa stores (platforms/medusa-link), its refusals in
 * particular, against a loopback stand-in for Medusa's auth routes and its `customers/me`. The
 * whole journey over a real Medusa is test/medusa/medusa-link.medusa.ts.
 */

const CLIENT_ID = 'alexa-skill';
const CLIENT_SECRET = 'a-client-secret-of-at-least-24-chars';
const REDIRECT = 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA';
const OTHER_REDIRECT = 'https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA';

/** A token shaped like Medusa's (a JWT living a day), named by a counter so refreshes differ. */
let issued = 0;
function medusaLikeToken(customerId: string): string {
  issued += 1;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part({ actor_id: customerId, n: issued, iat: 1_000, exp: 1_000 + 86_400 })}.sig${issued}`;
}

/** Medusa's two auth routes and `GET /store/customers/me`, for one customer. */
function fakeMedusa() {
  const valid = new Map<string, string>();
  const calls: string[] = [];
  const app = express();
  app.use(express.json());
  app.post('/auth/customer/emailpass', (req, res) => {
    calls.push('emailpass');
    if (req.body.email !== 'ava@example.com' || req.body.password !== 'right password') return res.status(401).json({ message: 'Invalid email or password' });
    const token = medusaLikeToken('cus_ava');
    valid.set(token, 'cus_ava');
    res.json({ token });
  });
  app.post('/auth/token/refresh', (req, res) => {
    calls.push('refresh');
    const old = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const customer = old ? valid.get(old) : undefined;
    if (!customer) return res.status(401).json({ message: 'Unauthorized' });
    const token = medusaLikeToken(customer);
    valid.set(token, customer);
    res.json({ token });
  });
  app.get('/store/customers/me', (req, res) => {
    const customer = valid.get(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
    if (!customer) return res.status(401).json({ message: 'Unauthorized' });
    res.json({ customer: { id: customer } });
  });
  return { app, calls, valid };
}

const medusa = fakeMedusa();
let medusaServer: Server;
let shopvoice: TestApp;

function medusaEnv(url: string, link = true): Record<string, string> {
  return {
    STORE_ADAPTER: 'medusa',
    MEDUSA_BACKEND_URL: url,
    MEDUSA_PUBLISHABLE_KEY: 'pk_01abc',
    MEDUSA_CHECKOUT_URL: 'https://shop.northwind.example/checkout?cart_id={cart_id}',
    ...(link ? { MEDUSA_LINK_CLIENT_ID: CLIENT_ID, MEDUSA_LINK_CLIENT_SECRET: CLIENT_SECRET, MEDUSA_LINK_REDIRECT_URIS: `${REDIRECT}, ${OTHER_REDIRECT}` } : {}),
  };
}

beforeAll(async () => {
  medusaServer = await new Promise<Server>((resolve) => {
    const server = medusa.app.listen(0, '127.0.0.1', () => resolve(server));
  });
  const url = `http://127.0.0.1:${(medusaServer.address() as AddressInfo).port}`;
  // The skill's store stays the embedded demo; identity is Medusa's, as configured.
  shopvoice = createTestApp(medusaEnv(url), { store: (embedded) => ({ store: embedded.store, close: () => {} }) });
});
afterAll(async () => {
  shopvoice.close();
  await new Promise((resolve) => medusaServer.close(resolve));
});

const authorizeQuery = (overrides: Record<string, string> = {}) => ({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, state: 'alexa-state-123', ...overrides });

/** The signed link request the sign-in form carries. */
function requestTokenIn(html: string): string {
  const token = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no request token in the form');
  return token;
}

async function signInForm(query = authorizeQuery()): Promise<string> {
  const page = await request(shopvoice.app).get('/link/medusa/authorize').query(query).expect(200);
  return requestTokenIn(page.text);
}

async function codeFor(query = authorizeQuery()): Promise<string> {
  const requestToken = await signInForm(query);
  const signedIn = await request(shopvoice.app).post('/link/medusa/authorize').type('form').send({ request: requestToken, email: 'ava@example.com', password: 'right password' }).expect(302);
  const back = new URL(signedIn.headers.location!);
  expect(`${back.origin}${back.pathname}`).toBe(query.redirect_uri);
  expect(back.searchParams.get('state')).toBe(query.state);
  return back.searchParams.get('code')!;
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('Medusa account linking: the sign-in page', () => {
  it('answers a form that carries the request signed, with no script, frame or cache allowed', async () => {
    const page = await request(shopvoice.app).get('/link/medusa/authorize').query(authorizeQuery()).set('accept-language', 'de-DE,de;q=0.9').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).toContain('Passwort');
    expect(page.text).toMatch(/<form method="post" action="authorize">/);
  });

  it.each([
    ['an unknown client', { client_id: 'someone-else' }],
    ['a redirect URL that is not Alexa’s', { redirect_uri: 'https://attacker.example/cb' }],
    ['a redirect URL that only starts like Alexa’s', { redirect_uri: `${REDIRECT}/../../evil` }],
  ])('refuses %s with a page, never a redirect', async (_name, overrides) => {
    const page = await request(shopvoice.app).get('/link/medusa/authorize').query(authorizeQuery(overrides)).expect(400);
    expect(page.headers.location).toBeUndefined();
    expect(page.text).toContain('This link request is not valid');
    expect(page.text).not.toContain('name="request"');
  });

  it('sends an unsupported response type back to Alexa as an OAuth error', async () => {
    const answer = await request(shopvoice.app).get('/link/medusa/authorize').query(authorizeQuery({ response_type: 'token' })).expect(302);
    const back = new URL(answer.headers.location!);
    expect(back.searchParams.get('error')).toBe('unsupported_response_type');
    expect(back.searchParams.get('state')).toBe('alexa-state-123');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('shows the form again, with a plain message and the email escaped, when Medusa refuses the password', async () => {
    const requestToken = await signInForm();
    const email = 'ava@example.com"><script>alert(1)</script>';
    const page = await request(shopvoice.app).post('/link/medusa/authorize').type('form').send({ request: requestToken, email, password: 'wrong' }).expect(200);
    expect(page.headers.location).toBeUndefined();
    expect(page.text).toContain('That email and password didn&apos;t work');
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('value="ava@example.com&quot;&gt;&lt;script&gt;');
    expect(requestTokenIn(page.text)).toBeTruthy();
  });

  it('stops asking Medusa for an email after five failed sign-ins, and says so', async () => {
    const post = (requestToken: string, email: string) => request(shopvoice.app).post('/link/medusa/authorize').type('form').send({ request: requestToken, email, password: 'guess' });
    let requestToken = await signInForm();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const page = await post(requestToken, 'Guessed@Example.com').expect(200);
      requestToken = requestTokenIn(page.text);
    }
    const before = medusa.calls.length;
    const blocked = await post(requestToken, 'guessed@example.com').expect(429);
    expect(blocked.text).toContain('Too many tries with this email');
    expect(medusa.calls.length).toBe(before);
    // Another shopper's email is untouched.
    await post(requestToken, 'someone@example.com').expect(200);
  });

  it('refuses a form whose signed request was altered, without asking Medusa', async () => {
    const requestToken = await signInForm();
    const [payload, mac] = requestToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...claims, redirectUri: 'https://attacker.example/cb' })).toString('base64url')}.${mac}`;
    const before = medusa.calls.length;
    for (const token of [forged, 'not-a-token', '']) {
      const page = await request(shopvoice.app).post('/link/medusa/authorize').type('form').send({ request: token, email: 'ava@example.com', password: 'right password' }).expect(400);
      expect(page.headers.location).toBeUndefined();
      expect(page.text).toContain('This link request is not valid');
    }
    expect(medusa.calls.length).toBe(before);
  });
});

describe('Medusa account linking: the token endpoint', () => {
  it('exchanges a code once for the Medusa token, and refreshes it through Medusa', async () => {
    const code = await codeFor();
    const exchanged = await request(shopvoice.app)
      .post('/link/medusa/token')
      .set('authorization', basic(CLIENT_ID, CLIENT_SECRET))
      .type('form')
      .send({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })
      .expect(200);
    expect(exchanged.headers['cache-control']).toBe('no-store');
    expect(exchanged.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 86_400 - 300, refresh_token: expect.any(String) });
    expect(medusa.valid.get(exchanged.body.access_token)).toBe('cus_ava');
    expect(exchanged.body.refresh_token).not.toContain(exchanged.body.access_token);

    const reused = await request(shopvoice.app).post('/link/medusa/token').set('authorization', basic(CLIENT_ID, CLIENT_SECRET)).type('form').send({ grant_type: 'authorization_code', code }).expect(400);
    expect(reused.body).toEqual({ error: 'invalid_grant' });

    // Credentials in the body are as good as HTTP Basic (RFC 6749 §2.3.1).
    const refreshed = await request(shopvoice.app)
      .post('/link/medusa/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: exchanged.body.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
      .expect(200);
    expect(refreshed.body.access_token).not.toBe(exchanged.body.access_token);
    expect(medusa.valid.get(refreshed.body.access_token)).toBe('cus_ava');
  });

  it('refuses a wrong client secret with 401 invalid_client, and spends no code on it', async () => {
    const code = await codeFor();
    const refused = await request(shopvoice.app).post('/link/medusa/token').set('authorization', basic(CLIENT_ID, 'wrong-secret')).type('form').send({ grant_type: 'authorization_code', code }).expect(401);
    expect(refused.body).toEqual({ error: 'invalid_client' });
    expect(refused.headers['www-authenticate']).toMatch(/^Basic /);
    const noClient = await request(shopvoice.app).post('/link/medusa/token').type('form').send({ grant_type: 'authorization_code', code }).expect(401);
    expect(noClient.body).toEqual({ error: 'invalid_client' });
    await request(shopvoice.app).post('/link/medusa/token').set('authorization', basic(CLIENT_ID, CLIENT_SECRET)).type('form').send({ grant_type: 'authorization_code', code }).expect(200);
  });

  it('refuses made-up codes, a code for another redirect URL, forged refresh tokens and unknown grants', async () => {
    const token = (body: Record<string, string>) => request(shopvoice.app).post('/link/medusa/token').set('authorization', basic(CLIENT_ID, CLIENT_SECRET)).type('form').send(body);
    expect((await token({ grant_type: 'authorization_code', code: 'made-up' }).expect(400)).body).toEqual({ error: 'invalid_grant' });
    const code = await codeFor(authorizeQuery({ redirect_uri: OTHER_REDIRECT }));
    expect((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }).expect(400)).body).toEqual({ error: 'invalid_grant' });
    expect((await token({ grant_type: 'refresh_token', refresh_token: 'AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA' }).expect(400)).body).toEqual({ error: 'invalid_grant' });
    expect((await token({ grant_type: 'password', username: 'ava@example.com', password: 'right password' }).expect(400)).body).toEqual({ error: 'unsupported_grant_type' });
  });
});

describe('Medusa account linking: configuration', () => {
  it('is not served unless MEDUSA_LINK_* are set', async () => {
    const unlinked = createTestApp(medusaEnv('http://127.0.0.1:9'  , false), { store: (embedded) => ({ store: embedded.store, close: () => {} }) });
    try {
      await request(unlinked.app).get('/link/medusa/authorize').query(authorizeQuery()).expect(404);
      await request(unlinked.app).post('/link/medusa/token').type('form').send({ grant_type: 'authorization_code', code: 'x' }).expect(404);
    } finally {
      unlinked.close();
    }
  });

  it('needs all three settings, and https redirect URLs', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ NODE_ENV: 'test', ...env });
        return [];
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
    };
    const { MEDUSA_LINK_CLIENT_SECRET: _secret, ...withoutSecret } = medusaEnv('https://api.northwind.example');
    expect(problems(withoutSecret).join('\n')).toContain('account linking needs all three');
    expect(problems({ ...medusaEnv('https://api.northwind.example'), MEDUSA_LINK_REDIRECT_URIS: 'http://layla.amazon.com/x' }).join('\n')).toContain('MEDUSA_LINK_REDIRECT_URIS');
    expect(loadConfig({ NODE_ENV: 'test', ...medusaEnv('https://api.northwind.example') }).commerce).toMatchObject({ link: { clientId: CLIENT_ID, redirectUris: [REDIRECT, OTHER_REDIRECT] } });
  });
});
