import type { Registry } from '../model';
import { applyTextEdits, removeFlagEdits, setFlagFieldEdits } from '../registry';
import type { FileEdit } from '../text';
import { diffToTextEdits } from './textEdits';

export interface RegistryChange {
  file: string;
  before: string;
  /** Undefined when the file goes (a folder registry's file of the flag). */
  after: string | undefined;
  edits: FileEdit[];
}

/**
 * The registry side of a removal: the flag's entry goes (its comments with it, everything else
 * byte for byte), and so does every `dependsOn` link to it, since a link to a key that no longer
 * exists is an `unknown-dependency` error. Kept on, the requirement always holds and the link meant
 * nothing more; kept off, the dependant could never have been on, which a person must decide about:
 * the summary says so. Removing the links (rather than refusing without --force) keeps a removal one
 * step, and the note shows exactly which dependants to look at.
 */
export function registryChanges(
  registries: readonly Registry[],
  key: string,
  value: unknown,
  read: (file: string) => string,
  warnings: string[],
): RegistryChange[] {
  const texts = new Map<string, string>();
  const originals = new Map<string, string>();
  const deletions: FileEdit[] = [];
  const textOf = (file: string): string => {
    if (!originals.has(file)) originals.set(file, read(file));
    return texts.get(file) ?? originals.get(file)!;
  };
  const apply = (edits: FileEdit[]): void => {
    const byFile = new Map<string, FileEdit[]>();
    for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, fileEdits] of byFile) {
      if (fileEdits.some((e) => e.deleteFile)) deletions.push(...fileEdits.filter((e) => e.deleteFile));
      else texts.set(file, applyTextEdits(textOf(file), fileEdits));
    }
  };

  for (const registry of registries) {
    const entry = registry.flags.get(key);
    if (!entry) continue;
    apply(removeFlagEdits(registry, textOf(entry.location.file), key));
    for (const [other, otherEntry] of registry.flags) {
      if (other === key || !otherEntry.dependsOn?.includes(key)) continue;
      const rest = otherEntry.dependsOn.filter((k) => k !== key);
      apply(
        setFlagFieldEdits(
          registry,
          textOf(otherEntry.location.file),
          other,
          'dependsOn',
          rest.length > 0 ? rest : undefined,
        ),
      );
      warnings.push(
        value
          ? `Removed '${key}' from the dependsOn of '${other}': it stays on for good, so the requirement always holds.`
          : `Removed '${key}' from the dependsOn of '${other}', but '${key}' now stays off for good, so '${other}' could never be on as configured: decide whether '${other}' should go too.`,
      );
    }
  }

  const changes: RegistryChange[] = [];
  for (const [file, after] of texts) {
    const before = originals.get(file)!;
    if (deletions.some((d) => d.file === file)) continue;
    changes.push({ file, before, after, edits: diffToTextEdits(file, before, after) });
  }
  for (const d of deletions) changes.push({ file: d.file, before: textOf(d.file), after: undefined, edits: [d] });
  return changes;
}
