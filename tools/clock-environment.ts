/**
 * What sets this process's clock: libfaketime under `faketime` (LD_PRELOAD, FAKETIME*) and the
 * time zone. A child process that must read the same clock as its parent (a Lambda bundle under
 * test, a bench server checking tokens the bench signed) gets these along with its own settings.
 */
export function clockEnvironment(): Record<string, string> {
  const names = Object.keys(process.env).filter((name) => name === 'LD_PRELOAD' || name === 'TZ' || name.startsWith('FAKETIME'));
  return Object.fromEntries(names.map((name) => [name, process.env[name] ?? '']));
}
