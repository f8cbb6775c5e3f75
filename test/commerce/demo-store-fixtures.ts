import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Commerce, Order } from '../../lambda/commerce/ports';
import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import { daysBetween, localDayOf } from '../../lambda/commerce/sqlite/local-days';

/** A Thursday, 10:00 in New York. */
export const SEED_NOW = new Date('2026-11-26T15:00:00Z');
export const TIME_ZONE = 'America/New_York';

/** Calendar days from `now` to `instant` in the store's zone: -1 is yesterday. */
export function dayOffset(instant: Date, now: Date = SEED_NOW, timeZone: string = TIME_ZONE): number {
  return daysBetween(localDayOf(now, timeZone), localDayOf(instant, timeZone));
}

export async function allDemoOrders(commerce: Commerce): Promise<Order[]> {
  const lists = await Promise.all(DEMO_SHOPPERS.map((shopper) => commerce.orders.listForShopper(shopper.id)));
  return lists.flat();
}

export function temporaryStorePath(): { file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-store-'));
  return {
    file: path.join(dir, 'nested', 'store.sqlite'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
