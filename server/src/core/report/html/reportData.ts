import { FLAG_STATUSES } from '../../model';
import type { InventoryRow } from '../inventory';

/** A bar chart's data: one label and one count per bar. */
export interface Series {
  labels: string[];
  values: number[];
}

/** Age buckets in days since `created`; the last is open-ended. */
const AGE_BUCKETS: readonly [string, number][] = [
  ['≤ 30 days', 30],
  ['31–60', 60],
  ['61–90', 90],
  ['91–180', 180],
  ['181–365', 365],
  ['> 1 year', Infinity],
];

/** The expiry timeline spans at most this many months; earlier and later expiries are gathered at its ends. */
const MAX_MONTHS = 24;

function countBy(rows: readonly InventoryRow[], keyOf: (row: InventoryRow) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return counts;
}

/** Registered flags per owner, most first ("no owner" counted as such). */
export function flagsByOwner(rows: readonly InventoryRow[]): Series {
  const counts = [
    ...countBy(
      rows.filter((r) => r.registered),
      (r) => r.owner ?? '(no owner)',
    ),
  ].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { labels: counts.map(([k]) => k), values: counts.map(([, n]) => n) };
}

/** Flags per status in lifecycle order, unregistered ones last. */
export function flagsByStatus(rows: readonly InventoryRow[]): Series {
  const counts = countBy(rows, (r) => (r.registered ? (r.status ?? '(no status)') : 'unregistered'));
  const order = [...FLAG_STATUSES, '(no status)', 'unregistered'].filter((s) => counts.has(s));
  return { labels: order, values: order.map((s) => counts.get(s)!) };
}

/** Registered flags by age (days since `created`, inferred from git where missing). */
export function ageHistogram(rows: readonly InventoryRow[]): Series & { undated: number } {
  const values = AGE_BUCKETS.map(() => 0);
  let undated = 0;
  for (const row of rows) {
    if (!row.registered) continue;
    if (row.ageDays === undefined) {
      undated++;
      continue;
    }
    values[AGE_BUCKETS.findIndex(([, max]) => row.ageDays! <= max)]!++;
  }
  return { labels: AGE_BUCKETS.map(([label]) => label), values, undated };
}

const monthOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 7);

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * Expiries per calendar month (YYYY-MM), from the earliest to the latest, at most MAX_MONTHS wide
 * (centred on today's month when wider: the rest is gathered into "earlier" / "later").
 * `past` marks months before the current one, which the chart draws as overdue.
 */
export function expiryTimeline(rows: readonly InventoryRow[], today: number): Series & { past: boolean[] } {
  const months = rows
    .filter((r) => r.registered && !r.permanent && r.status !== 'archived' && r.daysToExpiry !== undefined)
    .map((r) => monthOf(today + r.daysToExpiry!))
    .sort();
  if (months.length === 0) return { labels: [], values: [], past: [] };
  const current = monthOf(today);
  let first = months[0]!;
  let last = months[months.length - 1]!;
  const span = (a: string, b: string): number =>
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5)) - Number(a.slice(5));
  if (span(first, last) >= MAX_MONTHS) {
    first = first < addMonths(current, -6) ? addMonths(current, -6) : first;
    last = addMonths(first, MAX_MONTHS - 1);
  }
  const labels: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) labels.push(m);
  const values = labels.map(() => 0);
  let earlier = 0;
  let later = 0;
  for (const m of months) {
    if (m < first) earlier++;
    else if (m > last) later++;
    else values[labels.indexOf(m)]!++;
  }
  const past = labels.map((m) => m < current);
  if (earlier > 0) {
    labels.unshift(`before ${first}`);
    values.unshift(earlier);
    past.unshift(true);
  }
  if (later > 0) {
    labels.push(`after ${last}`);
    values.push(later);
    past.push(false);
  }
  return { labels, values, past };
}
