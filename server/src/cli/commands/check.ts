import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { createPackageLookup, describesFlagApi, discoveryHint, proposeScan, type ScanResult } from '../../core/service';
import type { Finding } from '../../core/model';
import {
  buildInventory,
  formatChangeMarkdown,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatText,
} from '../../core/report';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../errors';
import { checkAgainstBase, renderBaseCheck } from './checkBase';
import { parseCountOption, parseDateOption, resolveFolder, resolveRegistryOption } from '../options';
import { emit, say, useColor } from '../output';
import { describeFindings, hasRegistry, scanWorkspace, unusableRegistryProblems } from '../scan';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckOptions {
  format: CheckFormat;
  output?: string;
  registry?: string;
  now?: Date;
  maxWarnings?: number;
  cache: boolean;
  history: boolean;
  color?: boolean;
  base?: string;
  summary?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'check the flags the code evaluates against the registry (exit 0 clean, 1 errors, 2 bad usage or registry)',
    )
    .argument('[path]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '-r, --registry <path>',
      'registry file or folder (default: the nearest flags.yaml, flags.yml, flags.json or flags/)',
    )
    .option('--now <date>', 'judge expiry and age as of this date (YYYY-MM-DD)', parseDateOption)
    .option('--max-warnings <n>', 'also exit with 1 when there are more than n warnings', parseCountOption)
    .option('--no-cache', 'neither read nor write the analysis cache')
    .option(
      '--no-history',
      "don't read the registry's git history (no dates inferred from git, no history-based lifecycle rules)",
    )
    .option(
      '--base <rev>',
      'a PR gate: report only what the change from this git revision to the working tree introduces (exit code by those alone)',
    )
    .option(
      '--summary <file>',
      'with --base, also append the Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY)',
    )
    .option('--color', 'colour the text report even when not on a terminal')
    .option('--no-color', 'never colour the text report')
    .action(async (target: string, options: CheckOptions) => {
      process.exitCode = await check(target, options);
    });
}

async function check(target: string, options: CheckOptions): Promise<number> {
  const root = resolveFolder(target);
  const registry = resolveRegistryOption(options.registry);
  if (options.summary !== undefined && options.base === undefined)
    throw new UsageError('--summary needs --base (it summarises a change).');
  if (options.base !== undefined) return checkBase(root, registry, options.base, options);
  const { result, now } = await scanWorkspace({
    root,
    registry,
    cache: options.cache,
    now: options.now,
    history: options.history,
    // The hint's sites come with the scan's own reads and cache (only asked for when the hint can show).
    ...(options.format === 'text' ? { discover: 'undescribed' as const } : {}),
  });
  emit(render(result, now, options), options.output);
  if (!hasRegistry(result)) {
    say(
      'flaglint: no registry found (flags.yaml, flags.yml, flags.json or flags/ here or above); every flag counts as unregistered. Run `flaglint init` to create one from the flags in the code.',
    );
  }
  // A project that has not described its own flag API yet: say what the code suggests, in one line.
  // Only then, and only for the text report, is the extra read of the sources worth it.
  const described = result.registries.some((r) => describesFlagApi(r.scan));
  const hint = !described && options.format === 'text' ? discoveryHint(proposeScan(root, result)) : undefined;
  if (hint) say(`flaglint: ${hint}`);
  const unusable = unusableRegistryProblems(result);
  if (unusable.length > 0) {
    say(`flaglint: the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`);
    return EXIT_USAGE;
  }
  return exitFor(result.findings, options);
}

async function checkBase(
  root: string,
  registry: string | undefined,
  base: string,
  options: CheckOptions,
): Promise<number> {
  const run = await checkAgainstBase(root, registry, base, {
    cache: options.cache,
    history: options.history,
    ...(options.now ? { now: options.now } : {}),
  });
  emit(renderBaseCheck(run, options.format, options), options.output);
  if (options.summary !== undefined) appendSummary(options.summary, formatChangeMarkdown(run.change, run.head.root));
  const unusable = unusableRegistryProblems(run.head);
  if (unusable.length > 0) {
    say(`flaglint: the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`);
    return EXIT_USAGE;
  }
  return exitFor(run.change.introduced, options);
}

/** Job summaries are appended to, as GitHub Actions expects of $GITHUB_STEP_SUMMARY. */
function appendSummary(file: string, markdown: string): void {
  try {
    fs.appendFileSync(path.resolve(file), markdown);
  } catch (e) {
    throw new UsageError(
      `cannot write the summary to '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    );
  }
}

function exitFor(findings: readonly Finding[], options: CheckOptions): number {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    say(`flaglint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

function render(result: ScanResult, now: Date, options: CheckOptions): string {
  switch (options.format) {
    case 'text':
      return formatText(result, { baseDir: process.cwd(), color: useColor(options) });
    case 'sarif':
      return formatSarif(result);
    case 'json':
    case 'markdown': {
      const inventory = buildInventory(result, { packageOf: createPackageLookup(), now });
      return options.format === 'json' ? formatJson(result, inventory) : formatMarkdown(result, inventory);
    }
  }
}
