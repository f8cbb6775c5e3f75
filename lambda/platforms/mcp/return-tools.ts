import * as z from 'zod';
import { type Order, type OrderLine, RETURN_REASONS, RETURN_REFUSALS, type ReturnRefusal } from '../../commerce/ports';
import { RETURN_CONDITIONS } from '../../commerce/return-policy';
import { assess } from '../../flows/returns/assess';
import { needsAPerson } from '../../flows/returns/reasons';
import { refundMethodFor } from '../../flows/returns/steps';
import { forShopper, moneyOut, MoneySchema, OrderNumberSchema, type ShopperToolContext, timesMoney } from './tool-kit';
import { CONFIRMATION_LIFETIME_MS } from './confirmation-token';
import { CONFIRMATION_REFUSALS, confirmationRefusal, staleConfirmation } from './refusals';

/** What a prepared return is bound to: confirming acts on exactly this, or not at all. */
interface ReturnDetails {
  readonly orderNumber: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly reason: (typeof RETURN_REASONS)[number];
  readonly note?: string;
  readonly refundMinor: number;
  readonly currency: string;
  readonly refundTo: RefundTo;
}

type RefundTo = { readonly kind: 'store-credit' } | { readonly kind: 'original-payment'; readonly card?: string };

const RefundToSchema = z.object({
  kind: z.enum(['original-payment', 'store-credit']),
  card: z.string().optional().describe('Card brand and last four digits, e.g. "Visa ending 4242".'),
});

function refundTo(context: ShopperToolContext, refund: 'original-payment' | 'store-credit'): RefundTo {
  const method = refundMethodFor(context, refund);
  if (method.kind === 'store-credit' || !method.card) return { kind: method.kind };
  return { kind: 'original-payment', card: `${method.card.brand} ending ${method.card.last4}` };
}

const RETURN_WHY = [...RETURN_REFUSALS, 'needs-a-person'] as const;
type ReturnWhy = (typeof RETURN_WHY)[number];

const RETURN_EXPLANATIONS: Readonly<Record<ReturnWhy, string>> = {
  'not-found': "No such item on this shopper's orders.",
  cancelled: 'The order was cancelled.',
  'gift-card': 'Gift cards are never taken back.',
  'personal-item': 'Personal items (hygiene) are never taken back.',
  'final-sale': 'The item was sold as final sale.',
  'not-delivered': 'The item has not been delivered yet; the return window starts at delivery.',
  'already-returned': 'Every unit of this item is already in a return.',
  'window-closed': 'The return window has closed.',
  'too-many': 'Fewer units are left to return than asked for.',
  'needs-a-person': 'Damaged or wrong items are handled by a person, not by a return: offer to hand the shopper over.',
};

async function findLine(context: ShopperToolContext, orderNumber: string, lineId: string): Promise<{ order: Order; line: OrderLine } | undefined> {
  const order = await context.commerce.orders.findForShopper(context.shopper.id, orderNumber);
  const line = order?.lines.find((candidate) => candidate.id === lineId);
  return order && line ? { order, line } : undefined;
}

const EligibilitySchema = z.object({
  lineId: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  why: z.enum(RETURN_WHY).optional(),
  explanation: z.string().optional(),
  returnableUnits: z.number().int().optional(),
  lastDay: z.string().optional().describe('Last day a return can be started, or the day the window closed (YYYY-MM-DD).'),
  windowDays: z.number().int().optional(),
  conditions: z.array(z.enum(RETURN_CONDITIONS)).optional().describe('What the item must be like to be taken back.'),
});

