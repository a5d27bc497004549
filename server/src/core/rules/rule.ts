import type { DynamicReference, Finding, FlagEntry, FlagReference, Registry, RuleId, Severity } from '../model';

/** Everything a rule sees: one registry and the code it governs. */
export interface RuleContext {
  /** The registry governing these references. */
  registry: Registry;
  /**
   * References in files this registry governs. `registryKey` is set when the key matched an entry
   * (exactly, through an alias or as a case variant) and undefined when the key is unregistered.
   */
  references: FlagReference[];
  dynamic: DynamicReference[];
  now: Date;
  /** The nearest package.json above a file (its `name`, or the folder name when it has none). */
  packageOf(file: string): { name: string; dir: string } | undefined;
  /** Owners named in the repository's CODEOWNERS (checked when `policy.useCodeowners`). */
  codeowners: string[];
}

/**
 * A finding as a rule produces it; `runRules` adds the rule id and the effective severity
 * (the policy's override, else the finding's own severity, else the rule's default).
 */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** One sentence: what the rule reports (SARIF shortDescription, docs). */
  summary: string;
  /** Why it matters and how to fix it (SARIF fullDescription, docs). */
  description: string;
  /** A page documenting the rule; formatters fall back to the package's rules documentation. */
  helpUri?: string;
  check(ctx: RuleContext): RuleFinding[];
}

/** The registry entry a reference resolved to, if any. */
export function entryOf(ctx: RuleContext, ref: FlagReference): FlagEntry | undefined {
  return ref.registryKey === undefined ? undefined : ctx.registry.flags.get(ref.registryKey);
}

/** The "registry entry" related location attached to findings in code. */
export function relatedEntry(entry: FlagEntry): { message: string; location: FlagEntry['location'] }[] {
  return [{ message: `Registry entry of '${entry.key}'`, location: entry.location }];
}

/** References grouped by the registry key they resolved to (unregistered ones are left out). */
export function referencesByKey(refs: readonly FlagReference[]): Map<string, FlagReference[]> {
  const byKey = new Map<string, FlagReference[]>();
  for (const ref of refs) {
    if (ref.registryKey === undefined) continue;
    let list = byKey.get(ref.registryKey);
    if (!list) byKey.set(ref.registryKey, (list = []));
    list.push(ref);
  }
  return byKey;
}
