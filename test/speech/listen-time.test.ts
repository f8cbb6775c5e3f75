import { cheerful, date, digits, pause, text } from '../../lambda/speech/speech';
import { renderSsml } from '../../lambda/speech/ssml';
import { LISTEN_BUDGET, listenDistribution } from '../../tools/listen-time/distribution';
import { espeakSsml } from '../../tools/listen-time/espeak';
import { CALIBRATED, estimateListenTime, SPEAKING_RATE_WPM } from '../../tools/listen-time/estimate';
import { fitConstants } from '../../tools/listen-time/fit';
import { cardinalWords, ordinalWords } from '../../tools/listen-time/number-words';
import { flowOfReply } from '../../tools/listen-time/reply-flow';
import { spokenForm } from '../../tools/listen-time/spoken-form';
import { intentRequest, launchRequest } from '../support/alexa-envelopes';
import { mainInvocation, webhookRequest } from '../support/google-requests';
import { describeRequest, expectWithinListenBudget, LISTEN_TIME_DIR_VARIABLE } from '../support/listen-time-budget';

const said = (ssml: string, locale = 'en-US') => spokenForm(ssml, locale).words.map((word) => word.text);
const alexa = (ssml: string, locale = 'en-US') => estimateListenTime(ssml, { platform: 'alexa', locale });
const beat = (wordsPerMinute: number) => 60 / wordsPerMinute;

describe('listen-time estimate: what is said', () => {
  it('reads say-as digits one by one, and a plain number as a quantity', () => {
    expect(said(renderSsml([digits('10743')], 'alexa'))).toEqual(['one', 'zero', 'seven', 'four', 'three']);
    expect(said('<speak>10743</speak>')).toEqual(['ten', 'thousand', 'seven', 'hundred', 'forty', 'three']);
    expect(said(`<speak><say-as interpret-as="cardinal">10743</say-as></speak>`)).toEqual(said('<speak>10743</speak>'));
    // German says a number below a million as one long word, and digits by their German names.
    expect(said('<speak>10743</speak>', 'de-DE')).toEqual(['zehntausendsiebenhundertdreiundvierzig']);
    expect(said(renderSsml([digits('4242')], 'alexa'), 'de-DE')).toEqual(['vier', 'zwei', 'vier', 'zwei']);
    const form = spokenForm(renderSsml([digits('4242')], 'alexa'), 'en-US');
    expect(form.features.spelled).toBe(4);
  });

  it('reads dates in both dialects as month and day, and a year only when there is one', () => {
    expect(said(renderSsml([date('2026-11-25')], 'alexa'))).toEqual(['November', 'twenty', 'fifth']);
    expect(said(renderSsml([date('2026-11-25')], 'google'))).toEqual(said(renderSsml([date('2026-11-25')], 'alexa')));
    expect(said(`<speak><say-as interpret-as="date">20260502</say-as></speak>`)).toEqual(['May', 'second', 'twenty', 'twenty', 'six']);
    expect(said(renderSsml([date('2026-11-01')], 'alexa'), 'de-DE')).toEqual(['ersten', 'November']);
    expect(said(`<speak><say-as interpret-as="date" format="dmy">25/11/2026</say-as></speak>`, 'de-DE')).toEqual([
      'fünfundzwanzigsten',
      'November',
      'zweitausendsechsundzwanzig',
    ]);
  });

  it('reads prices, telephone numbers, ordinals and symbols as a voice does', () => {
    expect(said('<speak>It costs $12.50.</speak>')).toEqual(['It', 'costs', 'twelve', 'dollars', 'and', 'fifty', 'cents']);
    expect(said('<speak>Es kostet 12,50 €.</speak>', 'de-DE')).toEqual(['Es', 'kostet', 'zwölf', 'Komma', 'fünf', 'null', 'Euro']);
    expect(said('<speak>on the 3rd, 20% off</speak>')).toEqual(['on', 'the', 'third', 'twenty', 'percent', 'off']);
    expect(said('<speak>shipped with UPS</speak>')).toEqual(['shipped', 'with', 'U', 'P', 'S']);
    const phone = spokenForm(`<speak><say-as interpret-as="telephone">1-800-555-0199</say-as></speak>`, 'en-US');
    expect(phone.words).toHaveLength(11);
    expect(phone.features.clausePauses).toBe(3);
    expect(said(`<speak><sub alias="Northwind">NW</sub></speak>`)).toEqual(['Northwind']);
  });

  it('decodes escaped text: entities and character references are what is said', () => {
    expect(said(renderSsml([text(`Salt & Pepper "Deluxe" it's`)], 'alexa'))).toEqual(['Salt', 'and', 'Pepper', 'Deluxe', "it's"]);
    expect(said('<speak>Ben &#38; Jerry&#x27;s</speak>')).toEqual(['Ben', 'and', "Jerry's"]);
    expect(() => spokenForm('<speak>Salt & Pepper</speak>', 'en-US')).toThrow(/not well-formed/);
  });

  it('takes no time for an empty reply, and only its breaks for a silent one', () => {
    expect(alexa('')).toEqual(expect.objectContaining({ seconds: 0, words: 0 }));
    expect(alexa('<speak></speak>').seconds).toBe(0);
    expect(alexa(`<speak> <break time="300ms"/> </speak>`).seconds).toBeCloseTo(0.3, 10);
    expect(alexa('plain words, no speak element').words).toBe(5);
  });
});

