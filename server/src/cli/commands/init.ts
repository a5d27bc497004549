import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { draftRegistryDiscovering, registryIn } from '../../core/service';
import { displayPath } from '../../core/report';
import { UsageError } from '../errors';
import { parseDateOption, resolveFolder } from '../options';
import { emit, say } from '../output';
import { writeAllOrNothing } from '../registryFile';
import { scanWorkspace } from '../scan';

interface InitOptions {
  registry?: string;
  force?: boolean;
  dryRun?: boolean;
  now?: Date;
  cache: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a registry (flags.yaml) with an entry for every flag the code evaluates')
    .argument('[path]', 'folder to scan; the registry is written there', '.')
    .option(
      '-r, --registry <file>',
      'where to write the registry (default: <path>/flags.yaml; a .json name writes JSON)',
    )
    .option('--force', 'overwrite an existing registry')
    .option('--dry-run', 'print the registry instead of writing it')
    .option(
      '--now <date>',
      "the date to record as the flags' creation date (YYYY-MM-DD; default today)",
      parseDateOption,
    )
    .option('--no-cache', 'neither read nor write the analysis cache')
    .action(async (target: string, options: InitOptions) => {
      const root = resolveFolder(target);
      const file = path.resolve(options.registry ?? path.join(root, 'flags.yaml'));
      const existing = fs.existsSync(file) ? file : options.registry === undefined ? registryIn(root) : undefined;
      if (existing && !options.force && !options.dryRun) {
        throw new UsageError(
          `${displayPath(existing, process.cwd())} already exists; add flags to it from the editor or with \`flaglint import\`, or pass --force to replace it.`,
        );
      }
      const { result, now } = await scanWorkspace({ root, cache: options.cache, now: options.now, discover: 'always' });
      // With the project's own flag API that discovery proposes (a commented scan section), as the editor drafts it.
      const { text, flags, unowned } = await draftRegistryDiscovering({ result, root, file, today: now });
      if (options.dryRun) {
        emit(text, undefined);
        return;
      }
      writeAllOrNothing([{ file, text }]);
      say(
        `Wrote ${displayPath(file, process.cwd())} with ${flags.length} flag${flags.length === 1 ? '' : 's'}${unowned ? ` (${unowned} without an owner)` : ''}. Review the owners, types and dates, add expiry dates and rollback plans, then run \`flaglint check\`.`,
      );
      if (result.dynamic.length > 0)
        say(
          `${result.dynamic.length} flag evaluation${result.dynamic.length === 1 ? ' uses a key' : 's use keys'} that cannot be resolved statically; \`flaglint check\` lists them (dynamic-key).`,
        );
    });
}
