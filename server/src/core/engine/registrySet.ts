import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Registry } from '../model';
import { RegistryLocator, emptyRegistry, loadRegistry, readCodeowners } from '../registry';
import { decodeRegistryBytes } from '../registry/decodeText';
import { withTimeline } from '../history/timeline';
import type { RegistryCache } from './registryCache';

/**
 * The registries of a workspace: an explicit one for everything, or each file governed by the
 * nearest registry up the tree (a monorepo may have several). While a registry's text is broken
 * beyond use, the last good version keeps governing, with the new errors attached.
 */
export class RegistrySet {
  private readonly byPath = new Map<string, Registry>();
  private readonly locator = new RegistryLocator();
  private readonly fallback: Registry;
  /** Registry texts given by the caller (an unsaved editor buffer, the scan section `init` proposes): a rescan keeps them. */
  private readonly texts = new Map<string, string>();
  /** The workspace's CODEOWNERS patterns, read when a registry's policy first asks for them. */
  private owners: string[] | undefined;

  constructor(
    private readonly root: string,
    private readonly explicit: string | undefined,
    private readonly cache?: RegistryCache,
  ) {
    this.fallback = emptyRegistry(root);
  }

  /** Loads the registries found by the walk (and the nearest one at or above the root). */
  init(found: readonly string[]): void {
    this.byPath.clear();
    this.locator.clear();
    this.owners = undefined;
    if (this.explicit) {
      this.load(this.explicit);
      return;
    }
    for (const p of found) this.load(p);
    const above = this.locator.nearest(this.root);
    if (above) this.load(above);
  }

  all(): Registry[] {
    const list = [...this.byPath.values()];
    return list.length > 0 ? list : [this.fallback];
  }

  /** The registry governing a source file. */
  for(file: string): Registry {
    if (this.explicit) return this.byPath.get(this.explicit) ?? this.fallback;
    const p = this.locator.nearest(path.dirname(file));
    if (!p) return this.fallback;
    return this.byPath.get(p) ?? this.load(p);
  }

  /** CODEOWNERS lines when any registry's policy uses them (else none, and the file is not read). */
  codeowners(): string[] {
    return (this.owners ??= this.all().some((r) => r.policy.useCodeowners) ? readCodeowners(this.root) : []);
  }

  /** Whether a registry's text was given by the caller rather than read from disk. */
  hasTexts(): boolean {
    return this.texts.size > 0;
  }

  get(registryPath: string): Registry | undefined {
    return this.byPath.get(path.resolve(registryPath));
  }

  /** Re-reads one registry (from an editor buffer when `text` is given). Returns it. */
  reload(registryPath: string, text?: string, parsed?: Registry): Registry {
    this.locator.clear();
    this.owners = undefined;
    const abs = path.resolve(registryPath);
    if (text === undefined) this.texts.delete(abs);
    else this.texts.set(abs, text);
    return this.load(abs, text, parsed);
  }

  /** Takes the registries a front end completed (beforeFindings) in place of the loaded ones of the same path. */
  replace(completed: readonly Registry[]): void {
    for (const registry of completed) if (this.byPath.has(registry.path)) this.byPath.set(registry.path, registry);
  }

  remove(registryPath: string): void {
    this.byPath.delete(path.resolve(registryPath));
    this.locator.clear();
  }

  private load(registryPath: string, text?: string, parsed?: Registry): Registry {
    const abs = path.resolve(registryPath);
    const fresh = parsed ?? this.parse(abs, text ?? this.texts.get(abs));
    const previous = this.byPath.get(abs);
    const unusable =
      fresh.flags.size === 0 && fresh.problems.some((p) => p.ruleId === 'invalid-registry' && p.severity === 'error');
    let kept = unusable && previous && previous.flags.size > 0 ? { ...previous, problems: fresh.problems } : fresh;
    // An edited registry keeps the git history a scan attached (the file's commits did not change),
    // so that a keystroke in it does not turn the history-based findings off until the next scan.
    if (previous?.timeline && !kept.timeline) kept = withTimeline(kept, previous.timeline).registry;
    this.byPath.set(abs, kept);
    return kept;
  }

  /** A registry file from the cache when its text is unchanged; editor buffers and folders are always parsed. */
  private parse(abs: string, text: string | undefined): Registry {
    if (text !== undefined || !this.cache) return loadRegistry(abs, text);
    let onDisk: string;
    try {
      if (!fs.statSync(abs).isFile()) return loadRegistry(abs);
      // Bytes the loader would refuse (UTF-16, invalid UTF-8) are left to it, so it can say why.
      const decoded = decodeRegistryBytes(fs.readFileSync(abs));
      if (!('text' in decoded)) return loadRegistry(abs);
      onDisk = decoded.text;
    } catch {
      return loadRegistry(abs);
    }
    const cached = this.cache.get(abs, onDisk);
    if (cached) return cached;
    const fresh = loadRegistry(abs, onDisk);
    this.cache.set(abs, onDisk, fresh);
    return fresh;
  }
}
