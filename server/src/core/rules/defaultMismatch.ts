import type { Rule, RuleFinding } from './rule';
import { entryOf, relatedEntry } from './rule';
import { sameValue, showValue } from './values';

export const defaultMismatch: Rule = {
  id: 'default-mismatch',
  defaultSeverity: 'warning',
  summary: "The fallback value the code passes differs from the registry's `defaultValue`.",
  description:
    'The fallback is what users get when the flag service is unreachable or the flag is missing; when it differs from the registered default, ' +
    'an outage silently changes behaviour. Make the code pass the registered default, or correct `defaultValue`. ' +
    'Not reported where the value types differ (type-mismatch covers that).',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const ref of ctx.references) {
      const entry = entryOf(ctx, ref);
      if (!entry || ref.defaultValue === undefined || entry.defaultValue === undefined) continue;
      if (ref.valueType !== undefined && entry.valueType !== undefined && ref.valueType !== entry.valueType) continue;
      if (sameValue(ref.defaultValue, entry.defaultValue)) continue;
      findings.push({
        message: `Flag '${entry.key}' falls back to ${showValue(ref.defaultValue)} here, but its registered default is ${showValue(entry.defaultValue)}. Pass the registered default, or correct \`defaultValue\` in the registry.`,
        location: ref.location,
        flagKey: entry.key,
        related: relatedEntry(entry),
      });
    }
    return findings;
  },
};
