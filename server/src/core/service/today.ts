/**
 * One notion of "today" for rules, hovers, lenses and drafted entries: a whole UTC day, taken from
 * FLAGLINT_NOW (YYYY-MM-DD) when set so that tests and CI judge by a fixed date, else the clock.
 * A long-running session compares its index's day with `currentDay()` and refreshes when the date
 * has turned (see core/service/session.ts), so a hover never disagrees with a diagnostic after midnight.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC midnight that `moment` falls on. */
export function dayOf(moment: Date): Date {
  return new Date(Math.floor(moment.getTime() / DAY_MS) * DAY_MS);
}

/** Today as a UTC midnight: FLAGLINT_NOW when it is a date, else the clock's UTC day. */
export function currentDay(clock: () => Date = () => new Date()): Date {
  const fixed = process.env.FLAGLINT_NOW;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return new Date(`${fixed}T00:00:00Z`);
  return dayOf(clock());
}

/** `YYYY-MM-DD` of a date's UTC day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether two moments fall on the same UTC day. */
export function sameDay(a: Date, b: Date): boolean {
  return dayOf(a).getTime() === dayOf(b).getTime();
}
