import type { SlotFill } from '../../lambda/understanding/slot-fill';
import type { Exchange } from './local-assistant';
import { PAUSE } from './speech-text';

function slotText(slot: SlotFill): string {
  const resolved = slot.resolution === 'no-match' ? ' (unlisted)' : slot.resolution ? ` → ${slot.resolution.id}` : '';
  const value = slot.value === slot.spoken ? `"${slot.spoken}"` : `"${slot.spoken}" = ${slot.value}`;
  return `${slot.slot} ${value}${resolved}`;
}

/** `OrderStatusIntent, orderNumber "ten forty two" = 1042`, in the platform's names. */
export function understoodText(exchange: Exchange): string {
  const slots = exchange.understanding.kind === 'intent' ? exchange.understanding.slots : [];
  return [exchange.sentAs, ...slots.map(slotText)].join(', ');
}

function withoutPauses(text: string): string {
  return text.replaceAll(PAUSE, ' ').replace(/\s+/g, ' ').trim();
}

/** An exchange as lines for the terminal: the reply, the card, and notes in parentheses. */
export function transcriptLines(speaker: string, exchange: Exchange): string[] {
  const notes = [`  (${understoodText(exchange)})`];
  const reply = exchange.reply;
  if (!reply) return [`${speaker}> [the adapter answered ${exchange.response.status}]`, ...notes];
  const lines = [`${speaker}> ${reply.text || '[says nothing]'}`];
  if (reply.card) {
    // A card usually repeats what was said; its title is the only news then.
    const cardText = withoutPauses(reply.card.text);
    lines.push(withoutPauses(reply.text).includes(cardText) ? `  [card] ${reply.card.title}` : `  [card] ${reply.card.title}: ${cardText}`);
  }
  if (reply.suggestions.length > 0) lines.push(`  [suggestions] ${reply.suggestions.join(' | ')}`);
  if (reply.linkAccount) notes.push('  (asks the shopper to link their account)');
  if (reply.sessionEnded) notes.push('  (the session ended; the next line starts a new one)');
  return [...lines, ...notes];
}
