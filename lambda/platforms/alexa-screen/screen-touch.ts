import type { interfaces } from 'ask-sdk-model';
import * as z from '../../zod-mini';
import type { ScreenChoice } from '../../core/display';
import { CHOOSE_EVENT } from './apl-documents';

type UserEvent = interfaces.alexa.presentation.apl.UserEvent;

export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

/** APL sends a bound number as a number; a string of digits is taken too. */
const Position = z.pipe(
  z.union([z.int(), z.pipe(z.string().check(z.regex(/^\d{1,2}$/)), z.transform(Number))]),
  z.int().check(z.gte(1), z.lte(99)),
);

/** The arguments our documents send (apl-documents.ts); anything else is not a choice. */
const ChooseArguments = z.union([
  z.pipe(
    z.tuple([z.literal(CHOOSE_EVENT), z.literal('product'), Position]),
    z.transform(([, , position]): ScreenChoice => ({ kind: 'product', position })),
  ),
  z.pipe(
    z.tuple([z.literal(CHOOSE_EVENT), z.literal('order'), z.string().check(z.regex(/^\d{1,12}$/))]),
    z.transform(([, , orderNumber]): ScreenChoice => ({ kind: 'order', orderNumber })),
  ),
]);

/**
 * What the shopper touched, read from an APL UserEvent; undefined when the event's arguments are
 * not one of ours. The device sends them, so they are checked like anything a client sends.
 */
export function screenChoiceOf(request: UserEvent): ScreenChoice | undefined {
  const parsed = ChooseArguments.safeParse(request.arguments);
  return parsed.success ? parsed.data : undefined;
}
