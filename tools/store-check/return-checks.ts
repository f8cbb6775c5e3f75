import type { Order, OrderLine, ReturnRecord } from '../../lambda/commerce/ports';
import type { ReturnPolicy } from '../../lambda/commerce/return-policy';
import { ReturnedUnitsSchema, ReturnOutcomeSchema, ReturnPolicySchema } from '../../lambda/commerce/http/wire-schemas';
import { type CheckContext, checkAnswer, describeStatus, readAnswer } from './check-context';

/** returnPolicy, returnedUnits and createReturn: the store decides, once per key. */

const POLICY = { status: [200], schema: ReturnPolicySchema, schemaName: 'ReturnPolicy' } as const;
const UNITS = { status: [200], schema: ReturnedUnitsSchema, schemaName: 'ReturnedUnits' } as const;
const OUTCOME = { status: [200, 201], schema: ReturnOutcomeSchema, schemaName: 'ReturnOutcome' } as const;

/** How many lines a run tries before it concludes the shopper has nothing to return. */
const MAX_RETURN_ATTEMPTS = 12;

/** The createReturn checks, by what they prove. */
const CHECK = {
  NO_LINE: 'refuses a line that is not on the order (refused, not-found)',
  OTHER: "refuses this shopper's order to another shopper (refused, not-found)",
  NO_KEY: 'a return without an Idempotency-Key is 400 and creates nothing',
  CREATES: 'creates a return of one unit (201, created)',
  RETRY: 'a retry with the same key answers the same return and creates no second one',
} as const;

const WRITES_OFF = 'writes are off: run with --writes and a test shopper to create a return';

interface ReturnBody {
  readonly orderNumber: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly reason: 'size';
  readonly refundMethod: { readonly kind: 'store-credit' };
  readonly labelDelivery: 'email';
}

function returnOf(order: Order, line: OrderLine): ReturnBody {
  return { orderNumber: order.number, lineId: line.id, quantity: 1, reason: 'size', refundMethod: { kind: 'store-credit' }, labelDelivery: 'email' };
}

/** Lines worth asking the store to take back: a line it would certainly refuse is not tried. */
function candidates(orders: readonly Order[], policy: ReturnPolicy | undefined): { order: Order; line: OrderLine }[] {
  return orders.flatMap((order) => {
    if (order.state === 'cancelled') return [];
    const delivered = new Set(order.shipments.filter((shipment) => shipment.status === 'Delivered').flatMap((shipment) => shipment.lineIds));
    return order.lines
      .filter((line) => !line.finalSale && delivered.has(line.id) && policy?.excludedCategories?.[line.category] === undefined)
      .map((line) => ({ order, line }));
  });
}

async function unitsReturned(context: CheckContext, orderNumber: string, lineId: string): Promise<number | undefined> {
  const read = readAnswer(context, 'returnedUnits', await context.caller.call('returnedUnits', { path: { orderNumber } }), UNITS);
  return read.ok ? (read.value.lines.find((line) => line.lineId === lineId)?.units ?? 0) : undefined;
}

function recordProblem(record: ReturnRecord, body: ReturnBody, unitPrice: OrderLine['unitPrice']): string | undefined {
  if (record.orderNumber !== body.orderNumber || record.lineId !== body.lineId) return `the record is for ${record.orderNumber}/${record.lineId}, not the line asked for (${body.orderNumber}/${body.lineId})`;
  if (record.quantity !== body.quantity) return `the record says ${record.quantity} units, ${body.quantity} were asked for`;
  const refund = unitPrice.minor * body.quantity;
  return record.refund.minor === refund ? undefined : `the refund is ${record.refund.minor}, not the unit price as sold times the quantity (${refund})`;
}

