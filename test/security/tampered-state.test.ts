import { createSessionStateSeal, type SealedSessionState } from '../../lambda/core/sealed-state';
import { observedApp, type ObservedApp } from '../observability/observed-app';
import { type Conversation, type Heard, PLATFORMS } from '../support/conversation';
import { carriedState } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';

/**
 * The sealed state a conversation carries, tampered with on its way back: it must be dropped (a
 * fresh start), and the log must say so once, without anything of what it carried.
 */

let observed: ObservedApp;
beforeEach(() => {
  observed = observedApp();
});
afterEach(() => observed.close());

/** What a turn in the returns flow leaves in the state, none of which may reach the log. */
const STATE_CONTENT = ['Trailblazer', '10605', 'confirm-item', 'returns', 'chosen', 'tried'];

describe.each(PLATFORMS)('tampered session state on %s', (platform, start) => {
  const heard = (reply: Heard): Heard => {
    expect(reply.status).toBe(200);
    expectValidSsml(reply.ssml, platform);
    return reply;
  };

  /** Ava, asked "Is that the Trailblazer running shoes…?": the state sealed for that question, as the platform holds it. */
  async function atConfirmItem(): Promise<{ ava: Conversation; sealed: SealedSessionState }> {
    const ava = start(observed.app, { token: await observed.token('shopper-ava') });
    const question = heard(await ava.say('ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' } }));
    expect(question.text).toMatch(/^Sure\. Is that the Trailblazer running shoes/);
    const body = question.body as Record<string, any>;
    const sealed = (platform === 'alexa' ? body.sessionAttributes?.shopvoice : body.session?.params?.shopvoice) as SealedSessionState;
    expect(carriedState(sealed)).toMatchObject({ active: { flow: 'returns', step: 'confirm-item' } });
    return { ava, sealed };
  }

  const rejections = () => observed.logLines().filter((line) => line.msg === 'session state failed its seal check; the conversation starts afresh');

  /** The "yes" that would have moved the return on is heard as a yes to nothing, and the log says why, once, without the state. */
  async function expectFreshStart(conversation: Conversation, rejection: string): Promise<void> {
    const yes = heard(await conversation.say('YesIntent'));
    expect(yes.text).toMatch(/^Sorry, I didn't catch that\./);
    expect((yes.state as { active?: unknown }).active).toBeUndefined();
    const logged = rejections();
    expect(logged).toEqual([expect.objectContaining({ level: 40, platform, rejection })]);
    const line = JSON.stringify(logged[0]);
    for (const content of STATE_CONTENT) expect(line).not.toContain(content);
  }

  it('carries the sealed state from turn to turn, untouched, without a warning', async () => {
    const { ava } = await atConfirmItem();
    const next = heard(await ava.say('YesIntent'));
    expect(next.text).toMatch(/^Why are you sending it back\?/);
    expect(rejections()).toEqual([]);
  });

  it('drops a state with one byte changed', async () => {
    const { ava, sealed } = await atConfirmItem();
    ava.carry(JSON.parse(JSON.stringify(sealed).replace('"confirm-item"', '"confirm-itex"')));
    await expectFreshStart(ava, 'bad-seal');
  });

  it('drops a state replayed into another conversation', async () => {
    const { sealed } = await atConfirmItem();
    const other = start(observed.app, { token: await observed.token('shopper-ava') });
    other.carry(sealed);
    await expectFreshStart(other, 'bad-seal');
  });

  it('drops a state without its MAC', async () => {
    const { ava, sealed } = await atConfirmItem();
    ava.carry(sealed.state);
    await expectFreshStart(ava, 'unsealed');
  });

  it('drops a state sealed under another secret', async () => {
    const { ava, sealed } = await atConfirmItem();
    const elsewhere = createSessionStateSeal({ secret: 'a-secret-this-deployment-does-not-have-0123' });
    ava.carry(elsewhere.seal(sealed.state as never, { platform, sessionId: ava.sessionId }));
    await expectFreshStart(ava, 'bad-seal');
  });
});
