import request from 'supertest';
import { observedApp, type ObservedApp } from './observed-app';

/** `GET /metrics` behind METRICS_TOKEN: Prometheus sends the token, nobody else reads the figures. */

const TOKEN = 'metrics-token-0123456789abcdef';

describe('GET /metrics with METRICS_TOKEN set', () => {
  let testApp: ObservedApp;
  beforeAll(() => {
    testApp = observedApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => testApp.close());

  it('answers a request carrying the token', async () => {
    for (const header of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer  ${TOKEN} `]) {
      const response = await request(testApp.app).get('/metrics').set('Authorization', header);
      expect({ header, status: response.status }).toEqual({ header, status: 200 });
      expect(response.text).toMatch(/^# HELP shopvoice_/m);
    }
  });

  it('refuses any other request with 401 and a short body that shows no figures', async () => {
    const attempts: (string | undefined)[] = [
      undefined,
      '',
      'Bearer',
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString('base64')}`,
      TOKEN,
      `Bearer ${TOKEN} ${TOKEN}`,
    ];
    for (const header of attempts) {
      const call = request(testApp.app).get('/metrics');
      const response = header === undefined ? await call : await call.set('Authorization', header);
      expect({ header, status: response.status }).toEqual({ header, status: 401 });
      expect(response.body).toEqual({ error: 'unauthorized' });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.text).not.toContain('shopvoice_');
      expect(response.text).not.toContain(TOKEN);
    }
  });

  it('guards nothing else: the platforms and the health check answer as before', async () => {
    expect((await request(testApp.app).get('/healthz')).status).toBe(200);
    const google = await request(testApp.app).post('/google').send({ handler: { name: 'nope' } });
    expect(google.status).toBe(400);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('answers anyone, as it always has (keep it on a private network)', async () => {
    const testApp = observedApp();
    try {
      const response = await request(testApp.app).get('/metrics');
      expect(response.status).toBe(200);
      expect(response.text).toMatch(/^# HELP shopvoice_/m);
    } finally {
      testApp.close();
    }
  });
});
