import { registryName } from './registryName';
import type { Rule, RuleFinding } from './rule';
import { didYouMean } from './suggest';

export const unregisteredFlag: Rule = {
  id: 'unregistered-flag',
  defaultSeverity: 'error',
  summary: 'A flag is evaluated in code but has no entry in the registry.',
  description:
    'Every flag the code evaluates should be recorded in the registry with an owner, a type and a plan for its removal; ' +
    'an unregistered flag has nobody accountable for it. Add an entry for the key (the editor quick fix "Add to registry" writes a stub), ' +
    'or correct the key if it is a typo of a registered flag.',
  check(ctx) {
    const keys = [...ctx.registry.flags.keys()];
    const name = registryName(ctx.registry);
    const findings: RuleFinding[] = [];
    for (const ref of ctx.references) {
      if (ref.registryKey !== undefined) continue;
      findings.push({
        message: `Flag '${ref.key}' is not in the registry (${name}).${didYouMean(ref.key, keys)} Register it with an owner, type and rollback plan, or fix the key.`,
        location: ref.location,
        flagKey: ref.key,
      });
    }
    return findings;
  },
};
