/** The time window the report covers, from the command line: `7d`, `24h`, `90m`, `2w`, or an ISO date. */

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `7d` means seven days before `now`; a date or date-time is taken as written (UTC when it has no zone). */
export function parseInstant(text: string, now: Date): Date {
  const relative = /^(\d+)([smhdw])$/.exec(text.trim());
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!]!);
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const date = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed) || trimmed.length === 10 ? trimmed : `${trimmed}Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new Error(`"${text}" is neither a duration (7d, 24h, 30m, 2w) nor an ISO date (2026-11-01 or 2026-11-01T09:00:00Z)`);
}

export interface ReportWindow {
  readonly since: Date;
  readonly until?: Date;
}

export function parseWindow(since: string | undefined, until: string | undefined, now: Date): ReportWindow {
  const start = parseInstant(since ?? '7d', now);
  const end = until === undefined ? undefined : parseInstant(until, now);
  if (end && end.getTime() <= start.getTime()) throw new Error('--until must be later than --since');
  return end ? { since: start, until: end } : { since: start };
}
