import type { Bundles, ProgramName } from './bundle';
import type { Platform } from './conversations';
import { expectSpokenAnswer, type HttpFixtures } from './http-fixtures';
import { runLoad } from './http-load';
import type { MemoryResult, MemoryRun } from './results';
import { startServer } from './server-process';
import type { BenchSettings } from './settings';
import { ratio } from './stats';

const MB = 1024 * 1024;
/** Retaining more than this per thousand turns (about 100 bytes a turn), after a full GC, is a leak. */
const GROWTH_LIMIT_MB_PER_1K_TURNS = 0.1;

const toMb = (bytes: number) => Math.round((bytes / MB) * 100) / 100;

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

/**
 * A fresh server answers the turns in equal batches (Alexa and Google order-status turns, in
 * turn); after each batch it reports RSS and the heap left after a full GC.
 */
async function memoryRun(program: ProgramName, bundles: Bundles, env: NodeJS.ProcessEnv, fixtures: HttpFixtures, settings: BenchSettings['memory']): Promise<MemoryRun> {
  const server = await startServer(bundles.program(program), env);
  try {
    for (const platform of ['alexa', 'google'] as const satisfies readonly Platform[]) {
      await expectSpokenAnswer(server.baseUrl, fixtures.orderStatus[platform], platform);
    }
    const requests = [fixtures.orderStatus.alexa, fixtures.orderStatus.google];
    const batch = Math.ceil(settings.turns / settings.checkpoints);
    const checkpoints: MemoryRun['checkpoints'] = [];
    let turns = 0;
    let peakRssBytes = 0;
    for (let checkpoint = 0; checkpoint <= settings.checkpoints; checkpoint += 1) {
      if (checkpoint > 0) {
        const load = await runLoad({ baseUrl: server.baseUrl, requests, connections: settings.connections, warmupSeconds: 0, amount: batch });
        turns += load.requests;
      }
      const snapshot = await server.measureMemory();
      peakRssBytes = snapshot.peakRssBytes;
      checkpoints.push({ turns, rssMb: toMb(snapshot.rssBytes), heapAfterGcMb: toMb(snapshot.heapAfterGcBytes) });
    }
    // Early batches still fill caches and JIT code; growth is judged on the second half of the turns.
    const settled = checkpoints.filter((point) => point.turns >= settings.turns / 2);
    const perThousand = (pick: (point: MemoryRun['checkpoints'][number]) => number) =>
      Math.round(slope(settled.map((point) => ({ x: point.turns / 1000, y: pick(point) }))) * 1000) / 1000;
    const heapAfterGcMbPer1kTurns = perThousand((point) => point.heapAfterGcMb);
    return {
      peakRssMb: toMb(peakRssBytes),
      checkpoints,
      growth: {
        heapAfterGcMbPer1kTurns,
        rssMbPer1kTurns: perThousand((point) => point.rssMb),
        keepsGrowing: heapAfterGcMbPer1kTurns > GROWTH_LIMIT_MB_PER_1K_TURNS,
      },
    };
  } finally {
    await server.stop();
  }
}

/** Peak RSS after the turns, and whether memory keeps growing: Shopvoice against the floor apps behind express. */
export async function measureMemory(bundles: Bundles, fixtures: HttpFixtures, settings: BenchSettings['memory'], log: (line: string) => void): Promise<MemoryResult> {
  log(`memory: ${settings.turns} turns through the Shopvoice server`);
  const shopvoice = await memoryRun('shopvoice-server', bundles, fixtures.shopvoiceEnv, fixtures, settings);
  log(`memory: ${settings.turns} turns through the floor server`);
  const floor = await memoryRun('floor-server', bundles, fixtures.floorEnv, fixtures, settings);
  const turns = shopvoice.checkpoints.at(-1)?.turns ?? 0;
  return { turns, shopvoice, floor, ratio: { peakRss: ratio(shopvoice.peakRssMb, floor.peakRssMb) } };
}
