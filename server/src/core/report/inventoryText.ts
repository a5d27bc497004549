import pc from 'picocolors';
import { escapeControl } from './escapeControl';
import type { InventoryRow } from './inventory';
import { plural } from './summary';

/** Terminal display width of a string (emoji and CJK count double; good enough for aligned columns). */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function expiry(row: InventoryRow): string {
  if (row.permanent) return 'permanent';
  if (row.daysToExpiry === undefined) return '';
  return row.daysToExpiry < 0 ? `expired ${-row.daysToExpiry}d ago` : `in ${row.daysToExpiry}d`;
}

/** The inventory as an aligned table for a terminal, followed by a one-line summary. */
export function formatInventoryText(inventory: readonly InventoryRow[], options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const header = ['FLAG', 'OWNER', 'TYPE', 'STATUS', 'AGE', 'EXPIRES', 'REFS', 'PACKAGES', 'PROBLEMS'];
  const rows = inventory.map((r) =>
    [
      r.key,
      r.registered ? (r.owner ?? '-') : 'unregistered',
      r.type ?? '',
      r.status ?? '',
      r.ageDays === undefined ? '' : `${r.ageDays}d`,
      expiry(r),
      String(r.references),
      r.packages.join(', '),
      r.problems.error + r.problems.warning === 0 ? '' : `${r.problems.error}E ${r.problems.warning}W`,
      // Keys come from code and owners from the registry: neither may break a row or drive the terminal.
    ].map(escapeControl),
  );
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[], paint: (s: string, i: number) => string = (s) => s) =>
    cells
      .map((s, i) => paint(s + ' '.repeat(widths[i]! - width(s)), i))
      .join('  ')
      .trimEnd();
  const out = [line(header, (s) => c.bold(s))];
  rows.forEach((cells, n) => {
    const row = inventory[n]!;
    out.push(
      line(cells, (s, i) =>
        i === 1 && !row.registered
          ? c.red(s)
          : i === 8 && row.problems.error > 0
            ? c.red(s)
            : i === 8
              ? c.yellow(s)
              : s,
      ),
    );
  });
  const unregistered = inventory.filter((r) => !r.registered).length;
  const unused = inventory.filter((r) => r.registered && r.references === 0).length;
  out.push(
    '',
    `${plural(inventory.length, 'flag')}: ${inventory.length - unregistered} registered, ${unregistered} unregistered, ${unused} registered but not referenced.`,
  );
  return `${out.join('\n')}\n`;
}
