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
 * byte for byte), and other flags stop depending on it when it stays on for good (a requirement
 * that always holds is no requirement). When it stays off, dependents are left for a person to
 * judge, with a warning.
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
      if (!value) {
        warnings.push(`'${other}' depends on '${key}', which now stays off for good; decide what '${other}' should do and edit its dependsOn.`);
        continue;
      }
      const rest = otherEntry.dependsOn.filter((k) => k !== key);
      apply(setFlagFieldEdits(registry, textOf(otherEntry.location.file), other, 'dependsOn', rest.length > 0 ? rest : undefined));
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
