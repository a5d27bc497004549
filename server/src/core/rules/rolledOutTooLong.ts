import { dayOf, days, utcDay } from './dates';
import type { Rule, RuleFinding } from './rule';
import { referencesByKey } from './rule';

/**
 * stale-flag already says a rolled-out flag is still in the code; this rule adds the clock: once
 * the grace period since the roll-out has passed, the clean-up is overdue. When the flag was rolled
 * out comes from git (the commit that set `status: rolled-out`); without history there is no
 * registry field that records it, so nothing is reported.
 */
export const rolledOutTooLong: Rule = {
  id: 'rolled-out-too-long',
  defaultSeverity: 'warning',
  summary: 'A flag rolled out longer ago than the grace period is still evaluated in the code.',
  description:
    'A rolled-out flag has done its job: every user gets the new path, and the old one is dead code waiting to be revived by mistake. ' +
    "Once `policy.gracePeriodDays` have passed since the commit that set `status: rolled-out` (read from the registry's git history), the flag should be gone from the code. " +
    'Remove it (`flaglint remove <key> --value <value that shipped>`) and archive the entry.',
  check(ctx) {
    const timeline = ctx.registry.timeline;
    if (!timeline) return [];
    const today = dayOf(ctx.now);
    const grace = ctx.registry.policy.gracePeriodDays;
    const findings: RuleFinding[] = [];
    for (const [key, refs] of referencesByKey(ctx.references)) {
      const entry = ctx.registry.flags.get(key);
      if (!entry || entry.status !== 'rolled-out' || entry.permanent === true) continue;
      const since = timeline.flags[key]?.statusSince;
      const day = utcDay(since?.date.slice(0, 10));
      if (!since || day === undefined || today - day <= grace) continue;
      const files = new Set(refs.map((r) => r.location.file)).size;
      findings.push({
        message:
          `Flag '${key}' has been rolled out since ${since.date.slice(0, 10)} (${days(today - day)}; the registry says so since ${since.author}'s commit ${since.commit.slice(0, 7)}), past the ${grace}-day grace period, ` +
          `and is still evaluated in ${refs.length} place${refs.length === 1 ? '' : 's'} (${files} file${files === 1 ? '' : 's'}). Remove it from the code and archive the entry.`,
        location: entry.fieldLocations['status'] ?? entry.location,
        flagKey: key,
        related: refs.slice(0, 20).map((r) => ({ message: 'Still evaluated here', location: r.location })),
      });
    }
    return findings;
  },
};
