import type { Flow } from '../core/flow';
import { assistanceFlow } from './assistance';
import { orderStatusFlow } from './order-status/order-status-flow';
import { unavailableFlow } from './unavailable';

/** Every flow the router can run. */
export const FLOWS: readonly Flow[] = [assistanceFlow, orderStatusFlow, unavailableFlow];
