import * as fs from 'node:fs';
import { currentDay, FlagIndex, type ScanResult } from '../core/service';
import type { Finding } from '../core/model';
import { displayPath } from '../core/report';
import { terminalProgress } from './progress';
import { escapeControl } from '../core/report';

export interface ScanOptions {
  root: string;
  registry?: string;
  cache: boolean;
  now?: Date;
}

/** Runs the engine over a folder, with a progress line on a terminal; `now` is the date the rules judged by. */
export async function scanWorkspace(options: ScanOptions): Promise<{ result: ScanResult; now: Date }> {
  const progress = terminalProgress();
  const index = new FlagIndex({
    root: options.root,
    ...(options.registry !== undefined ? { registryPath: options.registry } : {}),
    ...(options.cache ? {} : { cacheDir: false as const }),
    // The service's day (FLAGLINT_NOW or the clock's UTC day), as the language server judges by.
    now: options.now ?? currentDay(),
    ...(progress ? { onProgress: progress.onProgress } : {}),
  });
  try {
    return { result: await index.scan(), now: index.now };
  } finally {
    progress?.done();
  }
}

/** The registry problems that make its findings meaningless: syntax or schema errors at error severity. */
export function unusableRegistryProblems(result: ScanResult): Finding[] {
  return result.findings.filter((f) => f.ruleId === 'invalid-registry' && f.severity === 'error');
}

/** `file:line:col: message` lines for stderr, paths relative to the current directory. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${escapeControl(displayPath(f.location.file, process.cwd()))}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1}: ${escapeControl(f.message)}`)
    .join('\n');
}

/** Whether any registry governing the scan exists on disk (an empty default one does not). */
export function hasRegistry(result: ScanResult): boolean {
  return result.registries.some((r) => fs.existsSync(r.path));
}
