import { FLOWS } from '../../lambda/flows/all-flows';
import type { SpokenTurn } from './requests';

/**
 * The turns the bench times, one per flow, each with the conversation that leads up to it. A
 * scenario whose flow is not in lambda/flows/all-flows.ts yet is reported as "not built", never
 * timed against whatever happens to answer that intent today.
 */
export interface FlowScenario {
  readonly id: string;
  readonly label: string;
  /** The flow's name in lambda/flows/all-flows.ts. */
  readonly flow: string;
  /** The demo shopper (lambda/commerce/sqlite/demo-shoppers.ts) whose story the scenario needs. */
  readonly shopperId: string;
  /** Said first, untimed, to reach the step being measured. */
  readonly leadIn: readonly SpokenTurn[];
  readonly measured: SpokenTurn;
  /** The flow step ("flow/step") the lead-in must leave in progress, checked before timing. */
  readonly before?: string;
  /** The flow step the measured turn must leave in progress ("none" when it ends the conversation), checked before timing. */
  readonly after: string;
  /**
   * The measured turn writes (places an order). Every timed turn is then a conversation of its own,
   * or idempotency would replay the first order, and the store is stocked so none runs out.
   */
  readonly writes?: boolean;
}

export const ORDER_STATUS_SCENARIO: FlowScenario = {
  id: 'order-status',
  label: 'order status',
  flow: 'order-status',
  // Ben has more orders on the way than one answer reads: the longest order-status answer.
  shopperId: 'shopper-ben',
  leadIn: [],
  measured: { intent: 'OrderStatusIntent', utterance: 'where is my order' },
  after: 'order-status/offered-more',
};

export const FLOW_SCENARIOS: readonly FlowScenario[] = [
  ORDER_STATUS_SCENARIO,
  {
    id: 'return-step',
    label: 'return step',
    flow: 'returns',
    // Ava's running shoes were delivered last week. The timed step answers "why?" with the item
    // chosen: the return is looked up, checked against the policy and summed up for confirmation.
    shopperId: 'shopper-ava',
    leadIn: [
      { intent: 'ReturnItemIntent', slots: { item: 'running shoes' }, utterance: 'I want to send back my running shoes' },
      { intent: 'YesIntent', utterance: 'yes' },
    ],
    measured: { intent: 'ReturnReasonIntent', slots: { reason: { spoken: "they don't fit", id: 'size' } }, utterance: "they don't fit" },
    before: 'returns/ask-reason',
    after: 'returns/confirm-return',
  },
  {
    id: 'reorder-confirmation',
    label: 'reorder confirmation',
    flow: 'reorder',
    // Ava buys the same coffee every month; the reorder hands over to checkout, and "yes" places it.
    shopperId: 'shopper-ava',
    leadIn: [{ intent: 'ReorderIntent', slots: { item: 'coffee' }, utterance: 'reorder my usual coffee' }],
    measured: { intent: 'YesIntent', utterance: 'yes' },
    before: 'checkout/confirm',
    after: 'none',
    writes: true,
  },
  {
    id: 'discovery-query',
    label: 'discovery query',
    flow: 'discovery',
    shopperId: 'shopper-ava',
    leadIn: [],
    measured: {
      intent: 'FindProductIntent',
      slots: { query: 'waterproof jacket for hiking under 150 dollars' },
      utterance: 'I need a waterproof jacket for hiking under $150',
    },
    after: 'discovery/results',
  },
];

const BUILT_FLOWS = new Set<string>(FLOWS.map((flow) => flow.name));

/** Why a flow cannot be measured yet, or undefined when it exists. */
export function missingFlow(flow: string): string | undefined {
  return BUILT_FLOWS.has(flow) ? undefined : `no "${flow}" flow in lambda/flows/all-flows.ts yet`;
}
