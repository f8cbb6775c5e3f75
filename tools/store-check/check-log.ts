import type { OperationId } from '../../lambda/commerce/http/store-api-operations';

export type Verdict = 'pass' | 'fail' | 'skip';

/** An operation of commerce-api.yaml, the API as a whole, or the access token's shopper. */
export type CheckSubject = OperationId | 'api' | 'account-linking';

export interface CheckResult {
  readonly subject: CheckSubject;
  /** What was checked, as one short sentence. */
  readonly check: string;
  readonly verdict: Verdict;
  /** A failure: what the store did and what to fix. A skip: why it was not checked. */
  readonly note?: string;
}

/** The results of one run, in the order the checks ran. */
export class CheckLog {
  readonly results: CheckResult[] = [];

  pass(subject: CheckSubject, check: string): void {
    this.results.push({ subject, check, verdict: 'pass' });
  }

  fail(subject: CheckSubject, check: string, note: string): void {
    this.results.push({ subject, check, verdict: 'fail', note });
  }

  skip(subject: CheckSubject, check: string, why: string): void {
    this.results.push({ subject, check, verdict: 'skip', note: why });
  }

  /** Pass when `problem` is undefined, else fail with it. */
  record(subject: CheckSubject, check: string, problem: string | undefined): void {
    if (problem === undefined) this.pass(subject, check);
    else this.fail(subject, check, problem);
  }

  count(verdict: Verdict): number {
    return this.results.filter((result) => result.verdict === verdict).length;
  }
}
