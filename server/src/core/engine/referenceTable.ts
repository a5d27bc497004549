import type { DynamicReference, FlagReference, Registry } from '../model';
import { matchRegistryKey } from '../registry';
import type { FileReferences } from '../resolve/references';

/** One file's references, resolved across files and bound to the registry that governs the file. */
interface BoundFile {
  /** What key resolution produced: keys as the code names them, no `registryKey`. */
  readonly resolved: FileReferences;
  readonly registry: Registry;
  /** `resolved.references` with `registryKey` set from `registry`: complete objects, never changed later. */
  readonly references: readonly FlagReference[];
}

/**
 * The resolution part of the index: each analysed file's references and dynamic keys, who depends
 * on whom (for incremental updates), and the registry key of every reference.
 *
 * The registry key is bound here, once, when a file is resolved or its registry changes, so that
 * `referencesTo`, the Explorer and hovers read it without running the rules, and the rules read it
 * without writing it (docs/architecture.md, "Invariants").
 */
export class ReferenceTable {
  private readonly byFile = new Map<string, BoundFile>();
  /** File → files whose references were derived from its facts. */
  private readonly dependents = new Map<string, Set<string>>();

  /** Records a file's freshly resolved references, bound to the registry that governs it. */
  set(file: string, resolved: FileReferences, registry: Registry): void {
    this.unlink(file);
    this.byFile.set(file, { resolved, registry, references: bind(resolved.references, registry) });
    for (const d of resolved.deps) {
      let set = this.dependents.get(d);
      if (!set) this.dependents.set(d, (set = new Set()));
      set.add(file);
    }
  }

  delete(file: string): void {
    this.unlink(file);
    this.byFile.delete(file);
  }

  clear(): void {
    this.byFile.clear();
    this.dependents.clear();
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  files(): string[] {
    return [...this.byFile.keys()];
  }

  /** Files whose references were derived from this file's facts (it exports their key, or a wrapper). */
  dependentsOf(file: string): ReadonlySet<string> {
    return this.dependents.get(file) ?? EMPTY;
  }

  /** One file's references (registry keys bound) and dynamic keys, or undefined when it holds none. */
  of(file: string): { references: readonly FlagReference[]; dynamic: readonly DynamicReference[] } | undefined {
    const bound = this.byFile.get(file);
    return bound && { references: bound.references, dynamic: bound.resolved.dynamic };
  }

  /** Every reference whose registry key (or key, when unregistered) is `registryKey`. */
  to(registryKey: string): FlagReference[] {
    const out: FlagReference[] = [];
    for (const bound of this.byFile.values())
      for (const ref of bound.references) if ((ref.registryKey ?? ref.key) === registryKey) out.push(ref);
    return out;
  }

  /**
   * A registry was loaded, reloaded or replaced: binds again each file whose governing registry is
   * now a different object. Key resolution is not repeated; only the registry keys can change.
   */
  rebind(registryFor: (file: string) => Registry): void {
    for (const [file, bound] of this.byFile) {
      const registry = registryFor(file);
      if (registry !== bound.registry)
        this.byFile.set(file, { ...bound, registry, references: bind(bound.resolved.references, registry) });
    }
  }

  private unlink(file: string): void {
    const old = this.byFile.get(file);
    if (old) for (const d of old.resolved.deps) this.dependents.get(d)?.delete(file);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** New reference objects carrying the registry key (an alias or case variant resolves to its entry). */
function bind(references: readonly FlagReference[], registry: Registry): FlagReference[] {
  return references.map((ref) => {
    const registryKey = matchRegistryKey(registry, ref.key);
    return registryKey === undefined ? ref : { ...ref, registryKey };
  });
}
