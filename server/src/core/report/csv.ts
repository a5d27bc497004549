import type { InventoryRow } from './inventory';
import type { ReferenceRecord } from './references';
import { displayPath } from './paths';

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; records end with CRLF. */
export function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly unknown[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

const COLUMNS = [
  'key',
  'registered',
  'description',
  'owner',
  'type',
  'status',
  'valueType',
  'created',
  'expires',
  'ageDays',
  'daysToExpiry',
  'permanent',
  'references',
  'files',
  'packages',
  'scope',
  'rollback',
  'dependsOn',
  'errors',
  'warnings',
  'registry',
] as const;

/** The inventory as CSV, one row per flag; list fields (packages, scope, dependsOn) are joined with ';'. */
export function formatInventoryCsv(inventory: readonly InventoryRow[], root: string): string {
  let out = csvRecord(COLUMNS);
  for (const row of inventory) {
    const values: Partial<Record<(typeof COLUMNS)[number], unknown>> = {
      ...row,
      errors: row.problems.error,
      warnings: row.problems.warning,
      registry: row.registry === undefined ? '' : displayPath(row.registry, root),
    };
    out += csvRecord(COLUMNS.map((c) => values[c]));
  }
  return out;
}

const REFERENCE_COLUMNS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'key',
  'registryKey',
  'source',
  'callee',
  'form',
  'via',
  'inTest',
] as const;

/** The references as CSV, one row per place the code evaluates a flag; `via` is joined with ';'. */
export function formatReferencesCsv(records: readonly ReferenceRecord[]): string {
  let out = csvRecord(REFERENCE_COLUMNS);
  for (const r of records) out += csvRecord(REFERENCE_COLUMNS.map((c) => r[c]));
  return out;
}