export const checkReturnEligibility = forShopper({
  name: 'check_return_eligibility',
  title: 'Can it be returned?',
  description:
    "Tells whether items of one of the signed-in shopper's orders can be returned today under the store's policy, and if not, why not (final sale, window closed and when, not delivered yet, already returned, gift card…), with the last day to start a return and the conditions. " +
    'Use it before prepare_return, or when the shopper asks "can I still send this back?". Give lineId for one item, or leave it out for every item of the order. Changes nothing. ' +
    "An order number that is not this shopper's answers found=false.",
  input: {
    orderNumber: OrderNumberSchema,
    lineId: z.string().max(40).optional().describe('The item\'s line id from get_order_status.'),
  },
  output: { found: z.boolean(), items: z.array(EligibilitySchema) },
  destructive: false,
  async run({ orderNumber, lineId }, context) {
    const order = await context.commerce.orders.findForShopper(context.shopper.id, orderNumber);
    const lines = order ? order.lines.filter((line) => lineId === undefined || line.id === lineId).slice(0, 50) : [];
    if (!order || lines.length === 0) return { output: { found: false, items: [] } };
    const items = await Promise.all(
      lines.map(async (line) => {
        const { verdict } = await assess(context, { order, line });
        if (verdict.eligible) {
          return {
            lineId: line.id,
            name: line.name,
            eligible: true,
            returnableUnits: verdict.returnable,
            lastDay: verdict.lastDay,
            windowDays: verdict.windowDays,
            conditions: [...verdict.conditions],
          };
        }
        return {
          lineId: line.id,
          name: line.name,
          eligible: false,
          why: verdict.why,
          explanation: RETURN_EXPLANATIONS[verdict.why],
          ...(verdict.why === 'window-closed' ? { lastDay: verdict.lastDay, windowDays: verdict.windowDays } : {}),
        };
      }),
    );
    return { output: { found: true, items } };
  },
});

const PreparedReturnSchema = z.object({
  orderNumber: z.string(),
  lineId: z.string(),
  item: z.string(),
  quantity: z.number().int(),
  reason: z.enum(RETURN_REASONS),
  refund: MoneySchema,
  refundTo: RefundToSchema,
  label: z.literal('email').describe('The prepaid return label is emailed to the shopper.'),
  shipWithinDays: z.number().int(),
});

export const prepareReturn = forShopper({
  name: 'prepare_return',
  title: 'Prepare a return',
  description:
    'First step of starting a return for the signed-in shopper. Creates NOTHING: it checks the policy and answers what would happen (item, quantity, refund amount and where it goes, label by email) and a confirmation token valid for ' +
    `${CONFIRMATION_LIFETIME_MS / 60_000} minutes. Read the details to the shopper, and only when they say yes call confirm_return with the token. ` +
    'Damaged or wrong items are refused with why=needs-a-person: offer a person instead.',
  input: {
    orderNumber: OrderNumberSchema,
    lineId: z.string().min(1).max(40).describe("The item's line id from get_order_status."),
    quantity: z.number().int().min(1).max(99).default(1),
    reason: z.enum(RETURN_REASONS).describe('Why the shopper sends it back; "other" with a note when none fits.'),
    note: z.string().max(200).optional().describe("The shopper's own words, for reason \"other\"."),
  },
  output: {
    status: z.enum(['ready', 'refused']),
    why: z.enum(RETURN_WHY).optional(),
    explanation: z.string().optional(),
    prepared: PreparedReturnSchema.optional(),
    confirmation: z.string().optional().describe('Pass to confirm_return, unchanged, once the shopper agreed.'),
    expiresAt: z.string().optional(),
  },
  destructive: false,
  async run(args, context) {
    const refused = (reason: ReturnWhy) => ({ output: { status: 'refused' as const, why: reason, explanation: RETURN_EXPLANATIONS[reason] } });
    if (needsAPerson(args.reason)) return refused('needs-a-person');
    const found = await findLine(context, args.orderNumber, args.lineId);
    if (!found) return refused('not-found');
    const { policy, verdict } = await assess(context, found);
    if (!verdict.eligible) return refused(verdict.why);
    if (args.quantity > verdict.returnable) return refused('too-many');
    const refund = timesMoney(found.line.unitPrice, args.quantity);
    const details: ReturnDetails = {
      orderNumber: found.order.number,
      lineId: found.line.id,
      quantity: args.quantity,
      reason: args.reason,
      ...(args.reason === 'other' && args.note ? { note: args.note } : {}),
      refundMinor: refund.minor,
      currency: refund.currency,
      refundTo: refundTo(context, policy.refund),
    };
    const confirmation = context.confirmations.sign('return', context.shopper.id, details, context.now);
    return {
      output: {
        status: 'ready' as const,
        prepared: {
          orderNumber: details.orderNumber,
          lineId: details.lineId,
          item: found.line.name,
          quantity: details.quantity,
          reason: details.reason,
          refund: moneyOut(refund),
          refundTo: details.refundTo,
          label: 'email' as const,
          shipWithinDays: policy.shipWithinDays,
        },
        confirmation,
        expiresAt: new Date(context.now.getTime() + CONFIRMATION_LIFETIME_MS).toISOString(),
      },
      event: { outcome: 'asked' },
    };
  },
});

