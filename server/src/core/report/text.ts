import pc from 'picocolors';
import type { Finding, Severity } from '../model';
import type { ScanResult } from '../engine/types';
import { escapeControl } from './escapeControl';
import { displayPath } from './paths';
import { plural, summarise } from './summary';

export interface TextOptions {
  /** Paths print relative to this folder (the current directory, so terminals can open them). */
  baseDir: string;
  color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

function paint(c: Colors, severity: Severity): (s: string) => string {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : severity === 'info' ? c.blue : c.dim;
}

function position(f: { location: Finding['location'] }, baseDir: string): string {
  const { line, character } = f.location.range.start;
  return `${escapeControl(displayPath(f.location.file, baseDir))}:${line + 1}:${character + 1}`;
}

/**
 * The human report: findings grouped by file, one line each as `file:line:col  severity  message  [rule]`
 * (a form terminals and editors turn into links), then skipped files, then a summary line. Paths
 * and messages have their control characters escaped, so no file name can add or recolour a line.
 */
export function formatText(result: ScanResult, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const f of result.findings) {
    if (lastFile !== undefined && f.location.file !== lastFile) lines.push('');
    lastFile = f.location.file;
    const severity = paint(c, f.severity)(f.severity.padEnd(7));
    lines.push(
      `${c.underline(position(f, options.baseDir))}  ${severity}  ${escapeControl(f.message)}  ${c.dim(`[${f.ruleId}]`)}`,
    );
  }
  if (result.notes.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.dim(`Skipped or partly read (${result.notes.length}):`));
    for (const note of result.notes) {
      const where = note.location
        ? position({ location: note.location }, options.baseDir)
        : escapeControl(displayPath(note.file, options.baseDir));
      lines.push(c.dim(`  ${where}  ${escapeControl(note.message)}  [${note.kind}]`));
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(result, c));
  return `${lines.join('\n')}\n`;
}

function summaryLine(result: ScanResult, c: Colors): string {
  const s = summarise(result);
  const scanned = `${plural(s.files, 'file')} scanned, ${plural(s.flags, 'flag')} (${s.unregistered} unregistered), ${plural(s.references, 'reference')}`;
  const dynamic = s.dynamic > 0 ? `, ${plural(s.dynamic, 'dynamic key')}` : '';
  const problems = s.errors + s.warnings + s.infos + s.hints;
  if (problems === 0) return `${c.green('✔ No problems')}: ${scanned}${dynamic}.`;
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos + s.hints > 0) parts.push(`${s.infos + s.hints} info`);
  const colour = s.errors > 0 ? c.red : c.yellow;
  return `${colour(c.bold(`✖ ${plural(problems, 'problem')} (${parts.join(', ')})`))}: ${scanned}${dynamic}.`;
}
