import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import {
  emptyRegistry,
  importOpenFeature,
  type ImportPlan,
  planOpenFeatureImport,
  registryEditBlocker,
  showValue,
} from '../../core/service';
import { displayPath } from '../../core/report';
import { EXIT_USAGE, UsageError } from '../errors';
import { say } from '../output';
import { applyFileEdits, describeProblems, loadUsableRegistry, locateRegistry } from '../registryFile';

interface ImportOptions {
  registry?: string;
  dryRun?: boolean;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('add the flags of an OpenFeature CLI manifest (flags.json) to the registry; existing entries are kept')
    .argument('<manifest>', 'the OpenFeature flag manifest to read')
    .option('-r, --registry <path>', 'registry to add to (default: the nearest one, or a new flags.yaml here)')
    .option('--dry-run', 'print what would be added without writing')
    .action((manifest: string, options: ImportOptions) => {
      const manifestPath = path.resolve(manifest);
      let text: string;
      try {
        text = fs.readFileSync(manifestPath, 'utf8');
      } catch (e) {
        throw new UsageError(
          `cannot read manifest '${manifest}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
        );
      }
      const imported = importOpenFeature(text, manifestPath);
      const errors = imported.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0)
        throw new UsageError(
          `the manifest has problems; nothing was imported:\n${describeProblems(errors)}`,
          EXIT_USAGE,
          true,
        );
      const registryPath = locateRegistry('.', options.registry);
      const registry = registryPath ? loadUsableRegistry(registryPath) : emptyRegistry(process.cwd());
      const blocker = registryEditBlocker(registry, undefined);
      if (blocker) throw new UsageError(blocker);
      const plan = planOpenFeatureImport(registry, undefined, imported);
      if (!options.dryRun) applyFileEdits(plan.edits);
      report(plan, displayPath(registry.path, process.cwd()), options.dryRun === true);
    });
}

function report(plan: ImportPlan, registryName: string, dryRun: boolean): void {
  const verb = dryRun ? 'Would add' : 'Added';
  say(
    `${verb} ${plan.added.length} flag${plan.added.length === 1 ? '' : 's'} to ${registryName}${plan.added.length ? `: ${plan.added.join(', ')}` : ''}.`,
  );
  if (plan.existing.length > 0)
    say(`${plan.existing.length} already registered (their entries are kept): ${plan.existing.join(', ')}.`);
  for (const c of plan.conflicts) {
    const where = `${displayPath(c.location.file, process.cwd())}:${c.location.range.start.line + 1}`;
    say(
      `${where}: ${c.key}: the manifest says ${c.field} ${showValue(c.manifestValue)}, the registry ${showValue(c.registryValue)}; the registry's value was kept.`,
    );
  }
  if (plan.added.length > 0 && !dryRun)
    say('Fill in owner, type and rollback for the new flags, then run `flaglint check`.');
}
