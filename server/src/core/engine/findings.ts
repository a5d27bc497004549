import type { DynamicReference, Finding, FlagReference, Registry } from '../model';
import { compareFindings, runRules, type RuleContext } from '../rules';

/**
 * Runs the rules once per registry over the code it governs. The references come with their
 * `registryKey` already bound to that registry (engine/referenceTable.ts): the rules only read it.
 */
export function computeFindings(
  groups: Map<Registry, { references: FlagReference[]; dynamic: DynamicReference[] }>,
  now: Date,
  codeowners: string[],
  packageOf: RuleContext['packageOf'],
): Finding[] {
  const findings: Finding[] = [];
  for (const [registry, group] of groups) {
    findings.push(
      ...runRules({ registry, references: group.references, dynamic: group.dynamic, now, packageOf, codeowners }),
    );
  }
  return findings.sort(compareFindings);
}
