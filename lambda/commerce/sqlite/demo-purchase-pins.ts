import type { SqliteDatabase } from './open-database';

/**
 * The demo shoppers' purchase PINs, as the store keeps them: scrypt hashes with a salt each. They
 * are hashed ahead of time so seeding a demo store stays instant; the PINs themselves are listed
 * in the README, and test/commerce/demo-purchase-pins.test.ts checks each hash against its PIN.
 */
export const DEMO_PURCHASE_PIN_HASHES: Readonly<Record<string, string>> = {
  'shopper-ava': 'scrypt$16384$8$1$EyWps4ayCuO5S7Ltdstwkw$dzeC4tZZ9IyjWann1tfHHIApjUtzAvCc9wxJA1ALJtc',
  'shopper-ben': 'scrypt$16384$8$1$SWc7SdGwBycnQYeygNfBFw$SC5Lj6c0kI9lcWQ43uYJULxoOsutQn4rWWSIwhCTSVk',
  'shopper-cleo': 'scrypt$16384$8$1$sLLxifdTHsysJW0CGupG_g$rEG4kF34evILxCuP-Q6jDTiGovvX-4Poi4rGm3uXTmQ',
  'shopper-dan': 'scrypt$16384$8$1$AUZj4nADesQerTZEPQ8cNg$_Cg4glTpoWAoJ6P20UiukmdxdU4EOGdV2-ZaCCbbi7M',
  'shopper-eve': 'scrypt$16384$8$1$Veis4QGyEFFT6c0aCCzJlg$TiOnIghhyolQ6c5EDlysvfabTLYKa83iCi6M1-odvw0',
  'shopper-finn': 'scrypt$16384$8$1$cw7jMIxtfI_k0yW3XzjwDQ$rMhqWJdpZi8ThcSImgCv1VPHk_9O7lRdKypMQRSOu4s',
};

/** Gives each demo shopper the store knows their purchase PIN. */
export function insertDemoPurchasePins(db: SqliteDatabase): void {
  const insert = db.prepare(
    `INSERT INTO purchase_pins (shopper_id, pin_hash) SELECT id, ? FROM shoppers WHERE id = ?
       ON CONFLICT (shopper_id) DO NOTHING`,
  );
  for (const [shopperId, hash] of Object.entries(DEMO_PURCHASE_PIN_HASHES)) insert.run(hash, shopperId);
}
