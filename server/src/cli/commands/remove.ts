import * as fs from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { displayPath, escapeControl } from '../../core/report';
import { removalModule, type RemoveFlagResult } from '../../core/service';
import { needTypeChecker } from '../compilerLoader';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../errors';
import { resolveFolder, resolveRegistryOption } from '../options';
import { say, useColor } from '../output';
import { writeAllOrNothing } from '../registryFile';
import { describeFindings, scanWorkspace, unusableRegistryProblems } from '../scan';
import type { ScanNote } from '../../core/model';

interface RemoveOptions {
  value: string;
  dryRun?: boolean;
  force?: boolean;
  registry?: string;
  verify: boolean;
  cache: boolean;
  color?: boolean;
}

/**
 * `flaglint remove <key> --value <v> [path]`: rewrites every evaluation of the flag to the kept
 * value, simplifies what that folds, drops what became unused and the registry entry. Exit codes:
 * 0 done, 1 the result does not parse or type-check (nothing written unless --force), 2 bad usage.
 */
export function registerRemoveCommand(program: Command): void {
  program
    .command('remove')
    .description('remove a flag from the code, keeping one value, and delete its registry entry')
    .argument('<key>', 'the flag key (an alias or case variant of it works too)')
    .argument('[path]', 'folder to scan', '.')
    .requiredOption(
      '--value <value>',
      "the value to keep: true/false, a string, a number or JSON, as the flag's valueType says",
    )
    .option('--dry-run', 'print the change as a unified diff; write nothing')
    .option('--force', 'write the change even when the result does not type-check')
    .option('-r, --registry <path>', 'registry file or folder (default: the nearest one)')
    .option('--no-verify', 'skip the parse and type check of the result')
    .option('--no-cache', 'neither read nor write the analysis cache')
    .option('--color', 'colour the diff even when not on a terminal')
    .option('--no-color', 'never colour the diff')
    .action(async (key: string, target: string, options: RemoveOptions) => {
      // Before the scan parses anything: the rewrite and its verification need the full compiler
      // (with the type checker), and the bundled CLI otherwise loads the parser alone.
      needTypeChecker();
      const root = resolveFolder(target);
      const { result: scan } = await scanWorkspace({
        root,
        registry: resolveRegistryOption(options.registry),
        cache: options.cache,
      });
      const unusable = unusableRegistryProblems(scan);
      if (unusable.length > 0)
        throw new UsageError(
          `the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`,
          EXIT_USAGE,
          true,
        );

      // Loaded here: the rewriter pulls in the compiler, which the other commands must not pay for.
      // Loaded here, not at start: it brings the compiler, which the other commands may never need.
      const { parseValueArgument, removeFlag, RemoveError, resolveFlagKey, unifiedDiff } = removalModule();
      let result: RemoveFlagResult;
      try {
        const flag = resolveFlagKey(scan, key);
        const value = parseValueArgument(flag.key, options.value, flag.valueType, flag.entry);
        result = await removeFlag({ scan, key: flag.key, value, verify: options.verify });
      } catch (e) {
        if (e instanceof RemoveError) throw new UsageError(e.message);
        throw e;
      }

      const color = useColor(options);
      for (const warning of result.warnings) say(`warning: ${warning}`);
      for (const file of unanalysedMentions(scan.notes, result.key)) {
        say(
          `warning: ${escapeControl(displayPath(file, process.cwd()))} could not be analysed (see \`flaglint check\`) and mentions '${escapeControl(result.key)}'; it may still evaluate the flag, so look at it by hand.`,
        );
      }
      for (const hint of result.hints) say(`hint: ${escapeControl(hint)}`);
      const failed = !result.verification.ok;
      if (failed) {
        say(`flaglint: the code would no longer type-check after removing '${result.key}':`);
        for (const e of result.verification.newErrors)
          say(
            `  ${escapeControl(displayPath(e.file, process.cwd()))}:${e.line + 1}:${e.character + 1}: ${escapeControl(e.message)}`,
          );
      }
      const summary = `'${result.key}' kept as ${JSON.stringify(result.value)}: ${result.references} reference${result.references === 1 ? '' : 's'} rewritten, ${result.files.length} file${result.files.length === 1 ? '' : 's'} changed`;

      if (options.dryRun) {
        process.stdout.write(renderDiff(result, color, unifiedDiff));
        say(`flaglint: ${summary} (dry run: nothing written).`);
      } else if (failed && !options.force) {
        say(
          'flaglint: nothing written. Fix the code first, look at the change with --dry-run, or write it anyway with --force.',
        );
      } else {
        writeChanges(result, root);
        say(`flaglint: ${summary}${failed ? ' (written anyway: --force)' : ''}.`);
        for (const file of result.files) say(`  ${escapeControl(displayPath(file, process.cwd()))}`);
      }
      process.exitCode = failed ? EXIT_PROBLEMS : EXIT_CLEAN;
    });
}

function renderDiff(
  result: RemoveFlagResult,
  color: boolean,
  unifiedDiff: ReturnType<typeof removalModule>['unifiedDiff'],
): string {
  let out = '';
  for (const change of result.changes) {
    const name = escapeControl(displayPath(change.file, process.cwd()));
    out += unifiedDiff(
      `a/${name}`,
      change.after === undefined ? '/dev/null' : `b/${name}`,
      change.before,
      change.after ?? '',
    );
  }
  if (!color) return out;
  return out
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return pc.bold(line);
      if (line.startsWith('@@')) return pc.cyan(line);
      if (line.startsWith('+')) return pc.green(line);
      if (line.startsWith('-')) return pc.red(line);
      return line;
    })
    .join('\n');
}

/** Writes every changed file, after checking none changed on disk since it was read. */
function writeChanges(result: RemoveFlagResult, root: string): void {
  for (const change of result.changes) {
    let current: string;
    try {
      current = fs.readFileSync(change.file, 'utf8');
    } catch {
      throw new UsageError(`${change.file} vanished while the removal was planned; nothing written.`);
    }
    if (current !== change.before)
      throw new UsageError(
        `${change.file} changed while the removal was planned; nothing written. Run the command again.`,
      );
  }
  writeAllOrNothing(
    result.changes.map((c) => ({ file: c.file, text: c.after })),
    root,
  );
}

/** Files the scan skipped as too deeply nested to parse whose text names `key`: the removal cannot have seen them. */
function unanalysedMentions(notes: readonly ScanNote[], key: string): string[] {
  return notes
    .filter((n) => n.kind === 'not-analysed')
    .map((n) => n.file)
    .filter((file) => {
      try {
        return fs.readFileSync(file, 'utf8').includes(key);
      } catch {
        return false;
      }
    });
}
