import type { services } from 'ask-sdk-model';

/**
 * ask-sdk's ApiClient over fetch, with a deadline: ask-sdk-core's DefaultApiClient never gives up
 * on a server that stops answering, and a send that hangs must not hold its socket forever.
 */
export class FetchApiClient implements services.ApiClient {
  constructor(private readonly timeoutMs: number) {}

  async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers.map(({ key, value }) => [key, value] as [string, string]),
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const headers: { key: string; value: string }[] = [];
    // Lowercase keys: ask-sdk looks for 'content-type' as spelled.
    response.headers.forEach((value, key) => headers.push({ key: key.toLowerCase(), value }));
    return { statusCode: response.status, headers, body: await response.text() };
  }
}