const CONFIRM_RETURN_WHY = [...RETURN_WHY, ...CONFIRMATION_REFUSALS] as const;

export const confirmReturn = forShopper({
  name: 'confirm_return',
  title: 'Confirm a return',
  description:
    'Second step: creates the return prepare_return described, after the shopper said yes. Needs the confirmation token from prepare_return; without one, with one for another shopper, an expired one, or when the order changed since, it creates nothing and says why (then prepare again). ' +
    'Calling it again with the same token never creates a second return: it answers the same return. ' +
    'status=created: the return stands and its label is emailed (label=store-email: the store emails it once made). status=requested: the store approves returns itself (Shopify), so the return is only requested; tell the shopper the label comes by email once the store approves it.',
  input: { confirmation: z.string().min(1).max(4096) },
  output: {
    status: z.enum(['created', 'requested', 'refused']).describe('created: the return stands; requested: it awaits the store\'s approval; refused: nothing was created (see why).'),
    why: z.enum(CONFIRM_RETURN_WHY).optional(),
    explanation: z.string().optional(),
    returnNumber: z.string().optional().describe('The store\'s reference for the return, e.g. "482913" or (Shopify) "1001-R1".'),
    refund: MoneySchema.optional(),
    refundTo: RefundToSchema.optional(),
    label: z.enum(['email', 'store-email']).optional().describe('email: the prepaid label is in the shopper\'s email; store-email: the store emails it once it has made it (Medusa).'),
  },
  destructive: true,
  async run({ confirmation }, context) {
    const check = context.confirmations.open<ReturnDetails>(confirmation, 'return', context.shopper.id, context.now);
    if (check.kind !== 'valid') return { output: confirmationRefusal(check.kind) };
    const { details, nonce } = check.claims;
    const stale = (whatChanged: string) => ({ output: staleConfirmation(whatChanged) });
    const found = await findLine(context, details.orderNumber, details.lineId);
    if (!found) return { output: { status: 'refused' as const, why: 'not-found' as const, explanation: RETURN_EXPLANATIONS['not-found'] } };
    const refund = timesMoney(found.line.unitPrice, details.quantity);
    if (refund.minor !== details.refundMinor || refund.currency !== details.currency) return stale('The refund amount changed since the return was prepared.');
    const policy = await context.commerce.returns.policy();
    const method = refundMethodFor(context, policy.refund);
    if (JSON.stringify(refundTo(context, policy.refund)) !== JSON.stringify(details.refundTo)) return stale('Where the refund goes changed since the return was prepared.');
    // The key names this confirmation: however often it is retried, the store makes one return.
    const outcome = await context.commerce.returns.create({
      shopperId: context.shopper.id,
      orderNumber: details.orderNumber,
      lineId: details.lineId,
      quantity: details.quantity,
      reason: details.reason,
      ...(details.note ? { note: details.note } : {}),
      refundMethod: method,
      labelDelivery: 'email',
      idempotencyKey: `mcp:return:${nonce}`,
    });
    if (outcome.kind === 'refused') {
      const reason: ReturnRefusal = outcome.why;
      return { output: { status: 'refused' as const, why: reason, explanation: RETURN_EXPLANATIONS[reason] } };
    }
    return {
      output: {
        // A request the store has yet to approve is not a return made: say which the store answered.
        status: outcome.record.pendingApproval ? ('requested' as const) : ('created' as const),
        returnNumber: outcome.record.number,
        refund: moneyOut(outcome.record.refund),
        refundTo: details.refundTo,
        label: outcome.record.labelDelivery === 'store-email' ? ('store-email' as const) : ('email' as const),
      },
      event: { outcome: 'resolved', goal: 'return-created' },
    };
  },
});
