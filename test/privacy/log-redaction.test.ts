import { Writable } from 'node:stream';
import { createLogger, describeError } from '../../lambda/logging';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzaG9wcGVyLWF2YSIsImF1ZCI6InNob3B2b2ljZSJ9.c2lnbmF0dXJlLW9mLXRoZS1kZXYta2V5LW9ubHk';
const OPAQUE = 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr';

/** Every value that must never reach a log line, and a piece of it that would betray it. */
const SECRETS: readonly (readonly [value: string, trace: string])[] = [
  [JWT, 'eyJzdWIiOiJzaG9wcGVyLWF2YSIs'],
  [OPAQUE, 'HxYzAbCdEfGh'],
  ['ava.smith@example.com', 'ava.smith@'],
  ['max@beispiel.de', 'max@beispiel'],
  ['+1 (800) 555-0199', '555-0199'],
  ['030 98765432', '98765432'],
  ['221B Baker Street', 'Baker Street'],
  ['Hauptstraße 5', 'Hauptstraße 5'],
  ['4242 4242 4242 4242', '4242 4242'],
  ['5500000000000004', '5500000000000004'],
  ['PIN 7391', '7391'],
  ['one two three four', 'one two three four'],
];

function capture(): { logger: ReturnType<typeof createLogger>; text: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('trace', { destination });
  return {
    logger,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function expectNoneSurvive(text: string): void {
  for (const [, trace] of SECRETS) expect(text).not.toContain(trace);
}

describe('log lines carry no personal data or secrets', () => {
  it('censors fields by name, whatever they hold', () => {
    const { logger, lines } = capture();
    logger.info({ accessToken: 'short', token: 'x', email: 'not-an-email', phone: '1', address: 'home', shopper: { email: 'e' } }, 'by name');
    const line = lines()[0]!;
    expect(line).toMatchObject({ accessToken: '[redacted]', token: '[redacted]', email: '[redacted]', phone: '[redacted]', address: '[redacted]' });
    expect(line.shopper).toEqual({ email: '[redacted]' });
  });

  it.each(SECRETS.map(([value]) => [value]))('redacts %s in a field, a nested field, an array and the message', (value) => {
    const { logger, text, lines } = capture();
    logger.warn({ note: `shopper said ${value}`, request: { body: { utterance: value, more: [value, { deep: { deeper: value } }] } } }, `heard ${value}`);
    logger.info(`only a message: ${value}`);
    logger.info('printf style: %s and %s', value, value);
    logger.info({ n: 1 }, 'printf style after an object: %s', value);
    expectNoneSurvive(text());
    expect(lines()).toHaveLength(4);
    expect(lines()[0]!.msg).toMatch(/^heard (?:PIN )?\[(?:token|email|phone|address|card|number)\]$/);
  });

  it('redacts error messages, through describeError and as errors logged directly', () => {
    const { logger, text } = capture();
    const all = SECRETS.map(([value]) => value).join(' | ');
    const error = new Error(`store refused ${all}`);
    expect(JSON.stringify(describeError(error))).not.toContain('ava.smith@');
    expect(describeError(`thrown string ${all}`).message).not.toContain('4242 4242');

    logger.error({ error: describeError(error) }, 'request failed');
    logger.error({ err: error }, 'with the error itself');
    logger.error(error);
    logger.error({ cause: { nested: error } }, 'nested error');
    expectNoneSurvive(text());
  });

  it('redacts child-logger bindings', () => {
    const { logger, text } = capture();
    const child = logger.child({ caller: 'ava.smith@example.com', session: { authorization: `Bearer ${JWT}` } });
    child.info('from a child');
    child.child({ card: '4242 4242 4242 4242' }).info({ pin: 'PIN 7391' }, 'from a grandchild');
    expectNoneSurvive(text());
    expect(text()).toContain('from a child');
    expect(text()).toContain('from a grandchild');
  });

  it('keeps what a log line is for: levels, numbers, flags, ordinary words and URLs with ports', () => {
    const { logger, lines } = capture();
    logger.info({ port: 3000, attempts: 3, ok: true, path: '/alexa', platform: 'google' }, 'Shopvoice is listening on http://localhost:3000');
    const line = lines()[0]!;
    expect(line).toMatchObject({ level: 30, port: 3000, attempts: 3, ok: true, path: '/alexa', platform: 'google', service: 'shopvoice' });
    expect(line.msg).toBe('Shopvoice is listening on http://localhost:3000');
  });

  it('keeps request and session ids readable, so a line can be matched to its request', () => {
    const { logger, lines, text } = capture();
    const requestId = 'amzn1.echo-api.request.1b6e1d4c-5f0e-4a8e-9c1b-6b7f0e2d3a4c';
    const sessionId = 'amzn1.echo-api.session.0e7d1b2c-4f80-4c0d-9a55-3f2c9a614b7e';
    logger.warn({ requestId, sessionId, note: `shopper said ${SECRETS.map(([value]) => value).join(' ')}` }, `request ${requestId} answered late`);
    expect(lines()[0]).toMatchObject({ requestId, sessionId, msg: `request ${requestId} answered late` });
    expectNoneSurvive(text());
  });

  it('survives circular and very deep objects', () => {
    const { logger, text } = capture();
    const circular: Record<string, unknown> = { email2: 'ava.smith@example.com' };
    circular.self = circular;
    let deep: Record<string, unknown> = { value: '4242 4242 4242 4242' };
    for (let level = 0; level < 20; level += 1) deep = { deep };
    logger.info({ circular, deep }, 'odd shapes');
    expectNoneSurvive(text());
    expect(text()).toContain('odd shapes');
  });
});
