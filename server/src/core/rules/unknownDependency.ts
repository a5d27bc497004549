import { dependencies, dependencyLocation, resolveDependency } from './dependencies';
import type { Rule, RuleFinding } from './rule';
import { didYouMean } from './suggest';

export const unknownDependency: Rule = {
  id: 'unknown-dependency',
  defaultSeverity: 'error',
  summary: '`dependsOn` names a flag that is not in the registry.',
  description:
    'A dependency on a flag the registry does not know is either a typo or a flag that was deleted; either way the release order it records is wrong. ' +
    'Fix the key, or register the flag it depends on.',
  check(ctx) {
    const keys = [...ctx.registry.flags.keys()];
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      for (const [i, dep] of dependencies(entry)) {
        if (resolveDependency(ctx.registry, dep)) continue;
        findings.push({
          message: `Flag '${entry.key}' depends on '${dep}', which is not in the registry.${didYouMean(dep, keys)} Fix the key or register '${dep}'.`,
          location: entry.location,
          flagKey: entry.key,
          related: [{ message: `The dependency on '${dep}'`, location: dependencyLocation(entry, i) }],
        });
      }
    }
    return findings;
  },
};
