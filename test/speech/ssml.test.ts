import { cheerful, date, digits, pause, text } from '../../lambda/speech/speech';
import { renderSsml } from '../../lambda/speech/ssml';
import { expectValidSsml } from '../support/ssml-checks';

describe('renderSsml', () => {
  it('escapes every character XML reserves in text', () => {
    const ssml = renderSsml([text(`Salt & Pepper <Grinder> "Deluxe" it's`)], 'alexa');
    expect(ssml).toBe('<speak>Salt &amp; Pepper &lt;Grinder&gt; &quot;Deluxe&quot; it&apos;s</speak>');
    expectValidSsml(ssml, 'alexa');
  });

  it('escapes what ssml-builder leaves raw: the say-as word', () => {
    const ssml = renderSsml([digits('1042')], 'google');
    expect(ssml).toBe(`<speak><say-as interpret-as='digits'>1042</say-as></speak>`);
    expectValidSsml(ssml, 'google');
  });

  it('drops control characters that would make the reply invalid XML', () => {
    const ssml = renderSsml([text('Hello\u0000 there\u0007')], 'alexa');
    expect(ssml).toBe('<speak>Hello there</speak>');
  });

  it('writes dates with say-as in each dialect', () => {
    expect(renderSsml([date('2026-05-02')], 'alexa')).toContain('<say-as interpret-as="date">????0502</say-as>');
    expect(renderSsml([date('2026-05-02')], 'google')).toContain('<say-as interpret-as="date" format="mmdd" detail="2">05-02</say-as>');
  });

  it('uses amazon:emotion on Alexa only', () => {
    const speech = [cheerful([text('Welcome & hello')]), pause(300)];
    const alexa = renderSsml(speech, 'alexa');
    const google = renderSsml(speech, 'google');
    expect(alexa).toContain('<amazon:emotion name="excited" intensity="low">Welcome &amp; hello</amazon:emotion>');
    expect(google).not.toContain('amazon:');
    expect(google).toContain('Welcome &amp; hello');
    expectValidSsml(alexa, 'alexa');
    expectValidSsml(google, 'google');
  });

  it('renders pauses as breaks', () => {
    expect(renderSsml([text('a'), pause(250), text('b')], 'alexa')).toBe(`<speak>a <break time='250ms'/> b</speak>`);
  });
});
