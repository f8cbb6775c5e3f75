import * as z from '../../zod-mini';
import { RETURN_REASONS } from '../../commerce/ports';
import type { ActiveFlow } from '../../core/session-state';

/** The steps of a return, each waiting for one kind of answer. */
export const RETURN_STEPS = ['ask-item', 'choose-item', 'not-found', 'confirm-item', 'ask-reason', 'ask-quantity', 'confirm-return'] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];


/** An order line, by its order's number and its own id; what it is, is read from the store again each turn. */
const LineRefSchema = z.object({
  order: z.string().check(z.regex(/^\d{1,12}$/)),
  line: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type LineRef = z.infer<typeof LineRefSchema>;

/** The chosen line, with what a person taking over needs to know about it. */
const ChosenSchema = z.extend(LineRefSchema, {
  name: z.string().check(z.maxLength(200)),
  sku: z.string().check(z.maxLength(40)),
  bought: z.int().check(z.gte(1), z.lte(999)),
});
export type Chosen = z.infer<typeof ChosenSchema>;

const ReturnStateSchema = z.object({
  /** Lines offered to choose from, in the order they were said. */
  candidates: z._default(z.array(LineRefSchema).check(z.maxLength(3)), []),
  chosen: z.optional(ChosenSchema),
  reason: z.optional(z.enum(RETURN_REASONS)),
  /** The shopper's own words, when their reason matched none of the known ones. */
  note: z.optional(z.string().check(z.maxLength(200))),
  quantity: z.optional(z.int().check(z.gte(1), z.lte(999))),
  /** Failed answers to the current step; the second one hands over to a person. */
  failures: z._default(z.int().check(z.gte(0), z.lte(5)), 0),
  /** What was found and done so far, for the person who may take over. */
  tried: z._default(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20)), []),
});
export type ReturnState = z.infer<typeof ReturnStateSchema>;

export const FLOW_NAME = 'returns';
const MAX_TRIED = 20;

export function emptyState(): ReturnState {
  return { candidates: [], failures: 0, tried: [] };
}

export function readState(active: ActiveFlow): ReturnState {
  const parsed = ReturnStateSchema.safeParse(active.data);
  return parsed.success ? parsed.data : emptyState();
}

export function stepOf(active: ActiveFlow): ReturnStep | undefined {
  return (RETURN_STEPS as readonly string[]).includes(active.step) ? (active.step as ReturnStep) : undefined;
}

export function activeStep(step: ReturnStep, state: ReturnState): ActiveFlow {
  return { flow: FLOW_NAME, step, data: { ...state } };
}

/** Adds a note for staff, keeping the latest ones. */
export function noting(state: ReturnState, note: string): ReturnState {
  return { ...state, tried: [...state.tried, note.slice(0, 300)].slice(-MAX_TRIED) };
}
