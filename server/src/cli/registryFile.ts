import * as fs from 'node:fs';
import {
  applyTextEdits,
  AtomicWriteError,
  type FileEdit,
  findNearestRegistry,
  loadRegistry,
  type PlannedWrite,
  writeFilesAtomically,
} from '../core/service';
import type { Registry, RegistryProblem } from '../core/model';
import { displayPath } from '../core/report';
import { EXIT_USAGE, UsageError } from './errors';
import { resolveFolder, resolveRegistryOption } from './options';
import { escapeControl } from '../core/report';

/** The registry a command works on: `--registry`, else the nearest one at or above the folder. */
export function locateRegistry(folder: string, explicit: string | undefined): string | undefined {
  return resolveRegistryOption(explicit) ?? findNearestRegistry(resolveFolder(folder));
}

/** `file:line:col: message` for problems with a position, paths relative to the current directory. */
export function describeProblems(problems: readonly RegistryProblem[]): string {
  return problems
    .map(
      (p) =>
        `${escapeControl(displayPath(p.location.file, process.cwd()))}:${p.location.range.start.line + 1}:${p.location.range.start.character + 1}: ${escapeControl(p.message)}`,
    )
    .join('\n');
}

/** Loads a registry, refusing (exit 2) one whose syntax or schema errors make it unreliable. */
export function loadUsableRegistry(registryPath: string): Registry {
  const registry = loadRegistry(registryPath);
  const errors = registry.problems.filter((p) => p.ruleId === 'invalid-registry' && p.severity === 'error');
  if (errors.length > 0)
    throw new UsageError(
      `the registry cannot be used until this is fixed:\n${describeProblems(errors)}`,
      EXIT_USAGE,
      true,
    );
  return registry;
}

/** Writes all the files or none (exit 2 naming the file and the reason when one cannot be written). */
export function writeAllOrNothing(writes: readonly PlannedWrite[], root?: string): void {
  try {
    writeFilesAtomically(writes, { root });
  } catch (e) {
    if (e instanceof AtomicWriteError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Applies registry edits to disk: text edits per file (everything else in the file kept as it was),
 * plus the file creations and deletions of folder registries, all or none.
 */
export function applyFileEdits(edits: readonly FileEdit[], root?: string): string[] {
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const writes: PlannedWrite[] = [];
  for (const [file, list] of byFile) {
    if (list.some((e) => e.deleteFile)) {
      writes.push({ file, text: undefined });
      continue;
    }
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    writes.push({ file, text: applyTextEdits(text, list) });
  }
  writeAllOrNothing(writes, root);
  return [...byFile.keys()];
}
