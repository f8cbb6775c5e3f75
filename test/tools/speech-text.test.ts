import { readAlexaResponse, readGoogleResponse } from '../../tools/local-assistant/heard-reply';
import { readableDate, speechText } from '../../tools/local-assistant/speech-text';
import { googleIntentName, neutralIntentName } from '../../tools/local-assistant/platform-intents';

describe('SSML as text', () => {
  it('drops the markup, shows pauses, reads <sub> as its alias and decodes entities', () => {
    const ssml =
      "<speak><amazon:emotion name='excited' intensity='low'>Welcome back, Ava!</amazon:emotion> Order <say-as interpret-as='digits'>10718</say-as> ships with UPS.<break time='400ms'/>It&apos;s <sub alias='Northwind'>NW</sub> &amp; co.<break time='300ms'/></speak>";
    expect(speechText(ssml)).toBe("Welcome back, Ava! Order 10718 ships with UPS. … It's Northwind & co.");
  });

  it('shows say-as dates as a person reads them, in the reply\'s locale, not "????1125"', () => {
    const alexa = '<speak>It should arrive <say-as interpret-as="date">????1125</say-as>.</speak>';
    const google = '<speak>It should arrive <say-as interpret-as="date" format="mmdd" detail="2">11-25</say-as>.</speak>';
    expect(speechText(alexa)).toBe('It should arrive November 25.');
    expect(speechText(google)).toBe('It should arrive November 25.');
    expect(speechText(alexa, 'de-DE')).toBe('It should arrive 25. November.');
    expect(readableDate('20261125', undefined, 'en-US')).toBe('November 25, 2026');
    // Unreadable content is shown as it came, never dropped.
    expect(speechText('<speak><say-as interpret-as="date">????1399</say-as></speak>')).toBe('????1399');
  });

  it('shows chat and console replies with dates in the conversation\'s locale', () => {
    const alexa = { version: '1.0', response: { outputSpeech: { type: 'SSML', ssml: '<speak>Sie kommt am <say-as interpret-as="date">????1203</say-as> an.</speak>' } } };
    expect(readAlexaResponse(alexa, 'de-DE').text).toBe('Sie kommt am 3. Dezember an.');
    const google = { prompt: { firstSimple: { speech: '<speak>It arrives on <say-as interpret-as="date" format="mmdd" detail="2">12-03</say-as>.</speak>' } } };
    expect(readGoogleResponse(google, 'main', {}, 'en-US').text).toBe('It arrives on December 3.');
  });

  it('shows a telephone number as it is grouped', () => {
    expect(speechText('<speak>Call <say-as interpret-as="telephone" format="1">1-800-555-0199</say-as>.</speak>')).toBe('Call 1-800-555-0199.');
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
