/** The source (or the catalog it is filled from) cannot make a valid model; lists every problem found. */
export class SourceError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The language model source is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SourceError';
  }
}
