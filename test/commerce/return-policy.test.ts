import {
  conditionsFor,
  evaluateReturn,
  type ReturnCondition,
  type ReturnFacts,
  type ReturnPolicy,
  ReturnPolicySchema,
  type ReturnVerdict,
} from '../../lambda/commerce/return-policy';

const POLICY: ReturnPolicy = ReturnPolicySchema.parse({
  windowDays: 30,
  categoryWindowDays: { audio: 15, kitchen: 60 },
  excludedCategories: { 'gift-cards': 'gift-card', beauty: 'personal-item' },
  conditions: { '*': ['original-packaging'], shoes: ['unworn'], apparel: ['unworn', 'tags-attached'] },
});

const DELIVERED = '2026-05-02';

/** A delivered, returnable pair of shoes; each row changes only what it is about. */
const facts = (overrides: Partial<ReturnFacts> = {}): ReturnFacts => ({
  category: 'shoes',
  finalSale: false,
  orderCancelled: false,
  quantity: 1,
  returnedQuantity: 0,
  deliveredOn: DELIVERED,
  ...overrides,
});

const eligible = (returnable: number, windowDays: number, lastDay: string, conditions: ReturnCondition[]): ReturnVerdict => ({
  eligible: true,
  returnable,
  windowDays,
  lastDay,
  conditions,
});

