import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScanResult } from '../../server/src/core/engine/types';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const NOW = new Date('2026-11-21T00:00:00Z');

/** A private copy of a workspace (examples/… or test/fixtures/…), removed by the returned cleanup. */
export function copyWorkspace(relative: string): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-ws-'));
  // A cache left by an earlier `flaglint check` of the original must not make the copy warm.
  fs.cpSync(path.join(REPO_ROOT, relative), root, {
    recursive: true,
    filter: (src) => path.basename(src) !== '.flaglint-cache',
  });
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A comparable, position-exact summary of a scan: what a user would see, independent of order. */
export function summarize(result: ScanResult): { references: string[]; dynamic: string[]; findings: string[] } {
  const rel = (f: string): string => path.relative(result.root, f).split(path.sep).join('/');
  const at = (l: { file: string; range: { start: { line: number; character: number } } }): string =>
    `${rel(l.file)}:${l.range.start.line + 1}:${l.range.start.character + 1}`;
  return {
    references: result.references
      .map((r) => `${r.key}->${r.registryKey ?? '?'} ${at(r.location)} ${r.kind} ${r.keyForm} ${r.source}`)
      .sort(),
    dynamic: result.dynamic.map((d) => `${at(d.location)} ${d.reason}`).sort(),
    findings: result.findings
      .map((f) => `${f.ruleId} ${at(f.location)} ${f.flagKey ?? ''} ${f.severity} ${f.message}`)
      .sort(),
  };
}
