import { RETURN_REASONS } from '../../lambda/commerce/ports';
import { freshSessionState } from '../../lambda/core/session-state';
import type { Slots, Turn } from '../../lambda/core/turn';
import { sizeRequestOf } from '../../lambda/flows/checkout/size-change';
import { ordinalPosition } from '../../lambda/flows/ordinal-position';
import { locale } from './support';

/** The turn of a shopper answering "which size?". */
function sizeAnswer(slots: Slots): Turn {
  return {
    platform: 'alexa',
    locale: 'en-US',
    event: { kind: 'intent', intent: 'ChangeSizeIntent', slots },
    state: freshSessionState(),
    device: { screen: false },
    requestId: 'request',
    sessionId: 'session',
  };
}

describe.each(['en-US', 'de-DE'])('the flows understand every value the %s model can send', (code) => {
  it('every size, by its id, and a lettered size heard without one', () => {
    for (const [id, words] of Object.entries(locale(code).types.SizeChoice?.values ?? {})) {
      for (const spoken of words) expect(sizeRequestOf(sizeAnswer({ size: { spoken, id } }))).toBeDefined();
    }
    expect(sizeRequestOf(sizeAnswer({ size: { spoken: 'x. l.' } }))).toEqual({ kind: 'named', size: 'XL' });
    expect(sizeRequestOf(sizeAnswer({ size: { spoken: 'M' } }))).toEqual({ kind: 'named', size: 'M' });
    expect(sizeRequestOf(sizeAnswer({ size: { spoken: 'xxl' } }))).toEqual({ kind: 'named', size: 'XXL' });
  });

  it('every ordinal, "the other one" among two', () => {
    for (const id of Object.keys(locale(code).types.Ordinal?.values ?? {})) {
      expect(ordinalPosition({ spoken: id, id }, id === 'other' ? 2 : 3)).toBeDefined();
    }
    const other = { spoken: 'other', id: 'other' };
    expect(ordinalPosition(other, 2)).toBe(1);
    expect(ordinalPosition(other, 2, 1)).toBe(0);
    expect(ordinalPosition(other, 3, 0)).toBeUndefined();
  });

  it('every return reason', () => {
    for (const id of Object.keys(locale(code).types.ReturnReason?.values ?? {})) expect(RETURN_REASONS).toContain(id);
  });
});
