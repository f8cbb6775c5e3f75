/** Why a confirm call did nothing because of its confirmation token. */
export const CONFIRMATION_REFUSALS = ['forged', 'expired', 'foreign', 'stale'] as const;
export type ConfirmationRefusal = (typeof CONFIRMATION_REFUSALS)[number];

/** Written for the model, which tells the shopper in its own words; the fix is always to prepare again. */
const EXPLANATIONS: Readonly<Record<Exclude<ConfirmationRefusal, 'stale'>, string>> = {
  forged: 'This is not a confirmation token this store issued. Nothing was done; call the prepare tool again and ask the shopper.',
  expired: 'The confirmation token expired. Nothing was done; call the prepare tool again and read the details to the shopper.',
  foreign: 'The confirmation token was issued for another shopper or another action. Nothing was done.',
};

export function confirmationRefusal(kind: Exclude<ConfirmationRefusal, 'stale'>) {
  return { status: 'refused' as const, why: kind, explanation: EXPLANATIONS[kind] };
}

/** The details the shopper agreed to are no longer what the store would do. */
export function staleConfirmation(whatChanged: string) {
  return { status: 'refused' as const, why: 'stale' as const, explanation: `${whatChanged} Nothing was done; call the prepare tool again and read the new details to the shopper.` };
}
