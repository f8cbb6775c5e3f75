/**
 * The demo store's order history, as data. Days are relative to the seed day (0 = today, -1 =
 * yesterday, 2 = the day after tomorrow) in the store's time zone; times are local wall-clock times.
 */

export type DemoCarrier = 'UPS' | 'FedEx' | 'USPS' | 'DHL';

/** Where a package's journey ends, as of the seed day. */
export type DemoOutcome =
  | { readonly kind: 'delivered'; readonly day: number }
  | { readonly kind: 'in-transit'; readonly lastScanDay: number; readonly expectedDay: number }
  /** Still in transit after the promised day: the parcel is late. */
  | { readonly kind: 'delayed'; readonly lastScanDay: number; readonly expectedDay: number }
  | { readonly kind: 'out-for-delivery' }
  | { readonly kind: 'attempt-failed'; readonly day: number; readonly expectedDay: number }
  | { readonly kind: 'available-for-pickup'; readonly day: number; readonly location: string }
  | { readonly kind: 'exception'; readonly day: number; readonly reason: string };

export interface DemoShipment {
  readonly carrier: DemoCarrier;
  /** 1-based positions of the lines in this package; all lines when absent. */
  readonly lines?: readonly number[];
  /** Day the carrier picked it up; the day after the order by default. */
  readonly shipDay?: number;
  readonly outcome: DemoOutcome;
}

export interface DemoOrder {
  readonly number: string;
  readonly shopperId: string;
  readonly placedDay: number;
  /** Local wall-clock time, 'HH:MM'. */
  readonly placedTime: string;
  readonly lines: readonly { readonly productId: string; readonly quantity?: number }[];
  readonly cancelledDay?: number;
  readonly shipments?: readonly DemoShipment[];
}

const delivered = (carrier: DemoCarrier, day: number): DemoShipment => ({ carrier, outcome: { kind: 'delivered', day } });

