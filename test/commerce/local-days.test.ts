import {
  addDays,
  daysBetween,
  instantAtLocalTime,
  localDayOf,
  startOfLocalDay,
} from '../../lambda/commerce/sqlite/local-days';

describe('local days', () => {
  it('finds the day an instant falls on in a zone', () => {
    const instant = new Date('2026-11-27T03:30:00Z');
    expect(localDayOf(instant, 'UTC')).toBe('2026-11-27');
    expect(localDayOf(instant, 'America/New_York')).toBe('2026-11-26');
    expect(localDayOf(instant, 'Asia/Tokyo')).toBe('2026-11-27');
  });

  it('adds days and counts days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-26', '2026-11-29')).toBe(3);
    expect(daysBetween('2026-11-29', '2026-11-26')).toBe(-3);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(() => addDays('26-11-2026', 1)).toThrow(/day key/);
  });

  it('turns a local wall-clock time into the right instant, including across DST changes', () => {
    expect(instantAtLocalTime('2026-07-01', 9, 30, 'America/New_York').toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(instantAtLocalTime('2026-12-01', 9, 30, 'America/New_York').toISOString()).toBe('2026-12-01T14:30:00.000Z');
    // 8 March 2026: New York springs forward at 02:00; the day is 23 hours long.
    const start = startOfLocalDay('2026-03-08', 'America/New_York').getTime();
    const next = startOfLocalDay('2026-03-09', 'America/New_York').getTime();
    expect((next - start) / 3_600_000).toBe(23);
    expect(instantAtLocalTime('2026-03-08', 14, 0, 'America/New_York').toISOString()).toBe('2026-03-08T18:00:00.000Z');
  });
});
