import type { Rule, RuleFinding } from './rule';

export const missingExpiry: Rule = {
  id: 'missing-expiry',
  defaultSeverity: 'warning',
  summary: 'A temporary flag has no expiry date.',
  description:
    'Release flags and experiments are meant to be removed; an `expires` date makes their removal a planned task instead of forgotten debt. ' +
    'Flags of the types in `policy.requireExpiry` (by default release and experiment) need `expires` unless they are marked `permanent: true`.',
  check(ctx) {
    const required = new Set(ctx.registry.policy.requireExpiry);
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (entry.type === undefined || !required.has(entry.type)) continue;
      if (entry.permanent === true || entry.status === 'archived') continue;
      if (entry.expires !== undefined && entry.expires !== null && String(entry.expires).trim() !== '') continue;
      findings.push({
        message: `Flag '${entry.key}' (${entry.type}) has no expiry date. Add \`expires: YYYY-MM-DD\` for when it should be removed, or \`permanent: true\` if it is meant to stay.`,
        location: entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