describe('listen-time estimate: how long it takes', () => {
  const sentence = 'Your order is on its way and should arrive tomorrow';

  it('adds a break exactly, and a strong break as a sentence end', () => {
    const plain = alexa(`<speak>${sentence}</speak>`).seconds;
    expect(alexa(`<speak>Your order is on its way <break time="500ms"/> and should arrive tomorrow</speak>`).seconds - plain).toBeCloseTo(0.5, 10);
    expect(alexa(`<speak>Your order is on its way <break time="1.5s"/> and should arrive tomorrow</speak>`).seconds - plain).toBeCloseTo(1.5, 10);
    expect(alexa(`<speak>Your order is on its way <break strength="strong"/> and should arrive tomorrow</speak>`).seconds - plain).toBeCloseTo(
      CALIBRATED.en.perSentencePause * beat(SPEAKING_RATE_WPM.alexa),
      10,
    );
    expect(alexa(`<speak>Your order is on its way <break strength="none"/> and should arrive tomorrow</speak>`).seconds).toBeCloseTo(plain, 10);
  });

  it('pauses at punctuation inside the reply, not after its last word', () => {
    const plain = alexa(`<speak>${sentence}</speak>`).seconds;
    expect(alexa(`<speak>${sentence}.</speak>`).seconds).toBeCloseTo(plain, 10);
    const twoSentences = alexa('<speak>Your order is on its way. It should arrive tomorrow.</speak>');
    expect(twoSentences.features.sentencePauses).toBe(1);
    const comma = alexa('<speak>Your order is on its way, and it should arrive tomorrow</speak>');
    expect(comma.features.clausePauses).toBe(1);
  });

  it('takes longer for digits read one by one than for the same number as a quantity, in German', () => {
    expect(alexa(renderSsml([digits('10743')], 'alexa'), 'de-DE').seconds).toBeGreaterThan(alexa('<speak>10743</speak>', 'de-DE').seconds);
  });

  it("scales with the platform's rate and with prosody, and ignores Alexa's emotion wrapper", () => {
    const ssml = `<speak>${sentence}</speak>`;
    const onGoogle = estimateListenTime(ssml, { platform: 'google', locale: 'en-US' }).seconds;
    expect(onGoogle / alexa(ssml).seconds).toBeCloseTo(SPEAKING_RATE_WPM.alexa / SPEAKING_RATE_WPM.google, 10);
    expect(alexa(`<speak><prosody rate="50%">${sentence}</prosody></speak>`).seconds).toBeCloseTo(2 * alexa(ssml).seconds, 10);
    expect(alexa(`<speak><prosody rate="x-fast">${sentence}</prosody></speak>`).seconds).toBeLessThan(alexa(ssml).seconds);
    expect(alexa(renderSsml([cheerful([text(sentence)])], 'alexa')).seconds).toBeCloseTo(alexa(ssml).seconds, 10);
    expect(alexa(renderSsml([text('a'), pause(250), text('b')], 'alexa')).features.breakSeconds).toBeCloseTo(0.25, 10);
  });

  it('puts an everyday ten-word sentence at a few seconds, and a 90-word one far over the limit', () => {
    const short = alexa(`<speak>${sentence}.</speak>`).seconds;
    expect(short).toBeGreaterThan(2);
    expect(short).toBeLessThan(6);
    const long = alexa(`<speak>${Array.from({ length: 9 }, () => sentence).join('. ')}.</speak>`).seconds;
    expect(long).toBeGreaterThan(LISTEN_BUDGET.limitSeconds);
  });
});

describe('listen-time number words', () => {
  it('says whole numbers and ordinals in English and German', () => {
    expect(cardinalWords(0, 'en')).toEqual(['zero']);
    expect(cardinalWords(1_250_000, 'en')).toEqual(['one', 'million', 'two', 'hundred', 'fifty', 'thousand']);
    expect(cardinalWords(101, 'de')).toEqual(['einhunderteins']);
    expect(cardinalWords(2_000_001, 'de')).toEqual(['zwei', 'Millionen', 'eins']);
    expect(ordinalWords(22, 'en')).toEqual(['twenty', 'second']);
    expect(ordinalWords(3, 'de')).toEqual(['dritten']);
    expect(ordinalWords(20, 'de')).toEqual(['zwanzigsten']);
  });
});

