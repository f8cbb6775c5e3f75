import type { Shopper } from '../ports';

/**
 * The demo store's shoppers. Every address, email, phone number (555-01xx) and card is fictional;
 * the last four digits are those of the card networks' public test numbers.
 */
export const DEMO_SHOPPER_PROFILES: readonly Shopper[] = [
  {
    id: 'shopper-ava',
    givenName: 'Ava',
    familyName: 'Thompson',
    email: 'ava@example.com',
    phone: '+13035550142',
    locale: 'en-US',
    defaultAddress: { line1: '2418 Larimer Street', city: 'Denver', region: 'CO', postalCode: '80205', country: 'US' },
    defaultPayment: { brand: 'Visa', last4: '4242' },
  },
  {
    id: 'shopper-ben',
    givenName: 'Ben',
    familyName: 'Carter',
    email: 'ben@example.com',
    phone: '+15125550187',
    locale: 'en-US',
    defaultAddress: { line1: '807 West Mary Street', city: 'Austin', region: 'TX', postalCode: '78704', country: 'US' },
    defaultPayment: { brand: 'Mastercard', last4: '4444' },
  },
  {
    id: 'shopper-cleo',
    givenName: 'Cleo',
    familyName: 'Nguyen',
    email: 'cleo@example.com',
    phone: '+12065550163',
    locale: 'en-US',
    defaultAddress: { line1: '1519 Queen Anne Avenue North', city: 'Seattle', region: 'WA', postalCode: '98109', country: 'US' },
    defaultPayment: { brand: 'American Express', last4: '0005' },
  },
  {
    id: 'shopper-dan',
    givenName: 'Dan',
    familyName: 'Okafor',
    email: 'dan@example.com',
    phone: '+13125550118',
    locale: 'en-US',
    defaultAddress: { line1: '3340 North Clark Street', city: 'Chicago', region: 'IL', postalCode: '60657', country: 'US' },
    defaultPayment: { brand: 'Discover', last4: '1117' },
  },
  {
    id: 'shopper-eve',
    givenName: 'Eve',
    familyName: 'Martinez',
    email: 'eve@example.com',
    phone: '+15035550199',
    locale: 'en-US',
    defaultAddress: { line1: '4120 Southeast Division Street', city: 'Portland', region: 'OR', postalCode: '97202', country: 'US' },
    defaultPayment: { brand: 'Visa', last4: '1881' },
  },
  {
    id: 'shopper-finn',
    givenName: 'Finn',
    familyName: "O'Brien",
    email: 'finn@example.com',
    phone: '+16175550135',
    locale: 'en-US',
    defaultAddress: { line1: '212 Commonwealth Avenue', city: 'Boston', region: 'MA', postalCode: '02116', country: 'US' },
    defaultPayment: { brand: 'Mastercard', last4: '5100' },
  },
];

const STORIES: Readonly<Record<string, string>> = {
  'shopper-ava':
    'running shoes and 3 pairs of socks delivered last week, the same coffee every month, dog food twice, final-sale headphones, a gift card, a rain jacket from 45 days ago, a hydration vest arriving tomorrow',
  'shopper-ben':
    'a jacket ordered this morning, a skillet out for delivery today with its grinder set in a second package, earbuds delivered yesterday, a delayed speaker, a cancelled board game',
  'shopper-cleo':
    'a kitchen order coming in two packages (UPS delivered, FedEx on the way), tees out for delivery today, a rug held for address information, a jacket delivered 20 days ago',
  'shopper-dan':
    'a missed delivery attempt, a parcel waiting at the post office, an order with one item still to ship, boots delivered last week, two cancelled orders',
  'shopper-eve': 'a new shopper with a single order on its way',
  'shopper-finn': 'Earl Grey every few weeks, dog gear, a delayed dog pack, an order placed this morning',
};

/** One line per demo shopper, for `npm run token` and the README. */
export const DEMO_SHOPPERS: readonly { id: string; name: string; story: string }[] = DEMO_SHOPPER_PROFILES.map(
  (shopper) => ({
    id: shopper.id,
    name: `${shopper.givenName} ${shopper.familyName}`,
    story: STORIES[shopper.id] ?? '',
  }),
);
