import type { Commerce } from '../../lambda/commerce/ports';
import type { Flow } from '../../lambda/core/flow';
import type { IntentName } from '../../lambda/core/intents';
import { listen } from '../../lambda/core/replies';
import { MAX_SPEECH_SSML_CHARS, ReplyTooLongError } from '../../lambda/core/reply-limits';
import { createRouter } from '../../lambda/core/router';
import { freshSessionState, MAX_SESSION_STATE_BYTES, type SessionState, sessionStateBytes } from '../../lambda/core/session-state';
import type { Turn } from '../../lambda/core/turn';
import { assistance } from '../../lambda/flows/assistance';
import { plainText, text } from '../../lambda/speech/speech';
import { renderSsml } from '../../lambda/speech/ssml';

/**
 * Whatever a flow (or a state carried in) makes of a turn, nothing leaves the router that a
 * platform would refuse: speech over Alexa's SSML limit, or a session state over its cap.
 */

/** Words that fill `chars` characters, with characters SSML has to escape. */
const wordsOf = (chars: number) => 'fish & chips '.repeat(Math.ceil(chars / 13)).slice(0, chars);

/** A flow that says and keeps as much as it is told to, on FindProductIntent. */
let said = '';
let kept: Record<string, unknown> = {};
const greedyFlow: Flow = {
  name: 'discovery',
  needsShopper: false,
  startsOn: ['FindProductIntent'],
  start: async (context) =>
    listen(context.turn, [text(said)], [text('Which one?')], { active: { flow: 'discovery', step: 'results', data: kept } }),
  continue: async () => undefined,
};

const errors: unknown[] = [];
const commerce = { conversations: { append: async () => undefined, turns: async () => [] } } as unknown as Commerce;
const route = createRouter({
  flows: [greedyFlow],
  assistance,
  commerce,
  store: { name: 'Test Store', supportPhone: '18005550199', timeZone: 'UTC', followUpBusinessDays: 1 },
  verifyAccessToken: async () => undefined,
  onError: (error) => errors.push(error),
});

function turn(intent: IntentName, state: SessionState = freshSessionState()): Turn {
  return {
    platform: 'alexa',
    locale: 'en-US',
    event: { kind: 'intent', intent, slots: {} },
    state,
    device: { screen: false },
    requestId: 'r1',
    sessionId: 's1',
  };
}

beforeEach(() => {
  said = 'Here are three.';
  kept = { shown: ['a', 'b', 'c'] };
  errors.length = 0;
});

describe('reply limits in the router', () => {
  it('lets an ordinary reply through untouched, "repeat that" included', async () => {
    const reply = await route(turn('FindProductIntent'));
    expect(plainText(reply.speech)).toBe('Here are three.');
    expect(reply.state.active?.data).toEqual({ shown: ['a', 'b', 'c'] });
    expect(reply.state.lastSpeech).toEqual(reply.speech);
  });

  it('keeps the flow going without "repeat that" when only the repeat makes the state too big', async () => {
    // A long answer (within what Alexa says) and a flow state that are each under the cap, but not together.
    said = 'lorem ipsum '.repeat(500).trim();
    kept = { shown: ['a', 'b', 'c'], note: 'dolor sit amet '.repeat(200) };
    expect(renderSsml([text(said)], 'alexa').length).toBeLessThan(MAX_SPEECH_SSML_CHARS);
    const reply = await route(turn('FindProductIntent'));
    expect(plainText(reply.speech)).toBe(said);
    expect(reply.state.active?.data).toEqual(kept);
    expect(reply.state.lastSpeech).toBeUndefined();
    expect(sessionStateBytes(reply.state)).toBeLessThanOrEqual(MAX_SESSION_STATE_BYTES);
  });

  it('ends a flow whose own state is too big to carry, and says so', async () => {
    kept = { shown: Array.from({ length: 5_000 }, (_, index) => `product-${index}`) };
    const reply = await route(turn('FindProductIntent'));
    expect(plainText(reply.speech)).toBe('Sorry, I lost track of where we were. What would you like to do?');
    expect(reply.next).toBe('listen');
    expect(reply.state.active).toBeUndefined();
    expect(sessionStateBytes(reply.state)).toBeLessThanOrEqual(MAX_SESSION_STATE_BYTES);
  });

  it('apologizes instead of a speech too long for Alexa, keeping the conversation where it was', async () => {
    said = wordsOf(10_000);
    const before: SessionState = { ...freshSessionState(), active: { flow: 'discovery', step: 'results', data: { shown: ['x'] } } };
    const reply = await route(turn('FindProductIntent', before));
    expect(plainText(reply.speech)).toMatch(/^Sorry, something went wrong on my side\./);
    expect(renderSsml(reply.speech, 'alexa').length).toBeLessThan(MAX_SPEECH_SSML_CHARS);
    expect(reply.state.active).toEqual(before.active);
    expect(errors).toEqual([expect.any(ReplyTooLongError)]);
  });

  it('drops a state carried in too big to carry again, whatever the answer', async () => {
    // "Repeat that" says the last speech again and keeps the state: a forged one, here.
    const forged: SessionState = { ...freshSessionState(), lastSpeech: [text(wordsOf(7_000))], active: { flow: 'discovery', step: 'results', data: { shown: ['a'], junk: wordsOf(9_000) } } };
    const reply = await route(turn('RepeatIntent', forged));
    expect(sessionStateBytes(reply.state)).toBeLessThanOrEqual(MAX_SESSION_STATE_BYTES);
    expect(reply.state.active).toBeUndefined();
  });
});
