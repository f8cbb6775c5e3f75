import { REDACTION_PLACEHOLDERS, redactText } from '../../lambda/privacy/redact';

/** [input, what it must become] */
type Case = readonly [string, string];

const DEMO_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImRldiJ9.eyJzdWIiOiJzaG9wcGVyLWF2YSIsImF1ZCI6InNob3B2b2ljZSJ9.dGhpcy1pcy1ub3QtYS1yZWFsLXNpZ25hdHVyZS1idXQtbG9uZw';

describe('redactText', () => {
  describe('e-mail addresses', () => {
    it.each<Case>([
      ['email me at ava.smith+shop@example.co.uk please', 'email me at [email] please'],
      ['ben@northwind.example', '[email]'],
      ['Schick es an max.mustermann@beispiel.de bitte', 'Schick es an [email] bitte'],
      ['my email is ava dot smith at example dot com', 'my email is [email]'],
      ['meine Mail ist max at beispiel punkt de', 'meine Mail ist [email]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('phone numbers', () => {
    it.each<Case>([
      ['call me on +1 (800) 555-0199', 'call me on [phone]'],
      ['call 555 0199 after six', 'call [phone] after six'],
      ['my cell is 415.555.2671', 'my cell is [phone]'],
      ['ruf mich an unter 030 12345678', 'ruf mich an unter [phone]'],
      ['Handy: +49 151 12345678', 'Handy: [phone]'],
      ['0151/12345678', '[phone]'],
      ['0049 30 1234567', '[phone]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('card numbers and IBANs', () => {
    it.each<Case>([
      ['card 4242 4242 4242 4242', 'card [card]'],
      ['4242-4242-4242-4242 expires soon', '[card] expires soon'],
      ['pay with 4111111111111111', 'pay with [card]'],
      ['amex 3782 822463 10005', 'amex [card]'],
      ['Karte 5500 0000 0000 0004 bitte', 'Karte [card] bitte'],
      ['IBAN DE89 3704 0044 0532 0130 00', 'IBAN [iban]'],
      ['GB29NWBK60161331926819', '[iban]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('street addresses and postcodes', () => {
    it.each<Case>([
      ['I live at 221B Baker Street, London NW1 6XE', 'I live at [address], London [address]'],
      ['send it to 12 main st apt 4', 'send it to [address] apt 4'],
      ['deliver to 1600 Pennsylvania Avenue', 'deliver to [address]'],
      ['it went to 42 Wallaby Way, Sydney', 'it went to [address], Sydney'],
      ['ship to 7 Elm Rd.', 'ship to [address]'],
      ['Ich wohne in der Hauptstraße 5, 10115 Berlin', 'Ich wohne in der [address], [number] Berlin'],
      ['Berliner Straße 12a', '[address]'],
      ['an die Goethestr. 7', 'an die [address]'],
      ['Lindenweg 3', '[address]'],
      ['Am Kurfürstendamm 21', 'Am [address]'],
      ['Alexanderplatz 1', '[address]'],
      ['P.O. Box 1234', '[address]'],
      ['Postfach 4711', '[address]'],
      ['Montreal H3Z 2Y7', 'Montreal [address]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('PINs, order numbers and other runs of four or more digits', () => {
    it.each<Case>([
      ['where is my order 12345', 'where is my order [number]'],
      ['my pin is 4242', 'my pin is [number]'],
      ['wo ist meine Bestellung 10421', 'wo ist meine Bestellung [number]'],
      ['the card ending 4242', 'the card ending [number]'],
      ['order #A98765', 'order #A[number]'],
      ['bestellt am 12.03.2024', 'bestellt am 12.03.[number]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('digits spoken as words', () => {
    it.each<Case>([
      ['four two four two', '[number]'],
      ['my pin is one two three four', 'my pin is [number]'],
      ['oh one two three', '[number]'],
      ['order ten forty two', 'order [number]'],
      ['nineteen eighty four', '[number]'],
      // A PIN said in pairs of tens: each tens word is two digits until a unit completes it.
      ['my pin is ninety fifty one', 'my pin is [number]'],
      ['twenty twenty', '[number]'],
      ['4 2 4 2', '[number]'],
      ['meine PIN ist eins zwei drei vier', 'meine PIN ist [number]'],
      ['null eins fünf eins, zwo drei', '[number]'],
      ['zweiundvierzig dreiundzwanzig', '[number]'],
      ['73 91', '[number]'],
      ['make it 7 391 please', 'make it [number] please'],
      ['yes 73  91', 'yes [number]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('platform request and session ids stay readable; secrets around them do not', () => {
    const REQUEST = 'amzn1.echo-api.request.1b6e1d4c-5f0e-4a8e-9c1b-6b7f0e2d3a4c';
    const SESSION = 'amzn1.echo-api.session.0e7d1b2c-4f80-4c0d-9a55-3f2c9a614b7e';
    const GOOGLE = 'ABwppHFrP5DIKzykGIfK5mNS42yVzuunzOfFUhUPy3QeVoTAtl3H4HmBTxDMW4_c4Yv6TNOOMQsMBPj5';
    it.each<Case>([
      [REQUEST, REQUEST],
      [`request ${REQUEST} in session ${SESSION}`, `request ${REQUEST} in session ${SESSION}`],
      ['EdwRequestId.1b6e1d4c-5f0e-4a8e-9c1b-6b7f0e2d3a4c', 'EdwRequestId.1b6e1d4c-5f0e-4a8e-9c1b-6b7f0e2d3a4c'],
      [`google session ${GOOGLE}`, `google session ${GOOGLE}`],
      [`${REQUEST}: ava@example.com said 4242 4242 4242 4242 with Bearer ${DEMO_JWT}`, `${REQUEST}: [email] said [card] with Bearer [token]`],
      // Only the platforms' own shapes: anything else after the prefix, or a bare UUID, is not a request id.
      ['amzn1.echo-api.request.4242424242424242', 'amzn1.echo-api.request.[card]'],
      ['amzn1.echo-api.request.sk_live_51HxYzAbCdEfGhIjKlMnOp', 'amzn1.echo-api.request.[token]'],
      ['id 1b6e1d4c-5f0e-4a8e-9c1b-6b7f0e2d3a4c', 'id [token]'],
      ['Xamzn1.echo-api.request.1b6e1d4c-5f0e-4a8e-9c1b-6b7f0e2d3a4c7391', 'Xamzn1.echo-api.request.[token]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('tokens and secrets', () => {
    it.each<Case>([
      [`Bearer ${DEMO_JWT}`, 'Bearer [token]'],
      [`token ${DEMO_JWT} expired`, 'token [token] expired'],
      ['authorization: Basic dXNlcjpwYXNzd29yZA==', 'authorization: Basic [token]'],
      ['https://shop.example/cb?access_token=abc123def456&state=x', 'https://shop.example/cb?access_token=[token]&state=x'],
      ['{"apiKey":"k-123"}', '{"apiKey":"[token]"}'],
      ['password: hunter2', 'password: [token]'],
      ['key sk_live_51HxYzAbCdEfGhIjKlMnOp', 'key [token]'],
      ['hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hash [token]'],
      ['secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'secret [token]'],
      ['user amzn1.ask.account.AGQWERTY1234567890ABCDEFGHIJKLMNOP', 'user amzn1.ask.account.[token]'],
    ])('%s', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('what a shopper says about shopping stays as it was', () => {
    it.each<string>([
      'where is my order',
      "I want to send back the shoes I got last week, they don't fit",
      'reorder my usual coffee, 3 bags',
      'I need a waterproof jacket for hiking under $150',
      'a jacket under 150 dollars in size 42',
      'two hundred fifty dollars',
      'do you have it in 10, 12 or 14',
      'it costs 19.99',
      'the second one',
      'I want 3 of them the same way',
      'Bring 2 jackets',
      'Wo ist meine Bestellung?',
      'Ich möchte die Schuhe zurückschicken, sie sind zu klein',
      'eine wasserdichte Jacke unter 150 Euro, Größe 38',
      'Donaudampfschifffahrtsgesellschaftskapitän',
      'one of the two',
      'GET /voice-api/v1/orders',
      'Shopvoice is listening on http://localhost:3000',
      'at home',
      '',
    ])('%s', (input) => expect(redactText(input)).toBe(input));
  });

  it('redacts several kinds in one sentence', () => {
    const said = 'I am Ava, ava@example.com, 555 0199, 12 Main Street, card 4242 4242 4242 4242, pin 1234';
    expect(redactText(said)).toBe('I am Ava, [email], [phone], [address], card [card], pin [number]');
  });

  it('is stable: redacting twice changes nothing more', () => {
    const once = redactText(`Bearer ${DEMO_JWT} ava@example.com +1 800 555 0199 Hauptstraße 5 4242 4242 4242 4242 eins zwei drei vier`);
    expect(redactText(once)).toBe(once);
    for (const placeholder of REDACTION_PLACEHOLDERS) expect(redactText(placeholder)).toBe(placeholder);
  });

  it('handles long text without trouble', () => {
    const long = `${'where is my order '.repeat(2_000)}${'a'.repeat(50_000)}1`;
    expect(redactText(long)).toContain('where is my order');
    expect(redactText('4'.repeat(10_000))).toBe('[number]');
  });
});
