import { loggableSlots } from '../../lambda/core/loggable-slots';
import { freshSessionState, type SessionState } from '../../lambda/core/session-state';
import type { Turn, TurnEvent } from '../../lambda/core/turn';

function turn(event: TurnEvent, state: SessionState = freshSessionState()): Turn {
  return { platform: 'google', locale: 'en-US', event, state, device: { screen: false }, requestId: 'r', sessionId: 's' };
}

const askedForPin: SessionState = { ...freshSessionState(), active: { flow: 'checkout', step: 'pin', data: {}, secret: true } };

describe('slots that may be written down', () => {
  it('are every slot of an ordinary turn', () => {
    const slots = { item: { spoken: 'coffee', id: 'coffee' } };
    expect(loggableSlots(turn({ kind: 'intent', intent: 'ReorderIntent', slots }))).toEqual(slots);
  });

  it('are none for an answer to a secret question, whatever intent the platform heard', () => {
    expect(loggableSlots(turn({ kind: 'intent', intent: 'QuantityIntent', slots: { quantity: { spoken: '7391' } } }, askedForPin))).toEqual({});
    expect(loggableSlots(turn({ kind: 'intent', intent: 'OrderStatusIntent', slots: { orderNumber: { spoken: '7391' } } }, askedForPin))).toEqual({});
  });

  it('are none for a PIN said out of turn', () => {
    expect(loggableSlots(turn({ kind: 'intent', intent: 'PinIntent', slots: { pin: { spoken: '7391' } } }))).toEqual({});
  });

  it('are none for a launch', () => {
    expect(loggableSlots(turn({ kind: 'launch' }))).toEqual({});
  });
});
