import { capitalized, cheerful, date, digits, foreign, groupedTelephone, pause, plainText, telephone, text } from '../../lambda/speech/speech';
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

  it('reads a phone number as a telephone number, in groups, on both platforms', () => {
    const alexa = renderSsml([telephone('18005550199')], 'alexa');
    const google = renderSsml([telephone('18005550199')], 'google');
    expect(alexa).toBe('<speak><say-as interpret-as="telephone">1-800-555-0199</say-as></speak>');
    // Google reads a telephone by the country code given in `format`.
    expect(google).toBe('<speak><say-as interpret-as="telephone" format="1">1-800-555-0199</say-as></speak>');
    expectValidSsml(alexa, 'alexa');
    expectValidSsml(google, 'google');
    // Outside North America, no country code is guessed.
    expect(renderSsml([telephone('+493012345678')], 'google')).toBe('<speak><say-as interpret-as="telephone">+493 012 34 5678</say-as></speak>');
  });

  it('groups telephone numbers the way people read them', () => {
    expect(groupedTelephone('18005550199')).toBe('1-800-555-0199');
    expect(groupedTelephone('8005550199')).toBe('800-555-0199');
    expect(groupedTelephone('+493012345678')).toBe('+493 012 34 5678');
    expect(plainText([text('Call '), telephone('18005550199')])).toBe('Call 1-800-555-0199');
  });

  it('marks a name in another language with <lang> on Alexa, and says it plainly on Google, escaped either way', () => {
    const speech = [text('Ihre '), foreign('en-US', 'Salt & Pepper'), text(' kommt morgen.')];
    const alexa = renderSsml(speech, 'alexa');
    const google = renderSsml(speech, 'google');
    expect(alexa).toBe('<speak>Ihre <lang xml:lang="en-US">Salt &amp; Pepper</lang> kommt morgen.</speak>');
    expect(google).toBe('<speak>Ihre Salt &amp; Pepper kommt morgen.</speak>');
    expectValidSsml(alexa, 'alexa');
    expectValidSsml(google, 'google');
    expect(plainText(speech)).toBe('Ihre Salt & Pepper kommt morgen.');
  });

  it('starts a sentence with a capital, in the first part that has words, foreign or not', () => {
    expect(plainText(capitalized([text('rain poncho, 25 dollars.')], 'en-US'))).toBe('Rain poncho, 25 dollars.');
    expect(capitalized([pause(100), foreign('en-US', ' rain poncho'), text(' von Northpeak.')], 'de-DE')).toEqual([
      pause(100),
      foreign('en-US', ' Rain poncho'),
      text(' von Northpeak.'),
    ]);
    expect(capitalized([digits('123'), text(' matches.')], 'en-US')).toEqual([digits('123'), text(' matches.')]);
  });
});
