import type { TestApp } from './test-app';

/** A return as the store under test holds it: its row in the demo store's database. */
export interface HeldReturn {
  readonly number: string;
  readonly order_number: string;
}

/** A return's reference as the shopper hears it: the reply's plain text and the SSML that says it. */
export interface SpokenReference {
  readonly text: string;
  readonly ssml: string;
}

const digits = (value: string | number) => `<say-as interpret-as='digits'>${value}</say-as>`;

/**
 * What the shopper is told a return is called: the store's own six digits, read one at a time, or
 * (Shopify) the name after its order, "#10605-R1", said "10605 R 1".
 */
export function spokenReturnReference(testApp: TestApp, held: HeldReturn): SpokenReference {
  if (!testApp.traits.returnsNamedByOrder) return { text: held.number, ssml: digits(held.number) };
  const numbers = testApp.db.prepare<[string], { number: string }>('SELECT number FROM returns WHERE order_number = ? ORDER BY id').all(held.order_number);
  const nth = numbers.findIndex((row) => row.number === held.number) + 1;
  expect(nth).toBeGreaterThan(0);
  return { text: `${held.order_number} R ${nth}`, ssml: `${digits(held.order_number)} R ${digits(nth)}` };
}
