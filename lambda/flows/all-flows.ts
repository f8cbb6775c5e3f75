import type { Flow } from '../core/flow';
import { assistanceFlow } from './assistance';
import { checkoutFlow } from './checkout/checkout-flow';
import { discoveryFlow } from './discovery/discovery-flow';
import { orderStatusFlow } from './order-status/order-status-flow';
import { reorderFlow } from './reorder/reorder-flow';
import { returnsFlow } from './returns/returns-flow';

/** Every flow the router can run. */
export const FLOWS: readonly Flow[] = [assistanceFlow, orderStatusFlow, returnsFlow, discoveryFlow, reorderFlow, checkoutFlow];
