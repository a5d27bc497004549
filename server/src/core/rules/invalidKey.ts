import { compileKeyPattern } from '../registry/keyPattern';
import type { Rule, RuleFinding } from './rule';

export const invalidKey: Rule = {
  id: 'invalid-key',
  defaultSeverity: 'warning',
  summary: "A registered flag's key does not follow the naming pattern in `policy.keyPattern`.",
  description:
    'A naming convention (for example kebab-case with a team prefix) keeps keys searchable and predictable across services. ' +
    'The whole key must match `policy.keyPattern`. Rename the flag (the editor rename updates code and registry together), or adjust the pattern.',
  check(ctx) {
    const source = ctx.registry.policy.keyPattern;
    if (source === undefined || source === '') return [];
    // The registry loader reports a pattern it cannot compile; this covers a policy built in code.
    const compiled = compileKeyPattern(source);
    if ('error' in compiled) {
      return [
        {
          message: `policy.keyPattern ${JSON.stringify(source)} is not a usable regular expression (${compiled.error}); keys are not checked. Fix the pattern.`,
          location: {
            file: ctx.registry.path,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        },
      ];
    }
    const { pattern } = compiled;
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      if (pattern.test(entry.key)) continue;
      findings.push({
        message: `Flag key '${entry.key}' does not match the naming pattern /${source}/ (policy.keyPattern). Rename the flag or adjust the pattern.`,
        location: entry.location,
        flagKey: entry.key,
      });
    }
    return findings;
  },
};
