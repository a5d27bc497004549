import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { registryIn } from '../../core/registry';
import { displayPath } from '../../core/report';
import { UsageError } from '../errors';
import { isTestFile } from '../../core/detect/testFiles';
import { draftFlags } from '../init/draft';
import { proposeScan, renderScanProposal, withScanSection } from '../init/discovery';
import { renderRegistry } from '../init/render';
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
    .option('-r, --registry <file>', 'where to write the registry (default: <path>/flags.yaml; a .json name writes JSON)')
    .option('--force', 'overwrite an existing registry')
    .option('--dry-run', 'print the registry instead of writing it')
    .option('--now <date>', "the date to record as the flags' creation date (YYYY-MM-DD; default today)", parseDateOption)
    .option('--no-cache', 'neither read nor write the analysis cache')
    .action(async (target: string, options: InitOptions) => {
      const root = resolveFolder(target);
      const file = path.resolve(options.registry ?? path.join(root, 'flags.yaml'));
      const existing = fs.existsSync(file) ? file : options.registry === undefined ? registryIn(root) : undefined;
      if (existing && !options.force && !options.dryRun) {
        throw new UsageError(`${displayPath(existing, process.cwd())} already exists; add flags to it from the editor or with \`flaglint import\`, or pass --force to replace it.`);
      }
      let { result, now } = await scanWorkspace({ root, cache: options.cache, now: options.now });
      // The project's own flag API, as the code suggests it: proposed with a reason each, and used
      // for the flags drafted below, so that its evaluations get entries too.
      const scanSection = /\.json$/i.test(file) ? '' : renderScanProposal(proposeScan(root, result));
      if (scanSection) ({ result, now } = await scanWorkspace({ root, registry: file, registryText: scanSection, cache: false, now: options.now }));
      // A key evaluated only in tests is a mock's made-up key more often than a flag: no entry for it.
      const outsideTests = new Set(result.references.filter((r) => !isTestFile(r.location.file, undefined, root)).map((r) => r.key));
      const flags = draftFlags(result.references.filter((r) => outsideTests.has(r.key)), root);
      const text = withScanSection(renderRegistry(flags, path.dirname(file), now.toISOString().slice(0, 10), /\.json$/i.test(file)), scanSection);
      if (options.dryRun) {
        emit(text, undefined);
        return;
      }
      writeAllOrNothing([{ file, text }]);
      const unowned = flags.filter((f) => f.owner === undefined).length;
      say(`Wrote ${displayPath(file, process.cwd())} with ${flags.length} flag${flags.length === 1 ? '' : 's'}${unowned ? ` (${unowned} without an owner)` : ''}. Review the owners, types and dates, add expiry dates and rollback plans, then run \`flaglint check\`.`);
      if (result.dynamic.length > 0) say(`${result.dynamic.length} flag evaluation${result.dynamic.length === 1 ? ' uses a key' : 's use keys'} that cannot be resolved statically; \`flaglint check\` lists them (dynamic-key).`);
    });
}
