import type { Rule, RuleFinding } from './rule';
import { entryOf, relatedEntry } from './rule';

export const typeMismatch: Rule = {
  id: 'type-mismatch',
  defaultSeverity: 'error',
  summary: "The code evaluates a flag as a different value type than the registry's `valueType`.",
  description:
    'Reading a boolean flag with a string accessor (or a number flag as JSON, and so on) makes the SDK return the fallback value or a wrongly typed one. ' +
    'Use the accessor for the registered type, or correct `valueType` in the registry.',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const ref of ctx.references) {
      const entry = entryOf(ctx, ref);
      if (!entry || ref.valueType === undefined || entry.valueType === undefined || ref.valueType === entry.valueType)
        continue;
      findings.push({
        message: `Flag '${entry.key}' is registered as ${entry.valueType} but evaluated here as ${ref.valueType} (${ref.callee}). Use the ${entry.valueType} accessor, or change \`valueType\` in the registry.`,
        location: ref.location,
        flagKey: entry.key,
        related: relatedEntry(entry),
      });
    }
    return findings;
  },
};
