import type { Finding, Location } from '../model';
import type { ScanResult } from '../engine/types';
import type { InventoryRow } from './inventory';
import { displayPath } from './paths';
import { referenceRecords, type ReferenceRecord } from './references';
import { summarise, type Summary } from './summary';
import { toolInfo } from './toolInfo';

/**
 * The JSON report, version 2 (2 added `references`; schema/report.schema.json). Paths are relative to the scan root with forward slashes; lines and
 * columns are 1-based (columns count UTF-16 code units); `endColumn` is exclusive. Fields are only
 * added in later versions, never renamed or removed.
 *
 * {
 *   "version": 2,
 *   "tool": { "name": "flaglint", "version": "x.y.z" },
 *   "root": "/abs/scan/root",
 *   "summary": { errors, warnings, infos, hints, flags, unregistered, references, dynamic, files, notes },
 *   "findings": [{ ruleId, severity, message, flagKey?, file, line, column, endLine, endColumn,
 *                  related?: [{ message, file, line, column }] }],
 *   "inventory": [InventoryRow (registry path made relative)],
 *   "references": [{ file, line, column, endLine, endColumn, key, registryKey?, source, callee, form, via?, inTest }],
 *   "dynamic": [{ file, line, column, source, callee, expression, reason }],
 *   "notes": [{ file, kind, message, line?, column? }],
 *   "stats": { files, parsed, cached, ms }
 * }
 */
export interface JsonReport {
  version: 2;
  tool: { name: string; version: string };
  root: string;
  summary: Summary;
  findings: JsonFinding[];
  inventory: InventoryRow[];
  references: ReferenceRecord[];
  dynamic: (JsonPosition & { source: string; callee: string; expression: string; reason: string })[];
  notes: { file: string; kind: string; message: string; line?: number; column?: number }[];
  stats: ScanResult['stats'];
}

export interface JsonPosition {
  file: string;
  line: number;
  column: number;
}

export interface JsonFinding extends JsonPosition {
  ruleId: Finding['ruleId'];
  severity: Finding['severity'];
  message: string;
  flagKey?: string;
  endLine: number;
  endColumn: number;
  related?: (JsonPosition & { message: string })[];
}

function at(location: Location, root: string): JsonPosition {
  return {
    file: displayPath(location.file, root),
    line: location.range.start.line + 1,
    column: location.range.start.character + 1,
  };
}

export function jsonInventory(inventory: readonly InventoryRow[], root: string): InventoryRow[] {
  return inventory.map((row) =>
    row.registry === undefined ? row : { ...row, registry: displayPath(row.registry, root) },
  );
}

export function buildJsonReport(result: ScanResult, inventory: readonly InventoryRow[]): JsonReport {
  const root = result.root;
  const { name, version } = toolInfo();
  return {
    version: 2,
    tool: { name, version },
    root,
    summary: summarise(result),
    findings: result.findings.map((f) => {
      const out: JsonFinding = {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        ...(f.flagKey !== undefined ? { flagKey: f.flagKey } : {}),
        ...at(f.location, root),
        endLine: f.location.range.end.line + 1,
        endColumn: f.location.range.end.character + 1,
      };
      if (f.related?.length) out.related = f.related.map((r) => ({ message: r.message, ...at(r.location, root) }));
      return out;
    }),
    inventory: jsonInventory(inventory, root),
    references: referenceRecords(result.references, result.registries, root),
    dynamic: result.dynamic.map((d) => ({
      ...at(d.location, root),
      source: d.source,
      callee: d.callee,
      expression: d.expression,
      reason: d.reason,
    })),
    notes: result.notes.map((n) => {
      const pos = n.location ? at(n.location, root) : undefined;
      return {
        file: displayPath(n.file, root),
        kind: n.kind,
        message: n.message,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
      };
    }),
    stats: result.stats,
  };
}

export function formatJson(result: ScanResult, inventory: readonly InventoryRow[]): string {
  return `${JSON.stringify(buildJsonReport(result, inventory), null, 2)}\n`;
}
