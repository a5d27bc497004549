import { dependencies, dependencyLocation, resolveDependency } from './dependencies';
import type { Rule, RuleFinding } from './rule';

export const dependsOnRetiredFlag: Rule = {
  id: 'depends-on-retired-flag',
  defaultSeverity: 'warning',
  summary: 'A flag depends on a flag that is deprecated or archived.',
  description:
    'When a flag depends on one that is being retired, removing the retired flag changes the behaviour of the dependent one. ' +
    'Drop the dependency (if the retired flag shipped, its behaviour is now the default) or keep the retired flag until the dependent one is gone.',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (entry.status === 'archived') continue;
      for (const [i, dep] of dependencies(entry)) {
        const target = resolveDependency(ctx.registry, dep);
        if (target?.status !== 'archived' && target?.status !== 'deprecated') continue;
        findings.push({
          message: `Flag '${entry.key}' depends on '${target.key}', which is ${target.status}. Remove the dependency, or keep '${target.key}' until '${entry.key}' is retired too.`,
          location: entry.location,
          flagKey: entry.key,
          related: [
            { message: `The dependency on '${target.key}'`, location: dependencyLocation(entry, i) },
            { message: `Registry entry of '${target.key}'`, location: target.location },
          ],
        });
      }
    }
    return findings;
  },
};
