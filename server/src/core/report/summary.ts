import type { Finding, Severity } from '../model';
import type { ScanResult } from '../engine/types';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Distinct flags: registered ones plus keys evaluated in code without an entry. */
  flags: number;
  unregistered: number;
  references: number;
  dynamic: number;
  files: number;
  notes: number;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function summarise(result: ScanResult): Summary {
  const counts = countBySeverity(result.findings);
  const registered = new Set<string>();
  for (const reg of result.registries) for (const key of reg.flags.keys()) registered.add(`${reg.path}\0${key}`);
  const unregistered = new Set(result.references.filter((r) => r.registryKey === undefined).map((r) => r.key));
  return {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    hints: counts.hint,
    flags: registered.size + unregistered.size,
    unregistered: unregistered.size,
    references: result.references.length,
    dynamic: result.dynamic.length,
    files: result.stats.files,
    notes: result.notes.length,
  };
}

/** "1 error", "3 warnings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
