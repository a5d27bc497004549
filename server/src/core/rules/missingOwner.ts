import type { Rule, RuleFinding } from './rule';

export const missingOwner: Rule = {
  id: 'missing-owner',
  defaultSeverity: 'error',
  summary: 'A registered flag has no owner.',
  description:
    'Without an owner nobody is accountable for rolling a flag out, answering for it in an incident, or removing it. ' +
    'Set `owner` to a team or person handle (for example `"@payments"` or `team-growth`).',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (typeof entry.owner === 'string' && entry.owner.trim() !== '') continue;
      findings.push({
        message: `Flag '${entry.key}' has no owner. Add \`owner:\` with the team or person responsible for it (e.g. "@payments").`,
        location: entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
