import type { Bundles } from './bundle';
import type { Platform } from './conversations';
import { expectSpokenAnswer, type HttpFixtures } from './http-fixtures';
import { type LoadRequest, runLoad } from './http-load';
import type { HttpResult } from './results';
import { ORDER_STATUS_SCENARIO } from './scenarios';
import { startServers } from './server-process';
import type { BenchSettings } from './settings';
import { ratio } from './stats';

const ENDPOINTS: readonly { readonly id: string; readonly platform: Platform }[] = [
  { id: 'alexa-order-status', platform: 'alexa' },
  { id: 'google-order-status', platform: 'google' },
];

/** The bare express floor takes the same body and answers a fixed JSON one. */
const floorRequest = (request: LoadRequest): LoadRequest => ({ path: '/fixed', body: request.body });

/**
 * Requests per second and latency on loopback: the real server (Alexa verification off) against a
 * bare express endpoint, each in its own process while autocannon runs in this one.
 */
export async function measureHttp(
  bundles: Bundles,
  fixtures: HttpFixtures,
  settings: BenchSettings['http'],
  log: (line: string) => void,
): Promise<HttpResult[]> {
  const servers = await startServers(
    { program: bundles.program('shopvoice-server'), env: fixtures.shopvoiceEnv },
    { program: bundles.program('floor-server'), env: fixtures.floorEnv },
  );
  const [shopvoice, floor] = servers;
  if (!shopvoice || !floor) throw new Error('bench: the HTTP servers did not start');
  try {
    const results: HttpResult[] = [];
    for (const { id, platform } of ENDPOINTS) {
      const request = fixtures.orderStatus[platform];
      await expectSpokenAnswer(shopvoice.baseUrl, request, platform, ORDER_STATUS_SCENARIO.flow);
      await expectSpokenAnswer(floor.baseUrl, floorRequest(request), 'alexa');
      log(`http: POST ${request.path}, then the floor`);
      const shopvoiceLoad = await runLoad({ baseUrl: shopvoice.baseUrl, requests: [request], ...settings });
      const floorLoad = await runLoad({ baseUrl: floor.baseUrl, requests: [floorRequest(request)], ...settings });
      results.push({
        id,
        endpoint: `POST ${request.path}`,
        turn: ORDER_STATUS_SCENARIO.label,
        shopvoice: shopvoiceLoad,
        floor: floorLoad,
        ratio: {
          requestsPerSecond: ratio(shopvoiceLoad.requestsPerSecond.mean, floorLoad.requestsPerSecond.mean),
          latencyP99: ratio(shopvoiceLoad.latencyMs.p99, floorLoad.latencyMs.p99),
        },
      });
    }
    return results;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
