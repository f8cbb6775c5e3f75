import { hashPurchasePin, isFourDigitPin, verifyPurchasePin } from '../../lambda/auth/purchase-pin';
import { DEMO_PURCHASE_PIN_HASHES } from '../../lambda/commerce/sqlite/demo-purchase-pins';

/** The demo PINs as the README lists them. */
const DEMO_PINS: Readonly<Record<string, string>> = {
  'shopper-ava': '7391',
  'shopper-ben': '5820',
  'shopper-cleo': '6154',
  'shopper-dan': '2973',
  'shopper-eve': '8406',
  'shopper-finn': '0528',
};

describe('purchase PIN hashing', () => {
  it('hashes with scrypt and a fresh salt each time, and verifies only the same four digits', async () => {
    const first = await hashPurchasePin('0427');
    const second = await hashPurchasePin('0427');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('0427');
    expect(await verifyPurchasePin('0427', first)).toBe(true);
    expect(await verifyPurchasePin('0427', second)).toBe(true);
    expect(await verifyPurchasePin('4270', first)).toBe(false);
    expect(await verifyPurchasePin('427', first)).toBe(false);
  });

  it('refuses anything but four digits, and matches nothing against a malformed hash', async () => {
    expect(isFourDigitPin('12345')).toBe(false);
    expect(isFourDigitPin('12a4')).toBe(false);
    await expect(hashPurchasePin('123')).rejects.toThrow(/four digits/);
    expect(await verifyPurchasePin('1234', 'plain:1234')).toBe(false);
    expect(await verifyPurchasePin('1234', 'scrypt$0$8$1$c2FsdA$a2V5')).toBe(false);
    expect(await verifyPurchasePin('1234', 'scrypt$1000$8$1$c2FsdA$a2V5')).toBe(false);
  });

  it.each(Object.entries(DEMO_PINS))('%s has the demo PIN the README lists', async (shopperId, pin) => {
    const hash = DEMO_PURCHASE_PIN_HASHES[shopperId]!;
    expect(await verifyPurchasePin(pin, hash)).toBe(true);
  });
});
