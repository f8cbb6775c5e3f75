import { speechText } from '../../tools/local-assistant/speech-text';
import { googleIntentName, neutralIntentName } from '../../tools/local-assistant/platform-intents';

describe('SSML as text', () => {
  it('drops the markup, shows pauses, reads <sub> as its alias and decodes entities', () => {
    const ssml =
      "<speak><amazon:emotion name='excited' intensity='low'>Welcome back, Ava!</amazon:emotion> Order <say-as interpret-as='digits'>10718</say-as> ships with UPS.<break time='400ms'/>It&apos;s <sub alias='Northwind'>NW</sub> &amp; co.<break time='300ms'/></speak>";
    expect(speechText(ssml)).toBe("Welcome back, Ava! Order 10718 ships with UPS. … It's Northwind & co.");
  });

  it('keeps a reply that says nothing empty', () => {
    expect(speechText('')).toBe('');
    expect(speechText('<speak></speak>')).toBe('');
  });
});

describe('intent names per platform', () => {
  it('maps the Alexa model’s names to what Google sends, by the generator’s own table', () => {
    expect(neutralIntentName('AMAZON.HelpIntent')).toBe('HelpIntent');
    expect(googleIntentName('AMAZON.HelpIntent')).toBe('HelpIntent');
    expect(googleIntentName('AMAZON.CancelIntent')).toBe('actions.intent.CANCEL');
    expect(googleIntentName('AMAZON.FallbackIntent')).toBe('actions.intent.NO_MATCH_1');
    expect(googleIntentName('OrderStatusIntent')).toBe('OrderStatusIntent');
  });
});
