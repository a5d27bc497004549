import type { Rule, RuleFinding } from './rule';

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

export const missingRollbackPlan: Rule = {
  id: 'missing-rollback-plan',
  defaultSeverity: 'warning',
  summary: 'A flag of a type that needs a rollback plan has none.',
  description:
    'When a release goes wrong at 3 a.m., whoever is on call needs to know whether turning the flag off is safe and what happens to data written meanwhile. ' +
    'Flags of the types in `policy.requireRollback` (by default release, ops and kill-switch) must have `rollback` (the plan, or a link to a runbook) or `runbook`.',
  check(ctx) {
    const required = new Set(ctx.registry.policy.requireRollback);
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (entry.type === undefined || !required.has(entry.type) || entry.status === 'archived') continue;
      if (filled(entry.rollback) || filled(entry.runbook)) continue;
      findings.push({
        message: `Flag '${entry.key}' (${entry.type}) has no rollback plan. Add \`rollback:\` saying how to turn it off safely, or a link to the runbook.`,
        location: entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
