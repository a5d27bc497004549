import * as path from 'node:path';
import { Option, type Command } from 'commander';
import {
  findNearestRegistry,
  firstMentionInCode,
  formatHistoryText,
  historyJson,
  loadRegistry,
  matchRegistryKey,
  registryHistory,
} from '../../core/service';
import { displayPath } from '../../core/report';
import { EXIT_CLEAN, UsageError } from '../errors';
import { resolveFolder, resolveRegistryOption } from '../options';
import { emit } from '../output';

export const HISTORY_FORMATS = ['text', 'json'] as const;

interface HistoryOptions {
  format: (typeof HISTORY_FORMATS)[number];
  output?: string;
  registry?: string;
  path: string;
  code: boolean;
}

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(
      "a flag's audit trail from git: when its registry entry was added and changed, by whom, in which commit, and what changed",
    )
    .argument('<key>', 'the flag key (or one of its aliases)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(HISTORY_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the history to a file instead of stdout')
    .option('-r, --registry <path>', 'registry file or folder (default: the nearest one to --path)')
    .option('-p, --path <folder>', 'folder to start looking for the registry from', '.')
    .option('--no-code', 'skip looking for the commit where the code first mentioned the key')
    .action(async (key: string, options: HistoryOptions) => {
      const registryPath = resolveRegistryOption(options.registry) ?? findNearestRegistry(resolveFolder(options.path));
      if (registryPath === undefined)
        throw new UsageError(
          'no registry found (flags.yaml, flags.yml, flags.json or flags/) here or above; give one with --registry.',
        );
      const history = await registryHistory(registryPath);
      const label = displayPath(registryPath, process.cwd());
      if (!history.available) throw new UsageError(`no history for ${label}: ${history.reason}.`);
      // An alias or case variant names the same entry; a key no longer registered may still have a past.
      const registryKey = matchRegistryKey(loadRegistry(registryPath), key) ?? key;
      const flag = history.flags.get(registryKey);
      if (!flag)
        throw new UsageError(
          `'${key}' has never been in ${label} (${history.commits} commit${history.commits === 1 ? '' : 's'} read).`,
        );
      if (options.code) {
        const first = await firstMentionInCode(path.dirname(registryPath), registryKey);
        if (first) flag.firstInCode = first;
      }
      emit(
        options.format === 'json'
          ? `${JSON.stringify(historyJson(flag, history.file, history.shallow), null, 2)}\n`
          : formatHistoryText(flag, label, history.shallow),
        options.output,
      );
      process.exitCode = EXIT_CLEAN;
    });
}
