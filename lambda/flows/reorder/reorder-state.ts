import * as z from '../../zod-mini';
import { CURRENCY_CODES } from '../../commerce/ports';
import type { ActiveFlow } from '../../core/session-state';
import { MAX_OPTIONS } from './usual';

export const REORDER_FLOW = 'reorder';
/** Waiting for which of the products offered the shopper means. */
export const CHOOSE_STEP = 'choose';

/** A product offered to reorder, with what the shopper bought of it last time. */
const OptionSchema = z.object({
  productId: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Its short spoken name, to say the options again. */
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  category: z.string().check(z.maxLength(60)),
  quantity: z.int().check(z.gte(1), z.lte(999)),
  unitPrice: z.object({ minor: z.int().check(z.gte(0)), currency: z.enum(CURRENCY_CODES) }),
  variant: z.optional(z.object({ color: z.optional(z.string().check(z.maxLength(40))), size: z.optional(z.string().check(z.maxLength(20))) })),
  /** Sold in pack sizes (its name ends in one): checkout then reads the category beside the product. */
  packs: z.optional(z.boolean()),
});
export type ReorderOption = z.infer<typeof OptionSchema>;

const ChoiceSchema = z.object({ options: z.array(OptionSchema).check(z.minLength(1), z.maxLength(MAX_OPTIONS)) });

export function chooseStep(options: readonly ReorderOption[]): ActiveFlow {
  return { flow: REORDER_FLOW, step: CHOOSE_STEP, data: { options: [...options] } };
}

export function readOptions(active: ActiveFlow): readonly ReorderOption[] | undefined {
  if (active.step !== CHOOSE_STEP) return undefined;
  const parsed = ChoiceSchema.safeParse(active.data);
  return parsed.success ? parsed.data.options : undefined;
}