describe('listen-time calibration helpers', () => {
  it("hands espeak-ng the platforms' readings of digits and dates", () => {
    const ssml = renderSsml([text('Order'), digits('1042'), text('arrives'), date('2026-11-25')], 'alexa');
    expect(espeakSsml(ssml, 'en-US')).toBe('<speak>Order <say-as interpret-as="characters">1042</say-as> arrives November twenty fifth</speak>');
  });

  it('recovers the constants that produced the durations', () => {
    const truth = CALIBRATED.en;
    const samples = ['<speak>Hi.</speak>', '<speak>Your order is on its way, and it should arrive tomorrow. Anything else?</speak>', renderSsml([text('Order'), digits('10743'), text('is late.')], 'alexa'), '<speak>I found three matches: boots, shoes, and socks. Want to hear them?</speak>', '<speak>Extraordinarily comfortable waterproof boots</speak>', `<speak>Hello <break time="400ms"/> there</speak>`].map(
      (ssml) => {
        const { features, seconds } = estimateListenTime(ssml, { platform: 'alexa', locale: 'en-US', constants: truth });
        return { features, wordsPerMinute: SPEAKING_RATE_WPM.alexa, seconds };
      },
    );
    const fitted = fitConstants(samples, { perClausePause: truth.perClausePause, perSentencePause: truth.perSentencePause });
    expect(fitted.perWord).toBeCloseTo(truth.perWord, 2);
    expect(fitted.perSyllable).toBeCloseTo(truth.perSyllable, 2);
  });
});

describe('listen-time distribution and flows', () => {
  it('sums up replies per flow: median, 95th percentile, max, share within the goal, median words', () => {
    const samples = [2, 4, 6, 9, 16].map((seconds, index) => ({ flow: index < 3 ? 'returns' : 'discovery', platform: 'alexa', locale: 'en-US', seconds, words: seconds * 2 }));
    const { overall, flows } = listenDistribution(samples);
    expect(overall).toEqual({ replies: 5, medianSeconds: 6, p95Seconds: 16, maxSeconds: 16, withinGoalShare: 0.6, medianWords: 12, overLimit: 1 });
    expect(flows.map((flow) => [flow.flow, flow.replies, flow.maxSeconds])).toEqual([
      ['discovery', 2, 16],
      ['returns', 3, 6],
    ]);
  });

  it('names the flow that answered', () => {
    expect(flowOfReply({ request: 'launch' })).toBe('assistance');
    expect(flowOfReply({ request: 'StopIntent', before: 'returns' })).toBe('assistance');
    expect(flowOfReply({ request: 'OrderStatusIntent' })).toBe('order-status');
    expect(flowOfReply({ request: 'YesIntent', before: 'checkout' })).toBe('checkout');
    expect(flowOfReply({ request: 'ReturnItemIntent', after: 'assistance' })).toBe('returns');
    expect(flowOfReply({ request: 'BuyIntent', before: 'discovery', after: 'checkout' })).toBe('checkout');
    expect(flowOfReply({ request: 'RepeatIntent', before: 'order-status', after: 'order-status' })).toBe('order-status');
  });
});

describe('the conversation helpers’ listen-time check', () => {
  const longReply = `<speak>${Array.from({ length: 12 }, () => 'Your order is on its way and should arrive tomorrow morning.').join(' ')}</speak>`;
  const sent = intentRequest('AMAZON.HelpIntent');
  const reply = (ssml: string, text: string) => ({ ssml, text, state: undefined });
  let runDir: string | undefined;

  // Nothing from these made-up replies goes into the run's printed distribution.
  beforeEach(() => {
    runDir = process.env[LISTEN_TIME_DIR_VARIABLE];
    delete process.env[LISTEN_TIME_DIR_VARIABLE];
  });
  afterEach(() => {
    if (runDir !== undefined) process.env[LISTEN_TIME_DIR_VARIABLE] = runDir;
  });

  it('fails a reply over the limit with its text and estimate, and passes a short one', () => {
    expect(() => expectWithinListenBudget('alexa', sent, reply(longReply, 'Your order is on its way…'))).toThrow(/takes about \d+\.\d s to say, over the 15 s listen-time limit .*"Your order is on its way…"/);
    expect(() => expectWithinListenBudget('alexa', sent, reply('<speak>Your order is on its way.</speak>', 'Your order is on its way.'))).not.toThrow();
  });

  it('reads what was asked, in which language and with which state, from the request itself', () => {
    const sealed = { shopvoice: { state: { v: 1, active: { flow: 'returns', step: 'ask-reason' } }, mac: 'm' } };
    expect(describeRequest('alexa', intentRequest('AMAZON.HelpIntent', {}, { locale: 'de-DE', attributes: sealed }))).toEqual({
      request: 'HelpIntent',
      locale: 'de-DE',
      before: sealed.shopvoice.state,
    });
    expect(describeRequest('alexa', launchRequest()).request).toBe('launch');
    expect(describeRequest('google', mainInvocation({ locale: 'de-DE' }))).toEqual(expect.objectContaining({ request: 'launch', locale: 'de-DE' }));
    expect(describeRequest('google', webhookRequest('actions.intent.NO_MATCH_1', {}, { sessionParams: sealed })).before).toEqual(sealed.shopvoice.state);
  });
});
