import request from 'supertest';
import { guardedIntent } from '../../lambda/core/purchase-guard';
import { freshSessionState } from '../../lambda/core/session-state';
import type { Turn } from '../../lambda/core/turn';
import { webhookRequest } from '../support/google-requests';
import { createTestApp } from '../support/test-app';

const turnSaying = (utterance: string | undefined, locale = 'en-US'): Turn =>
  ({ platform: 'google', locale, requestId: 'r', sessionId: 's', state: freshSessionState(), utterance, event: { kind: 'intent', intent: 'ReorderIntent', slots: {} } }) as unknown as Turn;

describe('a return, refund or exchange never starts a purchase', () => {
  it.each([
    ['return my last order', 'en-US'],
    ['i want a refund for the same thing', 'en-US'],
    ['can i exchange my last order', 'en-US'],
    ['send it back', 'en-US'],
    ['ich möchte meine letzte Bestellung zurückschicken', 'de-DE'],
    ['Geld zurück für die letzte Bestellung', 'de-DE'],
  ])('"%s" is a return, however it was understood', (utterance, locale) => {
    expect(guardedIntent(turnSaying(utterance, locale), 'ReorderIntent')).toBe('ReturnItemIntent');
    expect(guardedIntent(turnSaying(utterance, locale), 'BuyIntent')).toBe('ReturnItemIntent');
  });

  it.each(['reorder my last order', 'order the same thing again', 'buy the first one'])('"%s" stays a purchase', (utterance) => {
    expect(guardedIntent(turnSaying(utterance), 'ReorderIntent')).toBe('ReorderIntent');
  });

  it('leaves other intents, and turns without words, alone', () => {
    expect(guardedIntent(turnSaying('return my shoes'), 'OrderStatusIntent')).toBe('OrderStatusIntent');
    expect(guardedIntent(turnSaying(undefined), 'ReorderIntent')).toBe('ReorderIntent');
  });

  it('on Google, "return my last order" matched as a reorder starts a return and offers no order', async () => {
    const testApp = createTestApp();
    try {
      const token = await testApp.token('shopper-ava');
      const body = webhookRequest('ReorderIntent', { lastOrder: { original: 'last order', resolved: 'last-order' } }, { bearerToken: token, query: 'return my last order' });
      const response = await request(testApp.app).post('/google').send(body);
      expect(response.status).toBe(200);
      const speech = response.body.prompt.firstSimple.speech as string;
      expect(speech).not.toMatch(/Shall I order/i);
      expect(response.body.session.params.shopvoice.state.active).toMatchObject({ flow: 'returns' });
    } finally {
      testApp.close();
    }
  });
});
