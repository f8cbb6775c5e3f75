import { redactTicket } from '../../privacy/redact-transcript';
import type { FiledHandoff } from '../ports';

/**
 * The JSON body a helpdesk receives for one ticket. Versioned, so receivers can tell shapes apart.
 * The notes and transcript are redacted again on the way out: a ticket queued before its store
 * redacted them must not carry what the shopper said to another system.
 */
export function handoffPayload(filed: FiledHandoff): string {
  const ticket = redactTicket(filed);
  return JSON.stringify({
    type: 'shopvoice.handoff',
    version: 1,
    reference: ticket.reference,
    createdAt: ticket.createdAt.toISOString(),
    reason: ticket.reason,
    summary: ticket.summary,
    locale: ticket.locale,
    platform: ticket.platform,
    shopper: ticket.shopper ?? (ticket.shopperId ? { id: ticket.shopperId } : null),
    order: ticket.orderNumber ? { number: ticket.orderNumber } : null,
    item: ticket.item ?? null,
    tried: ticket.tried ?? [],
    transcript: (ticket.transcript ?? []).map((turn) => ({ ...turn, at: turn.at.toISOString() })),
  });
}
