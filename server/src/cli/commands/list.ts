import { Option, type Command } from 'commander';
import {
  buildInventory,
  formatInventoryCsv,
  formatInventoryText,
  formatReferencesCsv,
  inventoryMarkdown,
  jsonInventory,
  referenceRecords,
  toolInfo,
} from '../../core/report';
import type { InventoryRow, ReferenceRecord } from '../../core/report';
import { createPackageLookup } from '../../core/service';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from '../errors';
import { parseDateOption, resolveFolder, resolveRegistryOption } from '../options';
import { emit, say, useColor } from '../output';
import { describeFindings, scanWorkspace, unusableRegistryProblems } from '../scan';

export const LIST_FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

interface ListOptions {
  format: (typeof LIST_FORMATS)[number];
  output?: string;
  registry?: string;
  now?: Date;
  cache: boolean;
  history: boolean;
  color?: boolean;
  references?: boolean;
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list every flag: owner, type, status, age, expiry, references and the packages that evaluate it')
    .argument('[path]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LIST_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the list to a file instead of stdout')
    .option('-r, --registry <path>', 'registry file or folder (default: the nearest one)')
    .option('--now <date>', 'compute ages and expiry as of this date (YYYY-MM-DD)', parseDateOption)
    .option('--references', 'list every place the code evaluates a flag (file, line, key, form) instead of the flags')
    .option('--no-cache', 'neither read nor write the analysis cache')
    .option(
      '--no-history',
      "don't read the registry's git history (no dates inferred from git, no history-based lifecycle rules)",
    )
    .option('--color', 'colour the table even when not on a terminal')
    .option('--no-color', 'never colour the table')
    .action(async (target: string, options: ListOptions) => {
      const root = resolveFolder(target);
      if (options.references && options.format === 'markdown')
        throw new UsageError('--references prints text, json or csv, not markdown');
      const { result, now } = await scanWorkspace({
        root,
        registry: resolveRegistryOption(options.registry),
        cache: options.cache,
        now: options.now,
        history: options.history,
      });
      if (options.references) {
        emit(
          renderReferences(referenceRecords(result.references, result.registries, root), root, options),
          options.output,
        );
      } else {
        const inventory = buildInventory(result, { packageOf: createPackageLookup(), now });
        emit(render(inventory, root, options), options.output);
      }
      const unusable = unusableRegistryProblems(result);
      if (unusable.length > 0)
        say(`flaglint: the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`);
      process.exitCode = unusable.length > 0 ? EXIT_USAGE : EXIT_CLEAN;
    });
}

function render(inventory: InventoryRow[], root: string, options: ListOptions): string {
  switch (options.format) {
    case 'text':
      return formatInventoryText(inventory, { color: useColor(options) });
    case 'csv':
      return formatInventoryCsv(inventory, root);
    case 'markdown':
      return `${inventoryMarkdown(inventory).join('\n')}\n`;
    case 'json': {
      const { name, version } = toolInfo();
      return `${JSON.stringify({ version: 1, tool: { name, version }, root, inventory: jsonInventory(inventory, root) }, null, 2)}\n`;
    }
  }
}

function renderReferences(records: ReferenceRecord[], root: string, options: ListOptions): string {
  if (options.format === 'csv') return formatReferencesCsv(records);
  if (options.format === 'json') {
    const { name, version } = toolInfo();
    return `${JSON.stringify({ version: 2, tool: { name, version }, root, references: records }, null, 2)}\n`;
  }
  return records
    .map(
      (r) =>
        `${r.file}:${r.line}:${r.column}  ${r.registryKey ?? r.key}  ${r.form}  ${r.callee}${r.inTest ? '  (test)' : ''}\n`,
    )
    .join('');
}
