import type { interfaces } from 'ask-sdk-model';
import * as z from 'zod';
import type { ScreenChoice } from '../../core/display';
import { CHOOSE_EVENT } from './apl-documents';

type UserEvent = interfaces.alexa.presentation.apl.UserEvent;

export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

/** APL sends a bound number as a number; a string of digits is taken too. */
const Position = z.union([z.number().int(), z.string().regex(/^\d{1,2}$/).transform(Number)]).pipe(z.number().int().min(1).max(99));

/** The arguments our documents send (apl-documents.ts); anything else is not a choice. */
const ChooseArguments = z.union([
  z.tuple([z.literal(CHOOSE_EVENT), z.literal('product'), Position]).transform(([, , position]): ScreenChoice => ({ kind: 'product', position })),
  z
    .tuple([z.literal(CHOOSE_EVENT), z.literal('order'), z.string().regex(/^\d{1,12}$/)])
    .transform(([, , orderNumber]): ScreenChoice => ({ kind: 'order', orderNumber })),
]);

/**
 * What the shopper touched, read from an APL UserEvent; undefined when the event's arguments are
 * not one of ours. The device sends them, so they are checked like anything a client sends.
 */
export function screenChoiceOf(request: UserEvent): ScreenChoice | undefined {
  const parsed = ChooseArguments.safeParse(request.arguments);
  return parsed.success ? parsed.data : undefined;
}
