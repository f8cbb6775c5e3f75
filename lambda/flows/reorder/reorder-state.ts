import * as z from 'zod';
import { CURRENCY_CODES } from '../../commerce/ports';
import type { ActiveFlow } from '../../core/session-state';
import { MAX_OPTIONS } from './usual';

export const REORDER_FLOW = 'reorder';
/** Waiting for which of the products offered the shopper means. */
export const CHOOSE_STEP = 'choose';

/** A product offered to reorder, with what the shopper bought of it last time. */
const OptionSchema = z.object({
  productId: z.string().min(1).max(120),
  /** Its short spoken name, to say the options again. */
  name: z.string().min(1).max(120),
  category: z.string().max(60),
  quantity: z.number().int().min(1).max(999),
  unitPrice: z.object({ minor: z.number().int().min(0), currency: z.enum(CURRENCY_CODES) }),
  variant: z.object({ color: z.string().max(40).optional(), size: z.string().max(20).optional() }).optional(),
  /** Sold in pack sizes (its name ends in one): checkout then reads the category beside the product. */
  packs: z.boolean().optional(),
});
export type ReorderOption = z.infer<typeof OptionSchema>;

const ChoiceSchema = z.object({ options: z.array(OptionSchema).min(1).max(MAX_OPTIONS) });

export function chooseStep(options: readonly ReorderOption[]): ActiveFlow {
  return { flow: REORDER_FLOW, step: CHOOSE_STEP, data: { options: [...options] } };
}

export function readOptions(active: ActiveFlow): readonly ReorderOption[] | undefined {
  if (active.step !== CHOOSE_STEP) return undefined;
  const parsed = ChoiceSchema.safeParse(active.data);
  return parsed.success ? parsed.data.options : undefined;
}
