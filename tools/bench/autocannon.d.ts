/** The part of autocannon's API the bench uses (autocannon ships no types). */
declare module 'autocannon' {
  interface Histogram {
    readonly average: number;
    readonly p50: number;
    readonly p99: number;
    readonly total: number;
  }

  interface AutocannonRequest {
    readonly method?: string;
    readonly path?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
  }

  interface AutocannonOptions {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly amount?: number;
    /** Milliseconds between samples of the request rate; a run ends on a sample. Default 1000. */
    readonly sampleInt?: number;
    readonly method?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly requests?: readonly AutocannonRequest[];
    readonly warmup?: { readonly connections?: number; readonly duration?: number };
  }

  interface AutocannonResult {
    /** Seconds. */
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    /** Request counts per sample interval; total is every completed request. */
    readonly requests: Histogram;
    /** Milliseconds. */
    readonly latency: Histogram;
  }

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export = autocannon;
}
