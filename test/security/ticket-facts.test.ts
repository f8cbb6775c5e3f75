import { answered } from '../support/conversation';
import { faults } from '../support/faulty-store';
import { type FaultApp, startFaultApp } from '../faults/fault-app';

/**
 * A ticket names an order only when the store confirms it is the shopper's. When the store cannot
 * be asked, the shopper still gets their person: the ticket goes out, without the order, saying why.
 */

let fault: FaultApp;
beforeEach(async () => {
  fault = await startFaultApp();
});
afterEach(() => fault.close());

interface TicketRow {
  readonly shopper_id: string;
  readonly order_number: string | null;
  readonly summary: string;
  readonly context: string;
}

const tickets = () => fault.store.embedded.db.prepare('SELECT shopper_id, order_number, summary, context FROM handoffs ORDER BY id').all() as TicketRow[];

describe.each(['alexa', 'google'] as const)('a ticket while the order system is down, on %s', (platform) => {
  it('is filed without the order it could not check, and says so to staff', async () => {
    const cleo = await fault.converse(platform, 'shopper-cleo');
    const status = answered(await cleo.say('OrderStatusIntent', { orderNumber: '10694' }), platform);
    // The rug's delivery has a problem: a person is offered, with the order in the offer.
    expect(status.state).toMatchObject({ active: { flow: 'assistance', step: 'offer-person', data: { orderNumber: '10694' } } });

    fault.store.fail('findShopperOrder', faults.status(503));
    const filed = answered(await cleo.say('YesIntent'), platform);
    expect(filed.text).toMatch(/Our team will email you/);
    const [ticket] = tickets();
    expect(ticket).toMatchObject({ shopper_id: 'shopper-cleo', order_number: null });
    expect(ticket!.summary).not.toContain('10694');
    expect(JSON.parse(ticket!.context)).toMatchObject({ tried: [expect.stringMatching(/^An order was mentioned, but the store could not be asked/)] });

  });

  it('is filed in time when the order system hangs, without the order', async () => {
    await fault.close();
    // The adapter would wait longer than the whole turn: only the ticket's own bound keeps it in time.
    fault = await startFaultApp({ timeoutMs: 8_000, attemptTimeoutMs: 8_000, retries: 0 });
    const cleo = await fault.converse(platform, 'shopper-cleo');
    answered(await cleo.say('OrderStatusIntent', { orderNumber: '10694' }), platform);
    fault.store.fail('findShopperOrder', faults.hang());
    const filed = answered(await cleo.say('YesIntent'), platform);
    expect(filed.text).toMatch(/Our team will email you/);
    expect(tickets()).toEqual([expect.objectContaining({ shopper_id: 'shopper-cleo', order_number: null })]);
  });

  it('names the order once the store confirms it', async () => {
    const cleo = await fault.converse(platform, 'shopper-cleo');
    answered(await cleo.say('OrderStatusIntent', { orderNumber: '10694' }), platform);
    answered(await cleo.say('YesIntent'), platform);
    expect(tickets()).toEqual([expect.objectContaining({ shopper_id: 'shopper-cleo', order_number: '10694' })]);
  });
});
