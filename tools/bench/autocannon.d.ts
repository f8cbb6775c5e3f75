/** The part of autocannon's API the bench uses (autocannon ships no types). */
declare module 'autocannon' {
  /** The types, as autocannon.PreparedRequest and so on. */
  namespace autocannon {
    interface Histogram {
      readonly average: number;
      readonly p50: number;
      readonly p99: number;
      readonly max: number;
      readonly total: number;
    }

    /** The request as autocannon is about to send it; a setupRequest may change and return it. */
    interface PreparedRequest {
      method: string;
      path: string;
      headers: Record<string, string>;
      body: string | Buffer;
    }

    interface AutocannonRequest {
      readonly method?: string;
      readonly path?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
      /** Called before each send of this request. */
      readonly setupRequest?: (request: PreparedRequest, context: Record<string, unknown>) => PreparedRequest;
      /** Called with every answer to this request; the body is only collected when this is set. */
      readonly onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, unknown>) => void;
    }

    /** One connection. */
    interface AutocannonClient {
      /** Replaces the requests this connection sends in turn. */
      setRequests(requests: readonly AutocannonRequest[]): void;
    }

    interface AutocannonOptions {
      readonly url: string;
      readonly connections?: number;
      readonly duration?: number;
      readonly amount?: number;
      /** With a duration: the run also ends once this many requests were sent, spread over the connections. */
      readonly maxOverallRequests?: number;
      /** Seconds to wait for an answer before counting a timeout. Default 10. */
      readonly timeout?: number;
      /** Milliseconds between samples of the request rate; a run ends on a sample. Default 1000. */
      readonly sampleInt?: number;
      readonly method?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly requests?: readonly AutocannonRequest[];
      /** Called once per connection, before its first request. */
      readonly setupClient?: (client: AutocannonClient) => void;
      readonly warmup?: { readonly connections?: number; readonly duration?: number };
    }

    interface AutocannonResult {
      /** Seconds. */
      readonly duration: number;
      /** Socket errors and timeouts together. */
      readonly errors: number;
      readonly timeouts: number;
      readonly non2xx: number;
      /** Request counts per sample interval; total is every completed request, sent every request written. */
      readonly requests: Histogram & { readonly sent: number };
      /** Milliseconds. */
      readonly latency: Histogram;
    }

    /** A running load: awaitable for its result, and stoppable early. */
    interface AutocannonInstance extends PromiseLike<AutocannonResult> {
      stop(): void;
      /** A socket error or a timeout, as it happens. */
      on(event: 'reqError', listener: (error: Error) => void): this;
    }
  }

  function autocannon(options: autocannon.AutocannonOptions): autocannon.AutocannonInstance;
  export = autocannon;
}