async function checkReturnWrites(context: CheckContext, orders: readonly Order[], policy: ReturnPolicy | undefined): Promise<void> {
  const { caller, shopperId, log } = context;
  const create = (body: unknown, key: string | undefined, who = shopperId) =>
    caller.call('createReturn', { path: { shopperId: who }, body, ...(key !== undefined ? { idempotencyKey: key } : {}) });
  const key = (name: string) => `store-check-${context.runId}-return-${name}`;
  const order = orders.find((each) => each.lines.length > 0);
  const line = order?.lines[0];

  if (!order || !line) {
    for (const check of [CHECK.NO_LINE, CHECK.OTHER, CHECK.NO_KEY])
      log.skip('createReturn', check, 'the shopper has no order lines: use a test shopper with a delivered order');
  } else {
    checkAnswer(context, 'createReturn', CHECK.NO_LINE, await create({ ...returnOf(order, line), lineId: `store-check-${context.runId}` }, key('no-line')), OUTCOME, (outcome, status) =>
      outcome.kind === 'refused' && outcome.why === 'not-found' && status === 200 ? undefined : `answered ${status} ${outcome.kind}${outcome.kind === 'refused' ? ` ${outcome.why}` : ''}: answer 200 {"kind": "refused", "why": "not-found"}`,
    );
    checkAnswer(context, 'createReturn', CHECK.OTHER, await create(returnOf(order, line), key('other-shopper'), context.otherShopperId), OUTCOME, (outcome) =>
      outcome.kind === 'refused' && outcome.why === 'not-found' ? undefined : `answered ${outcome.kind}${outcome.kind === 'refused' ? ` ${outcome.why}` : ''} for a line on someone else's order: check that the order belongs to the shopper in the path`,
    );
    const before = await unitsReturned(context, order.number, line.id);
    const missingKey = await create(returnOf(order, line), undefined);
    const after = await unitsReturned(context, order.number, line.id);
    log.record(
      'createReturn',
      CHECK.NO_KEY,
      missingKey.kind === 'no-answer'
        ? `no answer: ${missingKey.reason}`
        : missingKey.status !== 400
          ? `answered ${describeStatus(missingKey)}: require the Idempotency-Key header (400 without it), or a retried request creates a second return`
          : before !== undefined && after !== undefined && after > before
            ? `answered 400 but ${after - before} units of ${order.number}/${line.id} went into a return`
            : undefined,
    );
  }

  let created: { record: ReturnRecord; body: ReturnBody; unitsBefore: number | undefined } | undefined;
  let attempts = 0;
  for (const { order: candidateOrder, line: candidate } of candidates(orders, policy)) {
    if (attempts >= MAX_RETURN_ATTEMPTS) break;
    attempts += 1;
    const body = returnOf(candidateOrder, candidate);
    const unitsBefore = await unitsReturned(context, body.orderNumber, body.lineId);
    const answer = await create(body, key(`create-${attempts}`));
    const read = readAnswer(context, 'createReturn', answer, OUTCOME);
    if (!read.ok) {
      log.fail('createReturn', CHECK.CREATES, read.problem);
      return;
    }
    if (read.value.kind === 'refused') continue;
    log.record('createReturn', CHECK.CREATES, read.status === 201 ? recordProblem(read.value.record, body, candidate.unitPrice) : `answered ${read.status} for a created return: answer 201`);
    created = { record: read.value.record, body, unitsBefore };
    break;
  }
  if (!created) {
    const why = attempts === 0 ? 'the shopper has no delivered line that is not final sale' : `the store refused all ${attempts} delivered lines tried`;
    log.skip('createReturn', CHECK.CREATES, `${why}: use a test shopper with an item delivered within the return window`);
    log.skip('createReturn', CHECK.RETRY, 'no return was created');
    return;
  }
  const retried = await create(created.body, key(`create-${attempts}`));
  const unitsAfter = await unitsReturned(context, created.body.orderNumber, created.body.lineId);
  const first = created;
  checkAnswer(context, 'createReturn', CHECK.RETRY, retried, OUTCOME, (outcome) => {
    if (outcome.kind !== 'created') return `the retry answered ${outcome.kind} ${outcome.why}: answer the return the key created, with the same status`;
    if (outcome.record.number !== first.record.number) return `the retry answered return ${outcome.record.number}, the first ${first.record.number}: keep each Idempotency-Key with the return it created and answer that one again`;
    if (first.unitsBefore !== undefined && unitsAfter !== undefined && unitsAfter - first.unitsBefore > first.body.quantity) {
      return `${unitsAfter - first.unitsBefore} units went into returns for two requests with one key: a key must never create a second return`;
    }
    return undefined;
  });
}

export async function checkReturns(context: CheckContext, orders: readonly Order[] | undefined): Promise<void> {
  const { caller, log } = context;
  const policy = checkAnswer(context, 'returnPolicy', 'answers the return policy', await caller.call('returnPolicy', { path: {} }), POLICY);

  const order = orders?.[0];
  if (!order) log.skip('returnedUnits', "answers the units returned of the shopper's order", 'the shopper has no orders');
  else {
    checkAnswer(context, 'returnedUnits', "answers the units returned of the shopper's order", await caller.call('returnedUnits', { path: { orderNumber: order.number } }), UNITS, ({ lines }) => {
      const stray = lines.find((line) => !order.lines.some((own) => own.id === line.lineId));
      if (stray) return `names line ${stray.lineId}, which is not on order ${order.number}`;
      const over = lines.find((line) => line.units > (order.lines.find((own) => own.id === line.lineId)?.quantity ?? 0));
      return over ? `line ${over.lineId} has more units returned (${over.units}) than were bought` : undefined;
    });
  }
  checkAnswer(context, 'returnedUnits', 'an order nobody has has no returned units (200, empty list)', await caller.call('returnedUnits', { path: { orderNumber: `store-check-${context.runId}` } }), UNITS, ({ lines }) =>
    lines.length === 0 ? undefined : `answered ${lines.length} lines for an order that does not exist: answer {"lines": []}`,
  );

  if (!context.writes) {
    for (const check of Object.values(CHECK))
      log.skip('createReturn', check, WRITES_OFF);
    return;
  }
  await checkReturnWrites(context, orders ?? [], policy);
}
