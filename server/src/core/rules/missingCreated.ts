import { utcDay } from './dates';
import type { Rule, RuleFinding } from './rule';

/**
 * A hint, not a warning: an undated flag is not wrong, but age limits cannot hold it. When git dated
 * it (core/history), the hint says which commit the age rules now count from.
 */
export const missingCreated: Rule = {
  id: 'missing-created',
  defaultSeverity: 'hint',
  summary: 'A flag has no `created` date, so its age comes from git or is not judged at all.',
  description:
    'The age limits of `policy.maxAgeDays` count from `created`. When it is missing, flaglint takes the date of the commit that added the entry to the registry ' +
    "(when the registry is in a git repository with that commit) and says so; otherwise the flag's age is not judged. Add `created: YYYY-MM-DD` to record the date.",
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (entry.permanent === true || entry.status === 'archived') continue;
      if (entry.type === undefined || ctx.registry.policy.maxAgeDays[entry.type] === undefined) continue;
      const timeline = ctx.registry.timeline?.flags[entry.key];
      if (timeline?.createdFromGit && timeline.added) {
        const day = timeline.added.date.slice(0, 10);
        findings.push({
          message: `Flag '${entry.key}' has no \`created\` date; git says its entry was added on ${day} by ${timeline.added.author} (commit ${timeline.added.commit.slice(0, 7)}), and its age counts from then. Add \`created: ${day}\` to record it.`,
          location: entry.location,
          flagKey: entry.key,
        });
      } else if (utcDay(entry.created) === undefined) {
        const why = timeline?.truncated ? ' (its entry is older than the oldest commit of this shallow clone)' : '';
        findings.push({
          message: `Flag '${entry.key}' has no \`created\` date, so its age is not judged${why}. Add \`created: YYYY-MM-DD\`.`,
          location: entry.location,
          flagKey: entry.key,
        });
      }
    }
    return findings;
  },
};
