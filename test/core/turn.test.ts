import { slotCount, slotDigits } from '../../lambda/core/turn';

describe('number slots', () => {
  it('reads the digits of a slot, preferring the resolved value', () => {
    expect(slotDigits({ spoken: 'ten forty two', id: '1042' })).toBe('1042');
    expect(slotDigits({ spoken: '10-42' })).toBe('1042');
    expect(slotDigits({ spoken: 'none' })).toBeUndefined();
    expect(slotDigits({ spoken: '1234567890123' })).toBeUndefined();
    expect(slotDigits(undefined)).toBeUndefined();
  });

  it('reads a count within its bounds', () => {
    expect(slotCount({ spoken: 'three', id: '3' }, 20)).toBe(3);
    expect(slotCount({ spoken: '0' }, 20)).toBeUndefined();
    expect(slotCount({ spoken: '21' }, 20)).toBeUndefined();
    expect(slotCount(undefined, 20)).toBeUndefined();
  });
});
