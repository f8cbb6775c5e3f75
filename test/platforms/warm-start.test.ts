import { loadConfig } from '../../lambda/config';

/**
 * What a Lambda container sets up during init so that its first turn does not: the Voice of the
 * locale the deployment expects (its Intl formatters) and that locale's compiled messages. The
 * other locales' messages are left to their first turn: a container speaks one or two of them.
 * Each case loads the modules afresh, as a new container does.
 */

type Modules = {
  warm: typeof import('../../lambda/warm-start');
  voice: typeof import('../../lambda/speech/voice');
  packs: typeof import('../../lambda/languages/packs');
};

function freshModules(): Modules {
  let modules: Modules | undefined;
  jest.isolateModules(() => {
    // A fresh module registry is only reachable through require().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    modules = { warm: require('../../lambda/warm-start'), voice: require('../../lambda/speech/voice'), packs: require('../../lambda/languages/packs') };
  });
  return modules!;
}

/** A German store: its catalog is written in German. */
const config = loadConfig({ NODE_ENV: 'test', STORE_TIME_ZONE: 'Europe/Berlin', STORE_CATALOG_LOCALE: 'de-DE' });

/** What a step does: how many Intl date formatters it builds, and the locales whose messages it reads. */
function doneBy({ packs }: Modules, step: () => void): { formatters: number; messagesRead: string[] } {
  const built = jest.spyOn(Intl, 'DateTimeFormat');
  const read = Object.values(packs.PACKS).map((pack) => [pack.locale, jest.spyOn(pack, 'messages')] as const);
  try {
    step();
    return { formatters: built.mock.calls.length, messagesRead: read.filter(([, spy]) => spy.mock.calls.length > 0).map(([locale]) => locale) };
  } finally {
    built.mockRestore();
    for (const [, spy] of read) spy.mockRestore();
  }
}

const firstTurnIn = (modules: Modules, locale: string) => () => modules.voice.voiceFor(locale, config.store.timeZone).say('assistance.apology');

describe('warming a Lambda container for its first turn', () => {
  it('leaves the first turn building its Voice and reading its messages when it is not done', () => {
    const modules = freshModules();
    const firstTurn = doneBy(modules, firstTurnIn(modules, 'de-DE'));
    expect(firstTurn.formatters).toBeGreaterThan(0);
    expect(firstTurn.messagesRead).toEqual(['de-DE']);
  });

  it('reads the messages of the catalog’s locale alone during init, and builds its Voice, so a first turn in it does neither', () => {
    const modules = freshModules();
    expect(doneBy(modules, () => modules.warm.warmForFirstTurn(config)).messagesRead).toEqual(['de-DE']);
    expect(doneBy(modules, firstTurnIn(modules, 'de-DE'))).toEqual({ formatters: 0, messagesRead: [] });
  });

  it('leaves every other locale’s messages to its own first turn', () => {
    const modules = freshModules();
    modules.warm.warmForFirstTurn(config);
    expect(doneBy(modules, firstTurnIn(modules, 'fr-FR')).messagesRead).toEqual(['fr-FR']);
    expect(doneBy(modules, firstTurnIn(modules, 'fr-FR')).messagesRead).toEqual([]);
  });
});
