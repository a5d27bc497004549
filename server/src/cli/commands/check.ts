import { Option, type Command } from 'commander';
import type { ScanResult } from '../../core/engine/types';
import { buildInventory, formatJson, formatMarkdown, formatSarif, formatText } from '../../core/report';
import { createPackageLookup } from '../../core/rules';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../errors';
import { parseCountOption, parseDateOption, resolveFolder, resolveRegistryOption } from '../options';
import { emit, say, useColor } from '../output';
import { describeFindings, hasRegistry, scanWorkspace, unusableRegistryProblems } from '../scan';
import { discoveryHint, proposeScan } from '../init/discovery';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckOptions {
  format: CheckFormat;
  output?: string;
  registry?: string;
  now?: Date;
  maxWarnings?: number;
  cache: boolean;
  color?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check the flags the code evaluates against the registry (exit 0 clean, 1 errors, 2 bad usage or registry)')
    .argument('[path]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-r, --registry <path>', 'registry file or folder (default: the nearest flags.yaml, flags.yml, flags.json or flags/)')
    .option('--now <date>', 'judge expiry and age as of this date (YYYY-MM-DD)', parseDateOption)
    .option('--max-warnings <n>', 'also exit with 1 when there are more than n warnings', parseCountOption)
    .option('--no-cache', 'neither read nor write the analysis cache')
    .option('--color', 'colour the text report even when not on a terminal')
    .option('--no-color', 'never colour the text report')
    .action(async (target: string, options: CheckOptions) => {
      process.exitCode = await check(target, options);
    });
}

async function check(target: string, options: CheckOptions): Promise<number> {
  const root = resolveFolder(target);
  const registry = resolveRegistryOption(options.registry);
  const { result, now } = await scanWorkspace({ root, registry, cache: options.cache, now: options.now });
  emit(render(result, now, options), options.output);
  if (!hasRegistry(result)) {
    say('flaglint: no registry found (flags.yaml, flags.yml, flags.json or flags/ here or above); every flag counts as unregistered. Run `flaglint init` to create one from the flags in the code.');
  }
  // A project that has not described its own flag API yet: say what the code suggests, in one line.
  // Only then, and only for the text report, is the extra read of the sources worth it.
  const described = result.registries.some((r) => r.scan.functions.length > 0 || r.scan.properties.length > 0 || (r.scan.collections?.length ?? 0) > 0);
  const hint = !described && options.format === 'text' ? discoveryHint(proposeScan(root, result)) : undefined;
  if (hint) say(`flaglint: ${hint}`);
  const unusable = unusableRegistryProblems(result);
  if (unusable.length > 0) {
    say(`flaglint: the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`);
    return EXIT_USAGE;
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
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
