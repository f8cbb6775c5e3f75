import type { Undo } from '../support/store-records';
import { medusaAdmin } from './medusa-connection';

/**
 * One Medusa serves the whole over-medusa run, where the embedded store is made afresh for each
 * test app. So what a test changes in Medusa is put back after it: the changes the tests make
 * (medusa-store-records.ts) are remembered here, and what the skill made (returns, orders) is
 * cancelled, as the store's staff would. A change made in a `beforeAll` lasts until the file ends.
 */

type Scope = 'test' | 'file';

const pending: { readonly scope: Scope; readonly undo: Undo }[] = [];

/** Whether a test is running (its own hooks included), as the setup's hooks say: jest's own test name outlives the test. */
let scope: Scope = 'file';

/** A test starts: what changes until it ends is put back after it. */
export function enterTest(): void {
  scope = 'test';
}

/** The test ended: changes from now on (a later `beforeAll`) last until the file ends. */
export function leaveTest(): void {
  scope = 'file';
}

/** Remembers how to put a change back; the answer puts it back now (once, however often it is called). */
export function remember(undo: Undo): Undo {
  let done = false;
  const once: Undo = async () => {
    if (done) return;
    done = true;
    await undo();
  };
  pending.push({ scope, undo: once });
  return once;
}

/** Puts back every change of the scope, newest first; a failure is reported once all were tried. */
export async function putBack(scope: Scope): Promise<void> {
  const failures: unknown[] = [];
  for (let index = pending.length - 1; index >= 0; index -= 1) {
    if (pending[index]!.scope !== scope) continue;
    const [change] = pending.splice(index, 1);
    await change!.undo().catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} Medusa change(s) not put back`);
}

interface Made {
  readonly id: string;
  readonly created_at: string;
  readonly canceled_at?: string | null;
  readonly status?: string;
}

const madeSince = <T extends Made>(list: readonly T[], since: Date) =>
  list.filter((record) => !record.canceled_at && record.status !== 'canceled' && new Date(record.created_at).getTime() >= since.getTime());

/**
 * Cancels the returns and orders Medusa recorded since `since` (the seeded history is dated in the
 * past, so nothing of it is touched): a return's own shipping first, as Medusa requires.
 */
export async function cancelMadeSince(since: Date): Promise<void> {
  const after = `created_at[$gte]=${encodeURIComponent(since.toISOString())}`;
  const { returns } = await medusaAdmin<{ returns: (Made & { fulfillments?: Made[] | null })[] }>(
    `/admin/returns?${after}&fields=id,created_at,canceled_at,status,fulfillments.id,fulfillments.created_at,fulfillments.canceled_at&limit=100`,
  );
  for (const made of madeSince(returns, since)) {
    for (const fulfillment of (made.fulfillments ?? []).filter((each) => !each.canceled_at)) {
      await medusaAdmin(`/admin/fulfillments/${fulfillment.id}/cancel`, { method: 'POST', body: {} });
    }
    await medusaAdmin(`/admin/returns/${made.id}/cancel`, { method: 'POST', body: {} });
  }
  const { orders } = await medusaAdmin<{ orders: Made[] }>(`/admin/orders?${after}&fields=id,created_at,canceled_at,status&limit=50`);
  for (const made of madeSince(orders, since)) await medusaAdmin(`/admin/orders/${made.id}/cancel`, { method: 'POST', body: {} });
}