describe('evaluateReturn', () => {
  it.each<[string, Partial<ReturnFacts>, string, ReturnVerdict]>([
    // The window: the last day is delivery day + 30, the day after is too late.
    ['delivered today', {}, '2026-05-02', eligible(1, 30, '2026-06-01', ['unworn', 'original-packaging'])],
    ['day 1 after delivery', {}, '2026-05-03', eligible(1, 30, '2026-06-01', ['unworn', 'original-packaging'])],
    ['day 29', {}, '2026-05-31', eligible(1, 30, '2026-06-01', ['unworn', 'original-packaging'])],
    ['day 30, the last day', {}, '2026-06-01', eligible(1, 30, '2026-06-01', ['unworn', 'original-packaging'])],
    ['day 31, one day late', {}, '2026-06-02', { eligible: false, why: 'window-closed', deliveredOn: DELIVERED, windowDays: 30, lastDay: '2026-06-01' }],
    ['a year later', {}, '2027-05-02', { eligible: false, why: 'window-closed', deliveredOn: DELIVERED, windowDays: 30, lastDay: '2026-06-01' }],
    // Per-category windows.
    ['audio on day 15', { category: 'audio' }, '2026-05-17', eligible(1, 15, '2026-05-17', ['original-packaging'])],
    ['audio on day 16', { category: 'audio' }, '2026-05-18', { eligible: false, why: 'window-closed', deliveredOn: DELIVERED, windowDays: 15, lastDay: '2026-05-17' }],
    ['kitchen on day 60', { category: 'kitchen' }, '2026-07-01', eligible(1, 60, '2026-07-01', ['original-packaging'])],
    ['kitchen on day 61', { category: 'kitchen' }, '2026-07-02', { eligible: false, why: 'window-closed', deliveredOn: DELIVERED, windowDays: 60, lastDay: '2026-07-01' }],
    // The window counts calendar days across month and year ends.
    ['across a year end, day 30', { deliveredOn: '2026-12-15' }, '2027-01-14', eligible(1, 30, '2027-01-14', ['unworn', 'original-packaging'])],
    ['across a year end, day 31', { deliveredOn: '2026-12-15' }, '2027-01-15', { eligible: false, why: 'window-closed', deliveredOn: '2026-12-15', windowDays: 30, lastDay: '2027-01-14' }],
    // Final sale.
    ['final sale', { finalSale: true }, '2026-05-03', { eligible: false, why: 'final-sale' }],
    ['final sale, even on delivery day', { finalSale: true }, DELIVERED, { eligible: false, why: 'final-sale' }],
    // Not delivered yet.
    ['not delivered yet', { deliveredOn: undefined }, '2026-05-03', { eligible: false, why: 'not-delivered' }],
    ['not delivered, long after ordering', { deliveredOn: undefined }, '2027-01-01', { eligible: false, why: 'not-delivered' }],
    // Already returned, fully or in part.
    ['already returned', { returnedQuantity: 1 }, '2026-05-03', { eligible: false, why: 'already-returned' }],
    ['two of three returned: one left', { quantity: 3, returnedQuantity: 2 }, '2026-05-03', eligible(1, 30, '2026-06-01', ['unworn', 'original-packaging'])],
    ['none of three returned', { quantity: 3 }, '2026-05-03', eligible(3, 30, '2026-06-01', ['unworn', 'original-packaging'])],
    ['more returned than bought (bad data)', { quantity: 1, returnedQuantity: 2 }, '2026-05-03', { eligible: false, why: 'already-returned' }],
    // Excluded categories.
    ['a gift card', { category: 'gift-cards' }, '2026-05-03', { eligible: false, why: 'gift-card' }],
    ['a personal item', { category: 'beauty' }, '2026-05-03', { eligible: false, why: 'personal-item' }],
    // A cancelled order has nothing to send back.
    ['a cancelled order', { orderCancelled: true, deliveredOn: undefined }, '2026-05-03', { eligible: false, why: 'cancelled' }],
    // Conditions follow the category.
    ['apparel conditions', { category: 'apparel' }, '2026-05-03', eligible(1, 30, '2026-06-01', ['unworn', 'tags-attached', 'original-packaging'])],
  ])('%s', (_name, overrides, today, verdict) => {
    expect(evaluateReturn(POLICY, facts(overrides), today)).toEqual(verdict);
  });

  it.each<[string, Partial<ReturnFacts>, string]>([
    ['a cancelled order beats everything', { orderCancelled: true, finalSale: true, category: 'gift-cards' }, 'cancelled'],
    ['an excluded category beats final sale', { category: 'gift-cards', finalSale: true }, 'gift-card'],
    ['final sale beats not delivered', { finalSale: true, deliveredOn: undefined }, 'final-sale'],
    ['not delivered beats already returned', { deliveredOn: undefined, returnedQuantity: 1 }, 'not-delivered'],
    ['already returned beats a closed window', { returnedQuantity: 1 }, 'already-returned'],
  ])('applies the rules most fundamental first: %s', (_name, overrides, why) => {
    const verdict = evaluateReturn(POLICY, facts(overrides), '2026-09-01');
    expect(verdict.eligible ? 'eligible' : verdict.why).toBe(why);
  });

  it('is pure: the same input always gives the same verdict and nothing is changed', () => {
    const input = facts();
    const frozen = JSON.stringify({ POLICY, input });
    const verdicts = Array.from({ length: 3 }, () => evaluateReturn(POLICY, input, '2026-05-20'));
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
    expect(JSON.stringify({ POLICY, input })).toBe(frozen);
  });
});

describe('the policy as data', () => {
  it('fills in defaults and refuses a document with mistakes', () => {
    expect(ReturnPolicySchema.parse({ windowDays: 14 })).toEqual({
      windowDays: 14,
      categoryWindowDays: {},
      excludedCategories: {},
      conditions: {},
      refund: 'original-payment',
      shipWithinDays: 14,
    });
    expect(ReturnPolicySchema.safeParse({ windowDays: -1 }).success).toBe(false);
    expect(ReturnPolicySchema.safeParse({ windowDays: 30, excludedCategories: { toys: 'too-fun' } }).success).toBe(false);
    expect(ReturnPolicySchema.safeParse({ windowDays: 30, conditions: { shoes: ['smells-nice'] } }).success).toBe(false);
    expect(ReturnPolicySchema.safeParse({ windowDays: 30, surprise: true }).success).toBe(false);
  });

  it('lists conditions once each, in a fixed order', () => {
    const policy = ReturnPolicySchema.parse({ windowDays: 30, conditions: { '*': ['original-packaging', 'unworn'], shoes: ['unworn'] } });
    expect(conditionsFor(policy, 'shoes')).toEqual(['unworn', 'original-packaging']);
    expect(conditionsFor(policy, 'toys')).toEqual(['unworn', 'original-packaging']);
  });
});
