import type { ConversationTurn, HandoffRequest } from '../commerce/ports';
import { redactText } from './redact';

/**
 * Transcripts (the conversation log) and handoff tickets go through the same redactor as log lines.
 *
 * What the shopper said reaches them as slot values, and often comes back inside what the
 * assistant said ("I couldn't find <their words> in your recent orders"), so both are redacted, and
 * so are the staff notes of what was tried, which quote slot values too. A PIN said where no PIN
 * was asked for ("make it 7391" at the confirmation) is a run of digits like any other and goes with
 * them: whoever takes the ticket over reads the order it is about from the ticket's own fields,
 * which stay as they are (the shopper's name and email, the order number, the item).
 */

/** The slots with what was heard, and the value id it resolved to, redacted; nothing else of the platform's slot kept. */
export function redactSlots(slots: ConversationTurn['slots']): ConversationTurn['slots'] {
  return Object.fromEntries(
    Object.entries(slots).map(([name, value]) => [
      name,
      { spoken: redactText(value.spoken), ...(value.id !== undefined ? { id: redactText(value.id) } : {}) },
    ]),
  );
}

/** One turn as a transcript may keep it. */
export function redactTurn(turn: ConversationTurn): ConversationTurn {
  return {
    at: turn.at,
    heard: turn.heard,
    slots: redactSlots(turn.slots),
    ...(turn.said !== undefined ? { said: redactText(turn.said) } : {}),
  };
}

type TicketText = Pick<HandoffRequest, 'tried' | 'transcript'>;

/** A ticket's free text (what was tried, the transcript) redacted; every other field as it was. */
export function redactTicket<Ticket extends TicketText>(ticket: Ticket): Ticket {
  return {
    ...ticket,
    ...(ticket.tried !== undefined ? { tried: ticket.tried.map(redactText) } : {}),
    ...(ticket.transcript !== undefined ? { transcript: ticket.transcript.map(redactTurn) } : {}),
  };
}
