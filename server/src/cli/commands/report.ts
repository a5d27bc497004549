import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { buildFlagGraph, buildInventory, renderHtmlReport, toolInfo } from '../../core/report';
import { createPackageLookup } from '../../core/service';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from '../errors';
import { parseDateOption, resolveFolder, resolveRegistryOption } from '../options';
import { emit, say } from '../output';
import { describeFindings, scanWorkspace, unusableRegistryProblems } from '../scan';

interface ReportOptions {
  output: string;
  registry?: string;
  now?: Date;
  title?: string;
  cache: boolean;
  history: boolean;
}

/** chart.js's UMD build, found through the package's own entry point (its `exports` hide dist/). */
function readChartJs(): string {
  const dist = path.dirname(require.resolve('chart.js'));
  for (const name of ['chart.umd.min.js', 'chart.umd.js']) {
    const file = path.join(dist, name);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  throw new UsageError(`chart.js's browser build is missing from ${dist}; reinstall flaglint's dependencies.`);
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'the flag inventory as one self-contained HTML file: totals, charts by owner, status, age and expiry, problems, the dependency map, every flag',
    )
    .argument('[path]', 'folder to scan', '.')
    .option('-o, --output <file>', 'the HTML file to write', 'flags.html')
    .option('-r, --registry <path>', 'registry file or folder (default: the nearest one)')
    .option('--now <date>', 'judge expiry and age as of this date (YYYY-MM-DD)', parseDateOption)
    .option('--title <text>', 'the report title')
    .option('--no-cache', 'neither read nor write the analysis cache')
    .option(
      '--no-history',
      "don't read the registry's git history (no dates inferred from git, no history-based lifecycle rules)",
    )
    .action(async (target: string, options: ReportOptions) => {
      const root = resolveFolder(target);
      const chartJs = readChartJs();
      const { result, now } = await scanWorkspace({
        root,
        registry: resolveRegistryOption(options.registry),
        cache: options.cache,
        now: options.now,
        history: options.history,
      });
      const packageOf = createPackageLookup();
      const inventory = buildInventory(result, { packageOf, now });
      const graph = buildFlagGraph(inventory, result, packageOf);
      const { name, version } = toolInfo();
      emit(
        renderHtmlReport({
          result,
          inventory,
          graph,
          now,
          chartJs,
          tool: { name, version },
          ...(options.title !== undefined ? { title: options.title } : {}),
        }),
        options.output,
      );
      say(`flaglint: wrote ${options.output} (${inventory.length} flags, ${result.findings.length} problems).`);
      const unusable = unusableRegistryProblems(result);
      if (unusable.length > 0)
        say(`flaglint: the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`);
      process.exitCode = unusable.length > 0 ? EXIT_USAGE : EXIT_CLEAN;
    });
}
