import { ConfigError, loadConfig } from '../../lambda/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('NODE_ENV', () => {
  it.each(['development', 'test', 'production'] as const)('accepts %s', (environment) => {
    const production = { AUTH_JWKS_FILE: '/etc/shopvoice/jwks.json', SHOPPER_HASH_SECRET: 'a-production-shopper-hash-secret-of-40-chars', SESSION_STATE_SECRET: 'a-production-session-state-secret-of-40-ch' };
    const env = environment === 'production' ? { NODE_ENV: environment, ...production } : { NODE_ENV: environment };
    expect(loadConfig(env).environment).toBe(environment);
  });

  it('is development when unset or blank, as a fresh clone runs', () => {
    expect(loadConfig({}).environment).toBe('development');
    expect(loadConfig({ NODE_ENV: ' ' }).environment).toBe('development');
  });

  // Each of these used to run as development: the dev signing key trusted, the dev console served.
  it.each(['prod', 'Production', 'PRODUCTION', 'staging', 'dev'])('refuses %j, naming the allowed values', (value) => {
    expect(problemsOf({ NODE_ENV: value })).toContain('NODE_ENV: must be development, test or production (lowercase)');
  });

  it('names a wrong NODE_ENV along with every other problem', () => {
    const problems = problemsOf({ NODE_ENV: 'prod', PORT: 'eighty', STORE_ADAPTER: 'http' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['NODE_ENV', 'PORT', 'STORE_API_URL']);
  });

  it('says so in one message that ends the start-up', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/Invalid configuration:\n {2}- NODE_ENV: must be development, test or production/);
  });
});
