import type { Order, Shopper } from '../../lambda/commerce/ports';
import { encodeWire, OrderLookupAnswerSchema, SecondFactorAnswerSchema, SecondFactorBodySchema, ShopperSchema } from '../../lambda/commerce/http/wire-schemas';
import { type CheckContext, checkAnswer, checkNotFound } from './check-context';

/**
 * findShopperByPhone, findShopperByOrder and checkSecondFactor: how the phone line tells who is
 * calling. Checked with what the store itself says of the shopper (their number, card digits,
 * postal code, newest order): each must name this shopper, refuse what does not match, and never
 * hand back a secret.
 */

const SHOPPER = { status: [200], schema: ShopperSchema, schemaName: 'Shopper' } as const;
const ORDER_LOOKUP = { status: [200], schema: OrderLookupAnswerSchema, schemaName: 'the by-order answer' } as const;
const SECOND_FACTOR = { status: [200], schema: SecondFactorAnswerSchema, schemaName: 'the second-factor answer' } as const;

const YEAR_MS = 365 * 86_400_000;
const digitsOf = (value: string | undefined) => (value ?? '').replace(/\D/g, '');

/** Digits of the same length that are none of the shopper's factors. */
function wrongDigits(secret: string, avoid: readonly string[]): string {
  for (let digit = 0; digit < 10; digit += 1) {
    const candidate = String(digit).repeat(secret.length);
    if (!avoid.includes(candidate)) return candidate;
  }
  return `${secret}0`;
}

export async function checkCallerLookups(context: CheckContext, orders: readonly Order[] | undefined): Promise<void> {
  const { caller, shopperId, log } = context;
  const read = await caller.call('findShopper', { path: { shopperId } });
  const profile = read.kind === 'answered' && read.status === 200 ? ShopperSchema.safeParse(read.json) : undefined;
  const shopper: Shopper | undefined = profile?.success ? profile.data : undefined;
  const placedSince = new Date(context.now().getTime() - YEAR_MS);

  const phone = shopper?.phone && /^\+[1-9]\d{6,14}$/.test(shopper.phone) ? shopper.phone : undefined;
  if (!phone) log.skip('findShopperByPhone', 'finds the shopper by their number', 'the shopper has no E.164 phone number in their profile: give the test shopper one');
  else {
    checkAnswer(context, 'findShopperByPhone', 'finds the shopper by their number', await caller.call('findShopperByPhone', { path: {}, body: { phone } }), SHOPPER, (found) =>
      found.id === shopperId ? undefined : `answered "${found.id}" for the number of "${shopperId}"`,
    );
  }
  checkNotFound(
    context,
    'findShopperByPhone',
    'a number nobody has is 404 not-found',
    await caller.call('findShopperByPhone', { path: {}, body: { phone: '+19995550100' } }),
    'answer 404 with {"code": "not-found"} for a number no shopper has',
  );

  const order = orders?.[0];
  const postalCode = digitsOf(shopper?.defaultAddress?.postalCode);
  if (!order || postalCode.length < 3) {
    log.skip('findShopperByOrder', 'finds the shopper by an order and its postal code', 'the shopper needs an order and a postal code in their default address');
  } else {
    const lookup = (code: string) =>
      caller.call('findShopperByOrder', { path: {}, body: { orderNumber: digitsOf(order.number), postalCode: code, placedSince: placedSince.toISOString() } });
    checkAnswer(context, 'findShopperByOrder', 'finds the shopper by their newest order and its postal code', await lookup(postalCode), ORDER_LOOKUP, (found) =>
      found.shopperId === shopperId ? undefined : `answered "${found.shopperId}" for an order of "${shopperId}"`,
    );
    checkNotFound(context, 'findShopperByOrder', 'the wrong postal code is 404 not-found', await lookup(wrongDigits(postalCode, [postalCode])), 'answer 404 not-found: the postal code does not match');
  }

  const last4 = shopper?.defaultPayment?.last4;
  const factors = [last4, postalCode, postalCode.slice(0, 5)].filter((factor): factor is string => Boolean(factor));
  const check = (id: string, digits: string) =>
    caller.call('checkSecondFactor', { path: { shopperId: id }, body: encodeWire(SecondFactorBodySchema, { digits, placedSince }) });
  const onlyMatches = (answer: unknown) =>
    typeof answer === 'object' && answer !== null && Object.keys(answer).every((key) => key === 'matches') ? undefined : 'answer {"matches": true|false} and nothing else: never the secret';
  if (!last4) log.skip('checkSecondFactor', 'takes the last four digits of the card on file', 'the shopper has no card on file');
  else {
    const answer = await check(shopperId, last4);
    checkAnswer(context, 'checkSecondFactor', 'takes the last four digits of the card on file', answer, SECOND_FACTOR, (found) =>
      found.matches ? onlyMatches(answer.kind === 'answered' ? answer.json : undefined) : 'answered no match for the card on file',
    );
  }
  const wrong = wrongDigits(last4 ?? '0000', factors);
  checkAnswer(context, 'checkSecondFactor', 'refuses digits that are none of the factors', await check(shopperId, wrong), SECOND_FACTOR, (found) =>
    found.matches ? `answered a match for ${wrong}` : undefined,
  );
  checkAnswer(context, 'checkSecondFactor', 'an unknown shopper matches nothing', await check(context.unknownShopperId, last4 ?? '4242'), SECOND_FACTOR, (found) =>
    found.matches ? 'answered a match for a shopper nobody is' : undefined,
  );
}
