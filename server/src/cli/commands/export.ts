import * as path from 'node:path';
import type { Command } from 'commander';
import { exportOpenFeatureDetailed } from '../../core/service';
import { UsageError } from '../errors';
import { emit, say } from '../output';
import { loadUsableRegistry, locateRegistry } from '../registryFile';

interface ExportOptions {
  registry?: string;
  output?: string;
  includeArchived?: boolean;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the registry as an OpenFeature CLI flag manifest (flags.json), for generated typed accessors')
    .argument('[path]', 'folder whose registry to export (the nearest one at or above it)', '.')
    .option('-r, --registry <path>', 'registry file or folder to export')
    .option('-o, --output <file>', 'write the manifest to this file instead of stdout')
    .option('--include-archived', 'also export archived flags (left out by default: they are gone from the code)')
    .action((target: string, options: ExportOptions) => {
      const registryPath = locateRegistry(target, options.registry);
      if (!registryPath)
        throw new UsageError(
          `no registry found at or above '${target}'; give one with --registry, or create one with \`flaglint init\`.`,
        );
      if (options.output !== undefined && path.resolve(options.output) === registryPath) {
        throw new UsageError(
          `--output '${options.output}' is the registry itself; choose another file for the manifest.`,
        );
      }
      const registry = loadUsableRegistry(registryPath);
      const { manifest, guessed } = exportOpenFeatureDetailed(registry, {
        includeArchived: options.includeArchived === true,
      });
      emit(`${JSON.stringify(manifest, null, 2)}\n`, options.output);
      for (const g of guessed) say(`flaglint: ${g.key}: ${g.reason}.`);
      if (options.output !== undefined)
        say(`Exported ${Object.keys(manifest.flags).length} flags to ${options.output}.`);
    });
}
