import * as fs from 'node:fs';
import { FlagIndex } from '../core/engine/flagIndex';
import type { ScanResult } from '../core/engine/types';
import type { Finding } from '../core/model';
import { displayPath } from '../core/report';
import { terminalProgress } from './progress';

export interface ScanOptions {
  root: string;
  registry?: string;
  /** The registry's text, when it is not (yet) on disk: `flaglint init` scans with the scan section it proposes. */
  registryText?: string;
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
    ...(options.now ? { now: options.now } : {}),
    ...(progress ? { onProgress: progress.onProgress } : {}),
  });
  try {
    const result = await index.scan();
    if (options.registry === undefined || options.registryText === undefined) return { result, now: index.now };
    // A scan (re)loads registries from disk, so the text replaces it afterwards (and rescans).
    await index.updateRegistry(options.registry, options.registryText);
    return { result: index.result(), now: index.now };
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
    .map((f) => `${displayPath(f.location.file, process.cwd())}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1}: ${f.message}`)
    .join('\n');
}

/** Whether any registry governing the scan exists on disk (an empty default one does not). */
export function hasRegistry(result: ScanResult): boolean {
  return result.registries.some((r) => fs.existsSync(r.path));
}
