import type { FiledHandoff } from '../ports';

/** The JSON body a helpdesk receives for one ticket. Versioned, so receivers can tell shapes apart. */
export function handoffPayload(ticket: FiledHandoff): string {
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
