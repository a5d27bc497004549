import type { DynamicReference, Finding, FlagReference, Registry } from '../model';
import { matchRegistryKey } from '../registry';
import { compareFindings, runRules, type RuleContext } from '../rules';

/**
 * Runs the rules once per registry over the code it governs. References get their `registryKey`
 * here, because the same key may be registered under an alias in one registry and not in another.
 */
export function computeFindings(
  groups: Map<Registry, { references: FlagReference[]; dynamic: DynamicReference[] }>,
  now: Date,
  codeowners: string[],
  packageOf: RuleContext['packageOf'],
): Finding[] {
  const findings: Finding[] = [];
  for (const [registry, group] of groups) {
    for (const ref of group.references) {
      const key = matchRegistryKey(registry, ref.key);
      if (key === undefined) delete ref.registryKey;
      else ref.registryKey = key;
    }
    findings.push(...runRules({ registry, references: group.references, dynamic: group.dynamic, now, packageOf, codeowners }));
  }
  return findings.sort(compareFindings);
}
