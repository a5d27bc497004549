import { dayOf, days, utcDay } from './dates';
import type { Rule, RuleFinding } from './rule';
import { referencesByKey } from './rule';

export const unusedFlag: Rule = {
  id: 'unused-flag',
  defaultSeverity: 'warning',
  summary: 'A registered active or rolled-out flag is evaluated nowhere in the code.',
  description:
    'A flag that is registered as active or rolled out but evaluated nowhere is either already removed from the code ' +
    '(archive it and delete it from the flag service) or evaluated by code outside the scanned folders. ' +
    'Flags created within the grace period are not reported, so a flag can be registered before the code that uses it lands.',
  check(ctx) {
    const today = dayOf(ctx.now);
    const used = referencesByKey(ctx.references);
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (entry.status !== undefined && entry.status !== 'active' && entry.status !== 'rolled-out') continue;
      if (used.has(entry.key)) continue;
      const created = utcDay(entry.created);
      if (created !== undefined && today - created < ctx.registry.policy.gracePeriodDays) continue;
      const age = created === undefined ? '' : ` It was created ${days(today - created)} ago.`;
      findings.push({
        message: `Flag '${entry.key}' is ${entry.status ?? 'active'} but no code evaluates it.${age} If it was removed from the code, set its status to archived and delete it from the flag service.`,
        location: entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
