import { loadConfig } from '../../lambda/config';

/**
 * What a Lambda container sets up during init so that its first turn does not: the Voice of every
 * locale (its Intl formatters) and the compiled messages. Each case loads the modules afresh, as a
 * new container does.
 */

type Modules = {
  warm: typeof import('../../lambda/warm-start');
  voice: typeof import('../../lambda/speech/voice');
  i18n: typeof import('../../lambda/speech/i18n');
};

function freshModules(): Modules {
  let modules: Modules | undefined;
  jest.isolateModules(() => {
    // A fresh module registry is only reachable through require().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    modules = { warm: require('../../lambda/warm-start'), voice: require('../../lambda/speech/voice'), i18n: require('../../lambda/speech/i18n') };
  });
  return modules!;
}

const config = loadConfig({ NODE_ENV: 'test', STORE_TIME_ZONE: 'Europe/Berlin' });

/** How many Intl date formatters the first turn's Voices build. */
function formattersBuiltByFirstTurn({ voice, i18n }: Modules): number {
  const built = jest.spyOn(Intl, 'DateTimeFormat');
  try {
    for (const locale of i18n.LOCALES) voice.voiceFor(locale, config.store.timeZone).say('assistance.apology');
    return built.mock.calls.length;
  } finally {
    built.mockRestore();
  }
}

describe('warming a Lambda container for its first turn', () => {
  it('leaves the first turn building its Voices when it is not done', () => {
    expect(formattersBuiltByFirstTurn(freshModules())).toBeGreaterThan(0);
  });

  it('builds every locale’s Voice for the store’s time zone during init, so the first turn builds none', () => {
    const modules = freshModules();
    modules.warm.warmForFirstTurn(config);
    expect(formattersBuiltByFirstTurn(modules)).toBe(0);
  });
});
