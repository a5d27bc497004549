import * as fs from 'node:fs';
import { attachTimelines, currentDay, FlagIndex, type ScanResult, type TimelineReport } from '../core/service';
import type { Finding, Registry } from '../core/model';
import { displayPath } from '../core/report';
import { say } from './output';
import { terminalProgress } from './progress';
import { escapeControl } from '../core/report';

export interface ScanOptions {
  root: string;
  registry?: string;
  /** The registry's text, when it is not (yet) on disk: `flaglint init` scans with the scan section it proposes. */
  registryText?: string;
  cache: boolean;
  now?: Date;
  /** Read the registries' git history (audit trail, `created` inferred from git) before the rules run. */
  history?: boolean;
  /** Called with the loaded registries before the rules run (see EngineOptions.beforeFindings). */
  beforeFindings?(registries: readonly Registry[]): Promise<readonly Registry[]>;
  /** Gather discovery's sites with the scan (EngineOptions.discover). */
  discover?: 'always' | 'undescribed';
}

/** Runs the engine over a folder, with a progress line on a terminal; `now` is the date the rules judged by. */
export async function scanWorkspace(
  options: ScanOptions,
): Promise<{ result: ScanResult; now: Date; timeline?: TimelineReport }> {
  const progress = terminalProgress();
  let timeline: TimelineReport | undefined;
  const index = new FlagIndex({
    root: options.root,
    ...(options.registry !== undefined ? { registryPath: options.registry } : {}),
    ...(options.cache ? {} : { cacheDir: false as const }),
    // The service's day (FLAGLINT_NOW or the clock's UTC day), as the language server judges by.
    now: options.now ?? currentDay(),
    ...(progress ? { onProgress: progress.onProgress } : {}),
    ...(options.history
      ? {
          beforeFindings: async (registries: readonly Registry[]) => {
            const attached = await attachTimelines(registries);
            timeline = attached.report;
            return attached.registries;
          },
        }
      : {}),
    ...(options.beforeFindings ? { beforeFindings: options.beforeFindings } : {}),
    ...(options.discover ? { discover: options.discover } : {}),
    // One scan, then its result: a kept result of an unchanged tree is as good (not when a registry text replaces the file's).
    ...(options.registryText === undefined ? { reuseResults: true } : {}),
  });
  try {
    const result = await index.scan();
    if (timeline) sayTimeline(timeline);
    if (options.registry === undefined || options.registryText === undefined)
      return { result, now: index.now, ...(timeline ? { timeline } : {}) };
    // A scan (re)loads registries from disk, so the text replaces it afterwards (and rescans).
    await index.updateRegistry(options.registry, options.registryText);
    return { result: index.result(), now: index.now, ...(timeline ? { timeline } : {}) };
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
    .map(
      (f) =>
        `${escapeControl(displayPath(f.location.file, process.cwd()))}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1}: ${escapeControl(f.message)}`,
    )
    .join('\n');
}

/** Whether any registry governing the scan exists on disk (an empty default one does not). */
export function hasRegistry(result: ScanResult): boolean {
  return result.registries.some((r) => fs.existsSync(r.path));
}

/**
 * One line about the git history, only when it matters: flags left undated because there is no
 * history to read, or a shallow clone whose history is cut.
 */
function sayTimeline(report: TimelineReport): void {
  if (report.undated > 0 && report.unavailable.length > 0) {
    const n = report.undated;
    say(
      `flaglint: ${n} flag${n === 1 ? ' has' : 's have'} no \`created\` date and git cannot date ${n === 1 ? 'it' : 'them'} (${report.unavailable[0]!.reason}); ${n === 1 ? 'its' : 'their'} age is not judged.`,
    );
  }
  if (report.shallow.length > 0)
    say(
      'flaglint: this is a shallow clone, so the registry history is cut; flags added before its oldest commit are not dated from git (`git fetch --unshallow` gives the full history).',
    );
}
