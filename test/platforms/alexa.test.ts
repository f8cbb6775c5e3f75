import type { RequestEnvelope } from 'ask-sdk-model';
import type { Router } from '../../lambda/core/router';
import { end } from '../../lambda/core/replies';
import type { Turn } from '../../lambda/core/turn';
import { createAlexaSkill } from '../../lambda/platforms/alexa';
import { text } from '../../lambda/speech/speech';
import { intentRequest, launchRequest, sessionEndedRequest, TEST_SKILL_ID } from '../support/alexa-envelopes';
import { sealedWith, sessionState, TEST_SESSION_STATE_SECRET, testStateSeal } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';

/** A router that records the turns it is given and answers with a fixed line. */
function recordingRouter(): { router: Router; turns: Turn[] } {
  const turns: Turn[] = [];
  return { turns, router: async (turn) => (turns.push(turn), end(turn, [text('ok & done')])) };
}

const asEnvelope = (value: object) => value as unknown as RequestEnvelope;

describe('Alexa adapter (skill.invoke with real envelopes)', () => {
  it('maps built-in intents, slots and entity resolution onto the Turn', async () => {
    const { router, turns } = recordingRouter();
    const skill = createAlexaSkill({ router, stateSeal: testStateSeal });
    await skill.invoke(
      asEnvelope(
        intentRequest(
          'OrderStatusIntent',
          { orderNumber: '1042', item: { value: 'sneakers', id: 'shoes', name: 'shoes' } },
          { accessToken: 'token-123', locale: 'en-US', screen: true },
        ),
      ),
    );
    await skill.invoke(asEnvelope(intentRequest('AMAZON.HelpIntent')));
    await skill.invoke(asEnvelope(intentRequest('AMAZON.NavigateHomeIntent')));
    await skill.invoke(asEnvelope(intentRequest('SomethingUnknownIntent')));
    expect(turns[0]).toMatchObject({
      platform: 'alexa',
      locale: 'en-US',
      accessToken: 'token-123',
      device: { screen: true },
      event: {
        kind: 'intent',
        intent: 'OrderStatusIntent',
        slots: { orderNumber: { spoken: '1042' }, item: { spoken: 'sneakers', id: 'shoes', canonical: 'shoes' } },
      },
    });
    expect(turns.slice(1).map((turn) => (turn.event.kind === 'intent' ? turn.event.intent : turn.event.kind))).toEqual([
      'HelpIntent',
      'StopIntent',
      'FallbackIntent',
    ]);
  });

  it('keeps a slot without an entity-resolution match as heard', async () => {
    const { router, turns } = recordingRouter();
    await createAlexaSkill({ router, stateSeal: testStateSeal }).invoke(
      asEnvelope(intentRequest('OrderStatusIntent', { item: { value: 'hovercraft', authority: 'x' } })),
    );
    expect(turns[0]!.event).toMatchObject({ slots: { item: { spoken: 'hovercraft' } } });
    expect((turns[0]!.event as { slots: Record<string, object> }).slots.item).not.toHaveProperty('id');
  });

  it('answers SessionEndedRequest with an empty response', async () => {
    const { router, turns } = recordingRouter();
    const response = await createAlexaSkill({ router, stateSeal: testStateSeal }).invoke(asEnvelope(sessionEndedRequest()));
    expect(turns[0]!.event.kind).toBe('session-ended');
    expect(response.response.outputSpeech).toBeUndefined();
  });

  it('rejects a request for another skill when the skill id is set', async () => {
    const { router } = recordingRouter();
    const skill = createAlexaSkill({ router, stateSeal: testStateSeal, skillId: TEST_SKILL_ID });
    await expect(skill.invoke(asEnvelope(launchRequest()))).resolves.toBeDefined();
    await expect(skill.invoke(asEnvelope(launchRequest({ applicationId: 'amzn1.ask.skill.someone-else' })))).rejects.toThrow();
  });

  it('apologises, in valid SSML, when the router fails', async () => {
    const errors: unknown[] = [];
    const skill = createAlexaSkill({
      stateSeal: testStateSeal,
      router: async () => {
        throw new Error('boom');
      },
      onError: (error) => errors.push(error),
    });
    const carried = sealedWith({ sessionStateSecret: TEST_SESSION_STATE_SECRET }, 'alexa', 'amzn1.echo-api.session.apology', sessionState({ misunderstood: 1 }));
    const envelope = intentRequest('OrderStatusIntent', {}, { sessionId: 'amzn1.echo-api.session.apology', attributes: { shopvoice: carried } });
    const response = await skill.invoke(asEnvelope(envelope));
    const ssml = (response.response.outputSpeech as { ssml: string }).ssml;
    expectValidSsml(ssml, 'alexa');
    expect(ssml).toContain('Sorry, something went wrong on my side');
    expect(response.response.shouldEndSession).toBe(false);
    // The state is left exactly as it came, seal and all, so the shopper can simply try again.
    expect(response.sessionAttributes).toEqual({ shopvoice: carried });
    expect(errors).toHaveLength(1);
  });
});
