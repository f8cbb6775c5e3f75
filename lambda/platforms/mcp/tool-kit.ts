import * as z from 'zod';
import type { Commerce, Money, Shopper, TurnEvent, TurnOutcome } from '../../commerce/ports';
import type { StoreProfile } from '../../core/flow';
import type { Voice } from '../../speech/voice';
import type { ConfirmationSigner } from './confirmation-token';

/** Everything a tool sees while answering one call. */
export interface ToolContext {
  readonly commerce: Commerce;
  readonly store: StoreProfile;
  /** Only for the store's calendar (its time zone): which day an instant falls on. Tools answer data, not speech. */
  readonly voice: Voice;
  readonly now: Date;
  /** The shopper the call's access token names; tools that need one are never run without it. */
  readonly shopper: Shopper | undefined;
  readonly confirmations: ConfirmationSigner;
}

export type ShopperToolContext = ToolContext & { readonly shopper: Shopper };

/** How a call counts in the containment report, when it is more than an answer. */
export interface ToolEvent {
  readonly outcome: TurnOutcome;
  readonly goal?: TurnEvent['goal'];
  readonly orderValue?: Money;
}

export interface ToolAnswer<Output> {
  readonly output: Output;
  readonly event?: ToolEvent;
}

type Shape = z.ZodRawShape;
type Of<S extends Shape> = z.output<z.ZodObject<S>>;

/**
 * One MCP tool, free of the SDK: its name, words for the model, typed input and output, whether it
 * needs a linked shopper, and whether it changes anything.
 */
export interface ToolDefinition<In extends Shape, Out extends Shape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: In;
  readonly output: Out;
  readonly needsShopper: boolean;
  /** Changes something at the store (and so asks for confirmation first). */
  readonly destructive: boolean;
  /** Adds something without changing anything there was (a handoff ticket): not read-only, not destructive. */
  readonly adds?: boolean;
  run(args: Of<In>, context: ToolContext): Promise<ToolAnswer<Of<Out>>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of tools with different shapes
export type AnyTool = ToolDefinition<any, any>;

export function defineTool<In extends Shape, Out extends Shape>(tool: ToolDefinition<In, Out>): ToolDefinition<In, Out> {
  return tool;
}

/** A tool that needs a shopper, written against a context that has one. */
export function forShopper<In extends Shape, Out extends Shape>(
  tool: Omit<ToolDefinition<In, Out>, 'needsShopper' | 'run'> & { run(args: Of<In>, context: ShopperToolContext): Promise<ToolAnswer<Of<Out>>> },
): ToolDefinition<In, Out> {
  return {
    ...tool,
    needsShopper: true,
    run(args, context) {
      // The endpoint answers 401 before a shopper tool runs without a shopper; this is the backstop.
      if (!context.shopper) throw new Error(`${tool.name} ran without a shopper`);
      return tool.run(args, { ...context, shopper: context.shopper });
    },
  };
}

export const MoneySchema = z.object({
  /** In minor units (cents). */
  minor: z.number().int().describe('Amount in minor units (cents).'),
  currency: z.string().describe('ISO 4217 code.'),
  display: z.string().describe('The amount as a shopper reads it, e.g. "$24.99".'),
});

export function moneyOut(money: Money): z.output<typeof MoneySchema> {
  const display = new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency }).format(money.minor / 100);
  return { minor: money.minor, currency: money.currency, display };
}

export function timesMoney(money: Money, quantity: number): Money {
  return { minor: money.minor * quantity, currency: money.currency };
}

/** Order numbers as the store writes them: digits only. */
export const OrderNumberSchema = z.string().regex(/^\d{1,12}$/, 'an order number is 1 to 12 digits');
