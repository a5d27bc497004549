import type { Rule, RuleFinding } from './rule';
import { entryOf, relatedEntry } from './rule';

export const archivedFlagInUse: Rule = {
  id: 'archived-flag-in-use',
  defaultSeverity: 'error',
  summary: 'The registry says a flag is archived, but the code still evaluates it.',
  description:
    'An archived flag has been deleted (or is about to be) from the flag service, so the code falls back to its default value ' +
    'without anyone noticing. Remove the flag from the code (`flaglint remove <key> --value <value>`), or change its status if it is still live.',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const ref of ctx.references) {
      const entry = entryOf(ctx, ref);
      if (entry?.status !== 'archived') continue;
      findings.push({
        message: `Flag '${entry.key}' is archived in the registry but still evaluated here. Remove it from the code, or set its status back to active if the flag is still live.`,
        location: ref.location,
        flagKey: entry.key,
        related: relatedEntry(entry),
      });
    }
    return findings;
  },
};