export const DEMO_ORDERS: readonly DemoOrder[] = [
  // Ava: a returns case, a reorder case (the same coffee most months), dog food twice, a final-sale
  // item, a gift card, one delivery outside a 30-day return window, and a parcel on its way.
  { number: '8841', shopperId: 'shopper-ava', placedDay: -158, placedTime: '07:42', lines: [{ productId: 'ethiopia-yirgacheffe-coffee', quantity: 2 }], shipments: [delivered('USPS', -154)] },
  { number: '9213', shopperId: 'shopper-ava', placedDay: -127, placedTime: '20:15', lines: [{ productId: 'ethiopia-yirgacheffe-coffee' }, { productId: 'salmon-dog-food' }], shipments: [delivered('UPS', -123)] },
  { number: '9573', shopperId: 'shopper-ava', placedDay: -97, placedTime: '08:03', lines: [{ productId: 'colombia-supremo-coffee', quantity: 2 }], shipments: [delivered('USPS', -93)] },
  { number: '9945', shopperId: 'shopper-ava', placedDay: -66, placedTime: '21:37', lines: [{ productId: 'ethiopia-yirgacheffe-coffee', quantity: 2 }, { productId: 'salmon-dog-food' }], shipments: [delivered('UPS', -62)] },
  { number: '10149', shopperId: 'shopper-ava', placedDay: -49, placedTime: '12:26', lines: [{ productId: 'stormline-rain-jacket' }], shipments: [delivered('FedEx', -45)] },
  { number: '10305', shopperId: 'shopper-ava', placedDay: -36, placedTime: '07:58', lines: [{ productId: 'ethiopia-yirgacheffe-coffee', quantity: 2 }], shipments: [delivered('USPS', -33)] },
  { number: '10449', shopperId: 'shopper-ava', placedDay: -24, placedTime: '19:04', lines: [{ productId: 'gift-card-50' }], shipments: [delivered('USPS', -20)] },
  { number: '10605', shopperId: 'shopper-ava', placedDay: -11, placedTime: '18:47', lines: [{ productId: 'trailblazer-running-shoes' }, { productId: 'merino-hiking-socks', quantity: 3 }], shipments: [delivered('UPS', -7)] },
  { number: '10641', shopperId: 'shopper-ava', placedDay: -8, placedTime: '07:36', lines: [{ productId: 'ethiopia-yirgacheffe-coffee', quantity: 2 }], shipments: [delivered('USPS', -5)] },
  { number: '10665', shopperId: 'shopper-ava', placedDay: -6, placedTime: '22:11', lines: [{ productId: 'open-box-studio-headphones' }], shipments: [delivered('FedEx', -2)] },
  { number: '10718', shopperId: 'shopper-ava', placedDay: -2, placedTime: '13:20', lines: [{ productId: 'hydration-vest' }], shipments: [{ carrier: 'UPS', outcome: { kind: 'in-transit', lastScanDay: 0, expectedDay: 1 } }] },

  // Ben: something for every "where is it" answer.
  { number: '9297', shopperId: 'shopper-ben', placedDay: -120, placedTime: '09:48', lines: [{ productId: 'glass-french-press-34-oz' }, { productId: 'conical-burr-coffee-grinder' }], shipments: [delivered('FedEx', -116)] },
  { number: '10017', shopperId: 'shopper-ben', placedDay: -60, placedTime: '17:22', lines: [{ productId: 'scottish-breakfast-black-tea-50-bags', quantity: 2 }], shipments: [delivered('USPS', -56)] },
  { number: '10377', shopperId: 'shopper-ben', placedDay: -30, placedTime: '20:40', lines: [{ productId: 'trade-winds-board-game' }], cancelledDay: -30 },
  { number: '10545', shopperId: 'shopper-ben', placedDay: -16, placedTime: '11:09', lines: [{ productId: 'summit-approach-shoes' }], shipments: [delivered('UPS', -12)] },
  { number: '10629', shopperId: 'shopper-ben', placedDay: -9, placedTime: '15:31', lines: [{ productId: 'boom-speaker' }], shipments: [{ carrier: 'FedEx', outcome: { kind: 'delayed', lastScanDay: -1, expectedDay: -2 } }] },
  { number: '10689', shopperId: 'shopper-ben', placedDay: -4, placedTime: '10:02', lines: [{ productId: 'pulse-wireless-earbuds' }], shipments: [delivered('UPS', -1)] },
  {
    number: '10701',
    shopperId: 'shopper-ben',
    placedDay: -3,
    placedTime: '19:55',
    lines: [{ productId: 'cast-iron-skillet-12' }, { productId: 'salt-pepper-grinder-set' }],
    shipments: [
      { carrier: 'USPS', lines: [1], outcome: { kind: 'out-for-delivery' } },
      { carrier: 'UPS', lines: [2], shipDay: -1, outcome: { kind: 'in-transit', lastScanDay: 0, expectedDay: 1 } },
    ],
  },
  { number: '10737', shopperId: 'shopper-ben', placedDay: 0, placedTime: '08:40', lines: [{ productId: 'packable-down-jacket' }, { productId: 'cable-knit-beanie' }] },

  // Cleo: a split order, a delivery problem, a parcel out for delivery.
  { number: '9681', shopperId: 'shopper-cleo', placedDay: -88, placedTime: '21:12', lines: [{ productId: 'linen-sheet-set' }], shipments: [delivered('FedEx', -84)] },
  { number: '10113', shopperId: 'shopper-cleo', placedDay: -52, placedTime: '08:27', lines: [{ productId: 'organic-sencha-green-tea-loose-leaf-3-oz' }, { productId: 'ceremonial-grade-matcha-1-oz' }], shipments: [delivered('USPS', -48)] },
  { number: '10317', shopperId: 'shopper-cleo', placedDay: -35, placedTime: '16:44', lines: [{ productId: 'faux-olive-tree-6-ft' }], cancelledDay: -34 },
  { number: '10461', shopperId: 'shopper-cleo', placedDay: -23, placedTime: '12:05', lines: [{ productId: 'packable-down-jacket' }], shipments: [delivered('UPS', -20)] },
  {
    number: '10617',
    shopperId: 'shopper-cleo',
    placedDay: -10,
    placedTime: '20:18',
    lines: [
      { productId: 'enameled-cast-iron-dutch-oven-6-qt' },
      { productId: 'tri-ply-stainless-cookware-set-10-piece' },
      { productId: 'digital-kitchen-scale' },
    ],
    shipments: [
      { carrier: 'UPS', lines: [1, 3], outcome: { kind: 'delivered', day: -6 } },
      { carrier: 'FedEx', lines: [2], shipDay: -3, outcome: { kind: 'in-transit', lastScanDay: 0, expectedDay: 1 } },
    ],
  },
  { number: '10653', shopperId: 'shopper-cleo', placedDay: -7, placedTime: '09:14', lines: [{ productId: '40l-carry-on-travel-backpack' }, { productId: 'packing-cubes-set-of-4' }], shipments: [delivered('DHL', -4)] },
  { number: '10694', shopperId: 'shopper-cleo', placedDay: -4, placedTime: '18:36', lines: [{ productId: 'hand-tufted-wool-area-rug-5-x-8-ft' }], shipments: [{ carrier: 'UPS', outcome: { kind: 'exception', day: -1, reason: 'Address information needed' } }] },
  { number: '10706', shopperId: 'shopper-cleo', placedDay: -3, placedTime: '21:03', lines: [{ productId: 'hearts-graphic-tee', quantity: 2 }, { productId: 'organic-cotton-crew-tee' }], shipments: [{ carrier: 'USPS', outcome: { kind: 'out-for-delivery' } }] },

  // Dan: the awkward deliveries.
  { number: '9837', shopperId: 'shopper-dan', placedDay: -75, placedTime: '19:50', lines: [{ productId: 'coding-robot' }, { productId: 'magnetic-tiles' }], shipments: [delivered('UPS', -71)] },
  { number: '10257', shopperId: 'shopper-dan', placedDay: -40, placedTime: '07:19', lines: [{ productId: 'indoor-cat-food-turkey-recipe-12-lb' }, { productId: 'unscented-clumping-cat-litter-28-lb' }], shipments: [delivered('USPS', -37)] },
  { number: '10509', shopperId: 'shopper-dan', placedDay: -19, placedTime: '22:30', lines: [{ productId: 'cooling-weighted-blanket-15-lb' }], cancelledDay: -18 },
  { number: '10581', shopperId: 'shopper-dan', placedDay: -13, placedTime: '10:47', lines: [{ productId: 'ridgeline-waterproof-hiking-boots-men-s' }, { productId: 'summit-28l-hiking-daypack' }], shipments: [delivered('UPS', -8)] },
  { number: '10671', shopperId: 'shopper-dan', placedDay: -6, placedTime: '14:13', lines: [{ productId: 'outdoor-party-speaker' }], shipments: [{ carrier: 'FedEx', outcome: { kind: 'attempt-failed', day: -1, expectedDay: 0 } }] },
  { number: '10677', shopperId: 'shopper-dan', placedDay: -5, placedTime: '08:58', lines: [{ productId: 'iron-goddess-oolong-tea-3-oz' }, { productId: 'gooseneck-electric-kettle' }], shipments: [{ carrier: 'USPS', outcome: { kind: 'available-for-pickup', day: -1, location: 'Lakeview Post Office, 1343 West Irving Park Road, Chicago' } }] },
  {
    number: '10711',
    shopperId: 'shopper-dan',
    placedDay: -3,
    placedTime: '17:25',
    lines: [{ productId: 'glow-in-the-dark-star-projector' }, { productId: 'sand-water-play-table' }],
    // The play table is out of stock, so only the projector has shipped.
    shipments: [{ carrier: 'DHL', lines: [1], outcome: { kind: 'in-transit', lastScanDay: 0, expectedDay: 1 } }],
  },
  { number: '10729', shopperId: 'shopper-dan', placedDay: -1, placedTime: '16:08', lines: [{ productId: 'marble-run-builder-kit' }], cancelledDay: -1 },

  // Eve: one order, on its way.
  { number: '10722', shopperId: 'shopper-eve', placedDay: -2, placedTime: '11:34', lines: [{ productId: 'rose-face-serum' }, { productId: 'mineral-sunscreen' }], shipments: [{ carrier: 'USPS', outcome: { kind: 'in-transit', lastScanDay: 0, expectedDay: 2 } }] },

  // Finn: regular tea, dog gear, a late parcel and an order placed this morning.
  { number: '9417', shopperId: 'shopper-finn', placedDay: -110, placedTime: '18:21', lines: [{ productId: 'earl-grey-creme-tea', quantity: 2 }], shipments: [delivered('USPS', -106)] },
  { number: '9897', shopperId: 'shopper-finn', placedDay: -70, placedTime: '07:45', lines: [{ productId: 'earl-grey-creme-tea' }, { productId: 'masala-chai-tea' }], shipments: [delivered('USPS', -66)] },
  { number: '10281', shopperId: 'shopper-finn', placedDay: -38, placedTime: '13:58', lines: [{ productId: 'reflective-dog-harness' }, { productId: 'retractable-dog-leash' }], shipments: [delivered('FedEx', -35)] },
  { number: '10473', shopperId: 'shopper-finn', placedDay: -22, placedTime: '20:09', lines: [{ productId: 'earl-grey-creme-tea', quantity: 2 }, { productId: 'glass-teapot' }], shipments: [delivered('USPS', -19)] },
  { number: '10634', shopperId: 'shopper-finn', placedDay: -9, placedTime: '09:37', lines: [{ productId: 'dog-hiking-pack' }], shipments: [{ carrier: 'UPS', shipDay: -7, outcome: { kind: 'delayed', lastScanDay: -1, expectedDay: -2 } }] },
  { number: '10742', shopperId: 'shopper-finn', placedDay: 0, placedTime: '09:05', lines: [{ productId: 'earl-grey-creme-tea' }, { productId: 'dental-chews-medium-30-count' }] },
];
