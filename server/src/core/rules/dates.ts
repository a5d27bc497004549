/** Calendar arithmetic for `created` / `expires`, in whole UTC days so results do not depend on the machine's time zone. */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` date; undefined when the value is not a real date. */
export function utcDay(value: unknown): number | undefined {
  // A YAML 1.1 loader may hand over a Date for an unquoted date; accept it rather than ignore the field.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : Math.floor(value.getTime() / DAY_MS);
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Reject 2026-02-30 and the like instead of letting Date roll them over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** The UTC day `now` falls on. */
export function dayOf(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS);
}

/** `YYYY-MM-DD` of a UTC day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "1 day", "3 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
