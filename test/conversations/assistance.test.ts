import { answered, PLATFORMS } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());


function handoffCount(): number {
  return (testApp.db.prepare('SELECT COUNT(*) AS n FROM handoffs').get() as { n: number }).n;
}

describe.each(PLATFORMS)('assistance on %s', (platform, start) => {
  it('helps, repeats, and says goodbye', async () => {
    const conversation = start(testApp.app);
    await conversation.launch();
    const help = answered(await conversation.say('HelpIntent'), platform);
    // What it can do, then one thing to try.
    expect(help.text).toBe('I can check on your orders, start a return, reorder, or find a product. Try: where is my order?');
    expect(help.listening).toBe(true);
    const again = answered(await conversation.say('RepeatIntent'), platform);
    expect(again.text).toBe(help.text);
    const bye = answered(await conversation.say('StopIntent'), platform);
    expect(bye.text).toBe('Goodbye, and thanks for shopping with Northwind Outfitters.');
    expect(bye.listening).toBe(false);
  });

  it('rephrases once, offers a person the second time, and never loops a third time', async () => {
    const conversation = start(testApp.app);
    const first = answered(await conversation.say('FallbackIntent'), platform);
    expect(first.text).toBe("Sorry, I can't do that. I can help with orders, returns, reorders and products, or get you a person.");
    expect(first.listening).toBe(true);
    const second = answered(await conversation.say('FallbackIntent'), platform);
    expect(second.text).toMatch(/Want to talk to a person\?$/);
    expect(second.listening).toBe(true);
    const third = answered(await conversation.say('FallbackIntent'), platform);
    expect(third.listening).toBe(false);
    // Read as a telephone number, in groups, never as eleven single digits.
    expect(third.ssml).toContain(`<say-as interpret-as="telephone"${platform === 'google' ? ' format="1"' : ''}>1-800-555-0199</say-as>`);
  });

  it('forgets misunderstandings once the shopper is understood', async () => {
    const conversation = start(testApp.app);
    await conversation.say('FallbackIntent');
    await conversation.say('HelpIntent');
    const after = answered(await conversation.say('FallbackIntent'), platform);
    expect(after.text).toMatch(/^Sorry, I can't do that\./);
  });

  it('files one ticket per conversation however often a linked shopper asks for a person', async () => {
    const conversation = start(testApp.app, { token: await testApp.token('shopper-ben') });
    const before = handoffCount();
    const first = answered(await conversation.say('TalkToAgentIntent'), platform);
    expect(first.text).toMatch(/^Our team will email you within one business day\. Your reference number is \d{6}\.$/);
    const second = answered(await conversation.say('TalkToAgentIntent'), platform);
    expect(second.text).toBe(first.text);
    expect(handoffCount()).toBe(before + 1);
  });

  it('gives a guest the phone number instead of filing a ticket', async () => {
    const before = handoffCount();
    const heard = answered(await start(testApp.app).say('TalkToAgentIntent'), platform);
    expect(heard.text).toBe('You can call our team at 1-800-555-0199.');
    expect(handoffCount()).toBe(before);
  });

  it('cancels the step in progress but keeps listening', async () => {
    const conversation = start(testApp.app, { token: await testApp.token('shopper-ava') });
    // A reorder waiting for its yes: after the cancel, a yes orders nothing.
    await conversation.say('ReorderIntent', { item: 'coffee' });
    const cancelled = answered(await conversation.say('CancelIntent'), platform);
    expect(cancelled.text).toBe("Okay, I've dropped that. What else can I help with?");
    expect(cancelled.listening).toBe(true);
    const yes = answered(await conversation.say('YesIntent'), platform);
    expect(yes.text).toMatch(/^Sorry, I didn't catch that/);
  });
});
