import { normaliseOwnerHandle } from './owners';
import type { Rule, RuleFinding } from './rule';

/**
 * unknown-owner sees a handle that is not listed; the git history can say more: the owner was listed
 * and was taken out (a team dissolved, a person left), so the flag is orphaned rather than misspelt.
 */
export const departedOwner: Rule = {
  id: 'departed-owner',
  defaultSeverity: 'warning',
  summary: "A flag's owner was removed from `owners:`; nobody answers for the flag any more.",
  description:
    "When a handle is taken out of the registry's `owners:` list (the registry's git history shows the commit), the flags it owned are orphaned: nobody will extend, roll out or remove them. " +
    "Hand each flag to a current owner. This rule needs the registry's git history; without it, unknown-owner reports the same flags as unknown owners.",
  check(ctx) {
    const removed = ctx.registry.timeline?.ownersRemoved;
    if (!removed) return [];
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (typeof entry.owner !== 'string' || entry.status === 'archived') continue;
      const gone = removed[normaliseOwnerHandle(entry.owner)];
      if (!gone) continue;
      findings.push({
        message:
          `Flag '${entry.key}' is owned by '${entry.owner}', who was removed from \`owners:\` on ${gone.removed.date.slice(0, 10)} by ${gone.removed.author} (commit ${gone.removed.commit.slice(0, 7)}). ` +
          'Hand the flag to a current owner.',
        location: entry.fieldLocations['owner'] ?? entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
