import type { PinCheck } from '../../commerce/ports';
import type { FlowContext, ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { listen } from '../../core/replies';
import { speakerReplacesPin } from '../../household/household-policy';
import { join, type Speech } from '../../speech/speech';
import { preparesCart } from './checkout-mode';
import { type Basket, type Confirmation, pinStep } from './checkout-state';
import { deadEnd } from './dead-end';
import { spokenPin } from './spoken-pin';

const MINUTE_MS = 60_000;

/**
 * Whether this purchase needs the PIN: always when the shopper turned it on for their own account;
 * otherwise when the store asks for it, unless its policy lets this speaker's recognised voice stand in.
 * Never where a yes only prepares a cart: the PIN guards a charge to the saved card, and a cart
 * charges nothing (the shopper pays on the store's checkout page).
 */
export async function pinRequired(context: ShopperContext): Promise<boolean> {
  if (preparesCart(context)) return false;
  if (await context.commerce.purchasePins.alwaysRequired?.(context.shopper.id)) return true;
  if (!(context.store.purchasePin?.required ?? false)) return false;
  return !speakerReplacesPin(context.turn.speaker, context.store.household);
}

function lockoutMs(context: FlowContext): number {
  return (context.store.purchasePin?.lockoutMinutes ?? 0) * MINUTE_MS;
}

/** Purchasing is locked: say for how long and why, and offer a person. */
function locked(context: FlowContext, basket: Basket, until: Date, intro: Speech = []): Reply {
  const minutes = Math.max(1, Math.ceil((until.getTime() - context.now.getTime()) / MINUTE_MS));
  const speech = join(intro, context.voice.say('checkout.locked', { count: minutes }));
  return deadEnd(context, basket, speech, 'Voice purchases are locked after three wrong PINs.');
}

function pinNotSet(context: FlowContext, basket: Basket, intro: Speech = []): Reply {
  return deadEnd(context, basket, join(intro, context.voice.say('checkout.pinNotSet')), 'Shopper has no voice PIN set.');
}

/**
 * When the store asks for a PIN and this shopper cannot give one right now (purchasing is locked,
 * or no PIN is set), the answer that says so; undefined when checkout may go on.
 */
export async function pinBlock(context: ShopperContext, basket: Basket, intro: Speech = []): Promise<Reply | undefined> {
  if (!(await pinRequired(context))) return undefined;
  const status = await context.commerce.purchasePins.status(context.shopper.id, context.now);
  switch (status.kind) {
    case 'ready':
      return undefined;
    case 'locked':
      return locked(context, basket, status.until, intro);
    case 'not-set':
      return pinNotSet(context, basket, intro);
  }
}

/** Ask for the PIN; whatever the shopper says next is kept out of every log. */
export function askForPin(context: FlowContext, state: Confirmation, speech: Speech = context.voice.say('checkout.askPin')): Reply {
  return listen(context.turn, speech, context.voice.say('checkout.askPinReprompt'), { active: pinStep(state) });
}

export type PinAnswer = { readonly kind: 'accepted' } | { readonly kind: 'answered'; readonly reply: Reply };

function answered(reply: Reply): PinAnswer {
  return { kind: 'answered', reply };
}

/**
 * Checks the PIN just said. Never repeats it: a wrong one only hears how many tries are left. The
 * tries are counted per shopper in the store; nothing the conversation carries takes part.
 */
export async function checkPin(context: ShopperContext, state: Confirmation): Promise<PinAnswer> {
  const { voice, turn, commerce, shopper, now } = context;
  const pin = spokenPin(turn);
  if (!pin) return answered(askForPin(context, state, voice.say('checkout.notAPin')));
  const check: PinCheck = await commerce.purchasePins.check({ shopperId: shopper.id, pin, at: now, lockoutMs: lockoutMs(context) });
  switch (check.kind) {
    case 'accepted':
      return { kind: 'accepted' };
    case 'wrong':
      return answered(askForPin(context, state, voice.say('checkout.wrongPin', { count: check.triesLeft })));
    case 'locked':
      return answered(locked(context, state.basket, check.until));
    case 'not-set':
      return answered(pinNotSet(context, state.basket));
  }
}
