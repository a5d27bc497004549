/** Calendar arithmetic and relative-time phrases for lenses, hovers and registry edits. */
import { currentDay } from './today';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date (UTC midnight): the one notion of core/service/today.ts. */
export function today(): Date {
  return currentDay();
}

export function parseDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text));
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** "in 3 days", "today", "5 days ago", "in 2 months", "1 year ago". */
export function relative(date: Date, now: Date): string {
  const days = daysBetween(now, date);
  if (days === 0) return 'today';
  const span = spanText(Math.abs(days));
  return days > 0 ? `in ${span}` : `${span} ago`;
}

/** "47 days", "5 months", "2 years": days while a quarter is left, as expiries are planned in days. */
export function spanText(days: number): string {
  if (days < 90) return plural(days, 'day');
  if (days < 730) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.floor(days / 365.25), 'year');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
