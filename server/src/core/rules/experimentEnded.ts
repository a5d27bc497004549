import { dayOf, days, formatDay, utcDay } from './dates';
import type { Rule, RuleFinding } from './rule';

/**
 * An experiment that has run its course needs a decision, whether or not the code still evaluates
 * it (stale-flag and unused-flag speak about the code; this one about the entry's state).
 */
export const experimentEnded: Rule = {
  id: 'experiment-ended',
  defaultSeverity: 'warning',
  summary: 'An experiment is past its end but still recorded as proposed or active.',
  description:
    "An experiment ends on its `expires` date, or, without one, when it reaches the policy's `maxAgeDays.experiment` counted from `created` (or from the commit that added it, see missing-created). " +
    'After that, a result should have been chosen: set `status: rolled-out` if a variant shipped (then remove the flag from the code), or `archived` if it was dropped, or extend `expires` if it really runs longer.',
  check(ctx) {
    const today = dayOf(ctx.now);
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (entry.type !== 'experiment' || entry.permanent === true) continue;
      if (entry.status !== undefined && entry.status !== 'active' && entry.status !== 'proposed') continue;
      const expires = utcDay(entry.expires);
      const created = utcDay(entry.created);
      const maxAge = ctx.registry.policy.maxAgeDays.experiment;
      const end = expires ?? (created !== undefined && maxAge !== undefined ? created + maxAge : undefined);
      if (end === undefined || today <= end) continue;
      const why =
        expires !== undefined ? 'its `expires` date' : `${maxAge} days after \`created\` ${formatDay(created!)}`;
      findings.push({
        message: `Experiment '${entry.key}' ended on ${formatDay(end)} (${why}, ${days(today - end)} ago) but is still ${entry.status ?? 'open'}. Record the outcome: \`status: rolled-out\` if a variant shipped, \`archived\` if not, or extend \`expires\`.`,
        location: entry.fieldLocations['status'] ?? entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
