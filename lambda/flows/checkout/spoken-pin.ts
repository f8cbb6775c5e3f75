import type { Turn } from '../../core/turn';

/** Slots a PIN may arrive in: its own, or the number slot of an intent the platform mistook it for. */
const PIN_SLOTS = ['pin', 'quantity', 'sizeNumber', 'orderNumber'];

/**
 * The four digits the shopper said, wherever the platform put them. A number slot drops leading
 * zeros ("zero four two seven" arrives as 427) and a PIN always has four digits, so a shorter
 * number is padded back.
 */
export function spokenPin(turn: Turn): string | undefined {
  if (turn.event.kind !== 'intent') return undefined;
  for (const name of PIN_SLOTS) {
    const slot = turn.event.slots[name];
    if (!slot) continue;
    const said = slot.spoken.replace(/\D/g, '');
    if (said.length === 4) return said;
    const number = (slot.id ?? slot.spoken).replace(/\D/g, '');
    if (number.length >= 1 && number.length <= 4) return number.padStart(4, '0');
  }
  return undefined;
}
